using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>What the control law computed on the way to its command, for the status screen, the log and tuning.</summary>
/// <param name="Plan">Loops that ran this step.</param>
/// <param name="TimeStep">Integration step used (the time since the last step, capped).</param>
/// <param name="TimeStepCapped">The time since the last step exceeded <see cref="ControlLaw.MaxTimeStep"/> and was cut.</param>
/// <param name="InflowSetpoint">Inflow set-point given to the inner loop, null when the heater is off or held.</param>
/// <param name="Abdominal">Mean, hottest and regulated abdominal temperature from the valid probes.</param>
/// <param name="AbdominalFeedbackLost">Cascade wanted but no abdominal probe valid: set-point held, never raised.</param>
/// <param name="Outer">Abdominal loop terms (output = inflow set-point °C), null when it did not run.</param>
/// <param name="Inner">Inflow loop terms (output = heater ‰), null when it did not run.</param>
/// <param name="Flow">Flow loop terms (output = rpm trim), null when it did not run or was held.</param>
/// <param name="HeaterFeedForwardPermille">ṁ·c·ΔT as ‰ of heater power (0 when not computed).</param>
/// <param name="FlowReference">Ramped flow reference the pump follows.</param>
/// <param name="PumpFeedForwardRpm">Reference ÷ tubing mL/rev.</param>
/// <param name="HeaterHeldReason">Why the heater is held off in a heating phase, null otherwise.</param>
/// <param name="FlowHeldReason">Why the flow trim is frozen, null otherwise.</param>
public sealed record ControlDiagnostics(
    LoopPlan Plan,
    Duration TimeStep,
    bool TimeStepCapped,
    Temperature? InflowSetpoint,
    AbdominalFeedback Abdominal,
    bool AbdominalFeedbackLost,
    PidTerms? Outer,
    PidTerms? Inner,
    PidTerms? Flow,
    double HeaterFeedForwardPermille,
    VolumetricFlow FlowReference,
    double PumpFeedForwardRpm,
    string? HeaterHeldReason,
    string? FlowHeldReason);
