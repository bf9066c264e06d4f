using HipecSafe.Core.Control;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Control;

/// <summary>A control law with its state threaded from step to step, as the control loop actor does.</summary>
internal sealed class ControlLawRun(ControlLaw? law = null)
{
    public ControlLaw Law { get; } = law ?? new ControlLaw();

    public ControlLawState State { get; private set; } = ControlLawState.Initial;

    /// <summary>One step; the state moves on only when the step succeeds.</summary>
    public ControlOutput Step(Duration now, ControlInputs inputs)
    {
        var step = Law.Step(State, now, inputs);
        State = step.State;
        return step.Output;
    }

    /// <summary>Back to the state before the first step.</summary>
    public void Restart() => State = ControlLawState.Initial;
}
