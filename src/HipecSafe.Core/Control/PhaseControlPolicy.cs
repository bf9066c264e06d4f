using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Control;

/// <summary>
/// Which loops run in which phase:
/// <list type="table">
/// <item><term>Priming</term><description>pump at the target flow, heater off (circulate and de-air cold).</description></item>
/// <item><term>Heating, ReadyForChemo, ChemoPerfusion</term><description>pump and full temperature cascade.</description></item>
/// <item><term>Washout</term><description>pump on; heater holds the inflow at 37 °C (normothermia), abdominal loop off.
/// The therapy is over, so nothing is gained by staying hyperthermic; a 37 °C set-point is 4–6 K below every
/// temperature alarm, so the heater cannot create an overheating hazard; but switching the heater off would let
/// litres of room-temperature washout saline cool the patient — the inflow loop adds heat only while the fluid is
/// below body temperature.</description></item>
/// <item><term>Draining</term><description>pump on, heater off (the circuit empties; no heat into a draining line).</description></item>
/// <item><term>PowerOnSelfTest, Standby, Paused, Complete, SafeState, EmergencyStop</term><description>heater off,
/// pump off, clamp closed (interlocks may further decide what SafeState keeps running; this is what the control
/// law asks for).</description></item>
/// </list>
/// </summary>
public static class PhaseControlPolicy
{
    public static LoopPlan For(Phase phase) => phase switch
    {
        Phase.Priming => new LoopPlan(PumpRuns: true, HeaterMode.Off),
        Phase.Heating or Phase.ReadyForChemo or Phase.ChemoPerfusion => new LoopPlan(PumpRuns: true, HeaterMode.Cascade),
        Phase.Washout => new LoopPlan(PumpRuns: true, HeaterMode.HoldWashoutSetpoint),
        Phase.Draining => new LoopPlan(PumpRuns: true, HeaterMode.Off),
        Phase.PowerOnSelfTest or Phase.Standby or Phase.Paused or Phase.Complete or Phase.SafeState or Phase.EmergencyStop
            or Phase.Interrupted
            => LoopPlan.AllOff,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, $"no control policy for phase {(int)phase}"),
    };
}
