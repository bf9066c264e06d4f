using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>GATE-INFLOW-UNTRUSTED: the heater stays off unless the gate's own validation trusts an inflow reading (SRS-GT-009).</summary>
public class GateInflowTrustTests
{
    private static readonly ConstraintReason Untrusted = new(ConstraintAction.HeaterOff, "GATE-INFLOW-UNTRUSTED", "HAZ-010");

    [Fact]
    [Verifies("SRS-GT-009")]
    public void Both_inflow_probes_flagged_by_the_board_switch_the_heater_off_and_keep_circulation()
    {
        var rig = new GateRig();
        rig.Frame = rig.Frame with { ChannelFaultBits = (ushort)(Bit(SensorChannel.InflowA) | Bit(SensorChannel.InflowB)) };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(Running.WithHeaterOff(), verdict.Command);
        Assert.Equal([Untrusted], verdict.Reasons);
    }

    [Fact]
    [Verifies("SRS-GT-009")]
    public void One_valid_inflow_probe_is_enough_to_heat()
    {
        var rig = new GateRig();
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.InflowA) };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(Running, verdict.Command);
        Assert.DoesNotContain(Untrusted, verdict.Reasons);
    }

    [Fact]
    [Verifies("SRS-GT-009")]
    public void A_failed_sensor_read_leaves_no_trusted_inflow()
    {
        var rig = new GateRig { SensorReadFails = true, SensorFailures = 1 };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(Running.WithHeaterOff(), verdict.Command);
        Assert.Contains(Untrusted, verdict.Reasons);
    }

    [Fact]
    [Verifies("SRS-GT-009", "SRS-GT-013")]
    public void Inflow_readings_the_gate_finds_implausible_are_not_trusted_whatever_the_control_lane_asks()
    {
        // Both probes jump 1 °C in 100 ms: faster than fluid can change (2 °C/s + 0.1 °C, SRS-IL-031).
        var rig = new GateRig();
        rig.Frame = rig.Frame with { InflowA = T(42.0), InflowB = T(42.0) };

        var verdict = rig.Decide(Running).Verdict;

        Assert.Equal(Running.WithHeaterOff(), verdict.Command);
        Assert.Contains(Untrusted, verdict.Reasons);
    }
}
