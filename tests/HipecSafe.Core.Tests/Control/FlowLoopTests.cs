using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Control;

public class FlowLoopTests
{
    private static readonly TreatmentProfile Profile = TreatmentProfile.Default;
    private static double TargetMlPerMin => Profile.FlowTarget.MillilitersPerMinute;
    private static double FeedForwardRpm => TargetMlPerMin / Profile.TubingMillilitersPerRevolution;

    [Fact]
    [Verifies("SRS-CT-009")]
    public void Flow_reaches_the_target_within_2_percent_although_the_tubing_delivers_10_percent_less_than_nominal()
    {
        var loop = new ClosedLoop(new CascadeTestPlant());

        loop.Run(Phase.Standby, 5).Run(Phase.Priming, 120);

        var after30s = loop.Between(5 + 30, double.MaxValue).ToList();
        Assert.All(after30s, s => Assert.InRange(s.Flow, TargetMlPerMin * 0.98, TargetMlPerMin * 1.02));
        Assert.Equal(TargetMlPerMin, after30s[^1].Diagnostics.FlowReference.MillilitersPerMinute, 9);
        Assert.Equal(FeedForwardRpm, after30s[^1].Diagnostics.PumpFeedForwardRpm, 9);
        // The trim makes up the 10 % the tubing does not deliver.
        Assert.InRange(after30s[^1].Command.PumpSpeedRpm, FeedForwardRpm / 0.9 - 0.5, FeedForwardRpm / 0.9 + 0.5);
    }

    [Fact]
    [Verifies("SRS-CT-009")]
    public void The_pump_feed_forward_is_the_target_flow_divided_by_the_tubing_volume_per_revolution()
    {
        var profile = Profile with { TubingMillilitersPerRevolution = 25 };
        var loop = new ClosedLoop(new CascadeTestPlant { MlPerRev = 25 }, profile);

        loop.Run(Phase.Priming, 60);

        Assert.Equal(profile.FlowTarget.MillilitersPerMinute / 25, loop.Samples[^1].Diagnostics.PumpFeedForwardRpm, 9);
        Assert.InRange(loop.Samples[^1].Flow, profile.FlowTarget.MillilitersPerMinute * 0.98, profile.FlowTarget.MillilitersPerMinute * 1.02);
    }

    [Fact]
    [Verifies("SRS-CT-010")]
    public void A_flow_meter_stuck_at_zero_cannot_drive_the_pump_beyond_the_trim_limit()
    {
        var loop = new ClosedLoop(new CascadeTestPlant()) { FlowReading = _ => 0 };

        loop.Run(Phase.Priming, 600);

        var limit = FeedForwardRpm * (1 + ControlGains.Default.FlowTrimFraction);
        Assert.All(loop.Samples, s => Assert.True(s.Command.PumpSpeedRpm <= limit + 1e-9, $"{s.Command.PumpSpeedRpm} rpm above {limit} rpm"));
        Assert.Equal(limit, loop.Samples[^1].Command.PumpSpeedRpm, 9);
    }

    [Fact]
    [Verifies("SRS-CT-010")]
    public void An_invalid_flow_meter_freezes_the_trim_and_holds_the_heater_off()
    {
        var loop = new ClosedLoop(new CascadeTestPlant());
        loop.Run(Phase.Priming, 60).Run(Phase.Heating, 120);
        var before = loop.Samples[^1].Command;
        Assert.True(before.HeaterPowerPermille > 0);

        loop.FlowMeterValid = false;
        loop.Run(Phase.Heating, 60);

        var during = loop.Samples.Where(s => s.Time >= 180).ToList();
        Assert.All(during, s => Assert.Equal(before.PumpSpeedRpm, s.Command.PumpSpeedRpm, 6));
        Assert.All(during, s => Assert.Equal(0, s.Command.HeaterPowerPermille));
        Assert.All(during, s => Assert.False(s.Command.HeaterEnabled));
        Assert.All(during, s => Assert.Contains("flow measurement invalid", s.Diagnostics.FlowHeldReason));
        Assert.All(during, s => Assert.Contains("no heating without proven flow", s.Diagnostics.HeaterHeldReason));
    }
}
