using HipecSafe.Core.Operations;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.Operators;
using HipecSafe.Hil.Scenarios;

namespace HipecSafe.Hil.Rig;

/// <summary>
/// `operator: auto` on the lockstep rig: after each step it presses what the <see cref="CarefulOperator"/> decides
/// from the last cycle report, opens or closes the plant's abdominal drains and starts the washout's saline exchange
/// on the plant as it says. A scenario's <see cref="OperatorScript"/>, when given, adds its scripted presses and
/// refusals.
/// </summary>
public sealed class AutoOperator(TreatmentProfile profile, OperatorScript? script = null)
{
    private readonly CarefulOperator _careful = new(profile);
    private readonly List<Task<OperatorReply>> _presses = [];

    /// <summary>The device's answers so far, in press order (a procedure command is answered in the cycle after it).</summary>
    public IReadOnlyList<OperatorReply> Replies => _presses.Where(p => p.IsCompletedSuccessfully).Select(p => p.Result).ToList();

    /// <summary>Looks at the last cycle and acts; call between rig steps.</summary>
    public void Act(SimulationRig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        if (rig.Last?.Report is not { } report)
        {
            return;
        }

        rig.Plant.AbdominalDrainOpen = CarefulOperator.DrainsOpen(report);
        if (_careful.SalineExchangeToStart(report) is { } exchange)
        {
            rig.Plant.ExchangeForSaline(exchange);
        }

        IReadOnlyList<OperatorAction> scripted = [];
        if (script is not null)
        {
            // Refusals first: a step refused in this cycle is not pressed in it either.
            var (presses, refusals) = script.Decide(report);
            foreach (var refused in refusals)
            {
                _careful.Refuse(refused);
            }

            scripted = presses;
        }

        foreach (var action in _careful.Decide(report).Concat(scripted))
        {
            _presses.Add(rig.Controller.Submit(action));
        }
    }
}
