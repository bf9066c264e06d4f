using HipecSafe.Controller;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.Operators;

namespace HipecSafe.Hil.RealTime;

/// <summary>
/// <c>run --auto</c>: presses what the <see cref="CarefulOperator"/> decides from each cycle report on a controller
/// running in real time. Opening the abdominal drains is a hand action on the rig, so the caller asks for it
/// (<see cref="CarefulOperator.DrainsOpen"/>).
/// </summary>
public sealed class RealTimeOperator(TreatmentProfile profile)
{
    private readonly CarefulOperator _careful = new(profile);

    /// <summary>Presses, in order, what this report calls for; each answer comes when the device has acted on the press.</summary>
    public IReadOnlyList<(OperatorAction Action, Task<OperatorReply> Reply)> Act(ControllerRuntime controller, CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return [.. _careful.Decide(report).Select(a => (a, controller.Submit(a)))];
    }
}
