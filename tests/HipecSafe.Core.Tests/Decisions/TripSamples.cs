using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Tests.Interlocks;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Trips as the standard interlock rules raise them (through <see cref="InterlockRig"/>), and gate verdicts carrying
/// them: what the control lane reads of the previous cycle.
/// </summary>
internal static class TripSamples
{
    /// <summary>IL-INFLOW-HIGH (SafeState, latched) with the inflow still at 45.5 °C.</summary>
    public static InterlockTrip InflowHighHolding() =>
        new InterlockRig(f => f with { InflowA = T(45.5), InflowB = T(45.5) }).Trip("IL-INFLOW-HIGH");

    /// <summary>IL-INFLOW-HIGH after the inflow cooled from 45.5 °C to 40.0 °C: awaiting an operator reset.</summary>
    public static InterlockTrip InflowHighAwaitingReset()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(45.5), InflowB = T(45.5) });
        rig.Frame = rig.Frame with { InflowA = T(40.0), InflowB = T(40.0) };
        rig.Step(Ms(2000));
        return rig.Trip("IL-INFLOW-HIGH");
    }

    /// <summary>IL-OCCLUSION (heater off and pump stop, latched) with the line pressure still at 301 mmHg.</summary>
    public static InterlockTrip OcclusionHolding() => Occluded().Trip("IL-OCCLUSION");

    /// <summary>IL-OCCLUSION after the pressure fell back to 150 mmHg: awaiting an operator reset.</summary>
    public static InterlockTrip OcclusionAwaitingReset()
    {
        var rig = Occluded();
        rig.Frame = rig.Frame with { InflowPressure = Pressure.FromMillimetersOfMercury(150) };
        rig.Step();
        return rig.Trip("IL-OCCLUSION");
    }

    /// <summary>IL-OCCLUSION while the pressure channel is flagged by the board: its condition cannot be confirmed clear.</summary>
    public static InterlockTrip OcclusionUnknown()
    {
        var rig = Occluded();
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.InflowPressure) };
        rig.Step();
        return rig.Trip("IL-OCCLUSION");
    }

    /// <summary>IL-CORE-WARNING (alarm only, not latched) at a core temperature of 39.6 °C.</summary>
    public static InterlockTrip CoreWarning() => new InterlockRig(f => f with { Core = T(39.6) }).Trip("IL-CORE-WARNING");

    /// <summary>IL-BOARD-SAFE-LATCH (SafeState, latched) with board_status bit0 still set.</summary>
    public static InterlockTrip BoardSafeLatch()
    {
        var rig = new InterlockRig();
        rig.Feedback = NominalFeedback() with { Status = NominalFeedback().Status | BoardStatus.SafeLatchedByWatchdog };
        rig.Step();
        return rig.Trip("IL-BOARD-SAFE-LATCH");
    }

    /// <summary>IL-BOARD-LIMITER (SafeState, latched) with board_status bit1 still set and the limiter at <paramref name="limiterCelsius"/>.</summary>
    public static InterlockTrip BoardLimiter(double limiterCelsius)
    {
        var rig = new InterlockRig();
        rig.Feedback = NominalFeedback() with
        {
            Status = NominalFeedback().Status | BoardStatus.LimiterTripped,
            LimiterTemperature = T(limiterCelsius),
        };
        rig.Step();
        return rig.Trip("IL-BOARD-LIMITER");
    }

    /// <summary>IL-AIR-DETECTOR-UNTESTED (medium, no constraint): the pump has run 20 s in Priming and the detector never reported air.</summary>
    public static InterlockTrip AirDetectorUntested()
    {
        var rig = new InterlockRig(f => f with { AirDetected = false }, Phase.Priming);
        rig.Run(TimeSpan.FromSeconds(21));
        return rig.Trip("IL-AIR-DETECTOR-UNTESTED");
    }

    /// <summary>A verdict of the previous cycle with these trips active (its command is not read by the control lane).</summary>
    public static GateVerdict VerdictWith(params InterlockTrip[] trips) =>
        new(0, ActuatorCommand.Safe, false, true, true, trips, [], ValueList.Empty<SafetyCause>());

    private static InterlockRig Occluded()
    {
        var rig = new InterlockRig(f => f with { InflowPressure = Pressure.FromMillimetersOfMercury(301) });
        rig.Run(Ms(500));
        Assert.True(rig.IsActive("IL-OCCLUSION"));
        return rig;
    }
}
