using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Sensors.Validation;
using HipecSafe.Core.Tests.Interlocks;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Why a cycle was not hyperthermic perfusion (SRS-PH-022): the log tells the hold with its reason, so when the pump is
/// stopped and the abdomen is below the band both reasons are told; with no sensor sample the abdomen is not known to be
/// in the band, and the reason says so.
/// </summary>
public class HyperthermicPerfusionTests
{
    private static ValidatedFrame Validated(Sensors.SensorFrame? frame) =>
        new ValidatorRig(SensorValidationLimits.For(ProcedureRig.Profile.Limits)).Validate(TimeSpan.Zero, frame);

    private static BoardReadout PumpStopped(Sensors.SensorFrame? frame) =>
        new(frame, frame is null ? "response timeout" : null, BoardEcho.Reporting(ActuatorCommand.Safe), null,
            new HeldCommand(ActuatorCommand.Safe, 0), null, 0, 0);

    [Fact]
    [Verifies("SRS-PH-022")]
    public void A_stopped_pump_and_an_abdomen_below_the_band_are_both_told()
    {
        var cold = ProcedureRig.WithAbdomen(InterlockRig.Nominal(), 39.0); // below the 41.0 °C band low

        var why = HyperthermicPerfusion.WhyNot(PumpStopped(cold), Validated(cold), ProcedureRig.Profile);

        Assert.NotNull(why);
        var reasons = why.Split("; ");
        Assert.Equal(2, reasons.Length);
        Assert.StartsWith("pump stopped", reasons[0], StringComparison.Ordinal);
        Assert.StartsWith("abdomen below the band", reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void Without_a_sensor_sample_the_abdomen_is_not_known_to_be_in_the_band()
    {
        var why = HyperthermicPerfusion.WhyNot(PumpStopped(null), Validated(null), ProcedureRig.Profile);

        Assert.Contains("abdomen not known to be in the band: no sensor sample", why, StringComparison.Ordinal);
    }
}
