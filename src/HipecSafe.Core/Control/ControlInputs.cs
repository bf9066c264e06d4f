using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>What the control law reads each cycle.</summary>
/// <param name="Phase">Current procedure phase (selects the loops, <see cref="PhaseControlPolicy"/>).</param>
/// <param name="Profile">Treatment profile in force.</param>
/// <param name="SaferInflow">The higher of the two inflow probes (A/B): controlling on the hotter reading errs
/// towards less heat.</param>
/// <param name="Outflow">Outflow (return) temperature, or null when that probe is not valid: the heater
/// feed-forward then drops out and the PI carries the load alone.</param>
/// <param name="AbdominalProbes">The abdominal probes in order (probe 1 first) with their validity.</param>
/// <param name="MeasuredFlow">Inflow flow meter reading, or null when it is not valid: the flow loop then holds its
/// trim and the heater is held off (no heat without proven flow).</param>
/// <param name="AppliedCommand">What was actually written to the actuator board last cycle, after interlock
/// constraints; null means "what the control law asked for". When it differs, the loops track it so they neither
/// wind up while constrained nor jump when released.</param>
public sealed record ControlInputs(
    Phase Phase,
    TreatmentProfile Profile,
    Temperature SaferInflow,
    Temperature? Outflow,
    IReadOnlyList<ProbeReading> AbdominalProbes,
    VolumetricFlow? MeasuredFlow,
    ActuatorCommand? AppliedCommand = null);
