using HipecSafe.Controller.Operations;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.Operators;

namespace HipecSafe.Hil.Rig;

/// <summary>
/// `operator: auto` on the lockstep rig: after each step it presses what the <see cref="CarefulOperator"/> decides
/// from the last cycle report and opens or closes the plant's abdominal drains as it says.
/// </summary>
public sealed class AutoOperator(TreatmentProfile profile)
{
    private readonly CarefulOperator _careful = new(profile);
    private readonly List<OperatorReply> _replies = [];

    public IReadOnlyList<OperatorReply> Replies => _replies;

    /// <summary>Looks at the last cycle and acts; call between rig steps.</summary>
    public void Act(SimulationRig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        if (rig.Last?.Report is not { } report)
        {
            return;
        }

        rig.Plant.AbdominalDrainOpen = CarefulOperator.DrainsOpen(report);
        foreach (var action in _careful.Decide(report))
        {
            _replies.Add(rig.Controller.Command(action));
        }
    }
}
