using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>
/// Everything the <see cref="ControlLaw"/> carries from one step to the next. Immutable: each step takes one and
/// returns the next, so the law itself keeps nothing between calls. <see cref="Initial"/> is the state before the
/// first step; from it every loop engages afresh, bumplessly, from the command actually applied.
/// </summary>
/// <param name="LastTime">Time of the last step, from which the next time step is measured (null before the first).</param>
/// <param name="LastDesired">The command the last step asked for (the safe command before the first). An applied
/// command that differs from it was changed by an interlock, and the loops re-track.</param>
/// <param name="FlowEngaged">The flow loop has taken over the pump.</param>
/// <param name="InflowEngaged">The inflow loop has taken over the heater.</param>
/// <param name="AbdominalEngaged">The abdominal loop sets the inflow set-point.</param>
/// <param name="FeedForwardAvailable">Whether the heater feed-forward (outflow probe valid) was there when the inflow
/// loop last tracked: its appearing or disappearing re-tracks the loop.</param>
/// <param name="LastProbeMask">Valid abdominal probes at the last abdominal step (bit i: probe i + 1): a change
/// re-tracks the abdominal loop.</param>
/// <param name="FlowReferenceMlPerMin">The ramped flow reference, mL/min.</param>
/// <param name="InflowSetpointC">The last inflow set-point from the abdominal loop, °C (held when the probes fail).</param>
/// <param name="InflowSaturation">Where the inflow loop sat last step: the abdominal integrator is held in that direction.</param>
/// <param name="HeaterOverridden">The heater power applied in the last step differed from the one asked for before it:
/// a second such step in a row is an override that persists, and the inflow loop tracks it.</param>
/// <param name="Abdominal">Abdominal (outer) loop.</param>
/// <param name="Inflow">Inflow (inner) loop.</param>
/// <param name="Flow">Flow loop.</param>
public readonly record struct ControlLawState(
    Duration? LastTime,
    ActuatorCommand LastDesired,
    bool FlowEngaged,
    bool InflowEngaged,
    bool AbdominalEngaged,
    bool FeedForwardAvailable,
    int LastProbeMask,
    double FlowReferenceMlPerMin,
    double InflowSetpointC,
    PidSaturation InflowSaturation,
    bool HeaterOverridden,
    PidState Abdominal,
    PidState Inflow,
    PidState Flow)
{
    /// <summary>Before the first step: no time yet, the safe command asked for, no loop engaged.</summary>
    public static ControlLawState Initial { get; } = new(
        LastTime: null,
        LastDesired: ActuatorCommand.Safe,
        FlowEngaged: false,
        InflowEngaged: false,
        AbdominalEngaged: false,
        FeedForwardAvailable: false,
        LastProbeMask: 0,
        FlowReferenceMlPerMin: 0,
        InflowSetpointC: 0,
        InflowSaturation: PidSaturation.None,
        HeaterOverridden: false,
        Abdominal: PidState.Initial,
        Inflow: PidState.Initial,
        Flow: PidState.Initial);
}
