using HipecSafe.Controller;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;

namespace HipecSafe.Hil.Rig;

/// <summary>
/// `operator: auto` — confirms every operator step the way a careful operator would: starts priming, confirms the
/// leak check once the device is ready, adds the drug only when the display shows every abdominal probe at the
/// drug-addition minimum, opens the abdominal drains for draining, and acknowledges alarms whose condition has
/// cleared. It never resets a safe state: that needs a person who has found the cause.
/// </summary>
public sealed class AutoOperator(TreatmentProfile profile)
{
    private static readonly TimeSpan ReadCheckDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AcknowledgeEvery = TimeSpan.FromSeconds(5);
    private TimeSpan? _readySince;
    private TimeSpan _lastAcknowledge = TimeSpan.MinValue;
    private readonly List<Task<OperatorReply>> _presses = [];

    /// <summary>The device's answers so far (a press is answered in the cycle after it).</summary>
    public IReadOnlyList<OperatorReply> Replies => _presses.Where(p => p.IsCompletedSuccessfully).Select(p => p.Result).ToList();

    /// <summary>Looks at the last cycle and acts; call between rig steps.</summary>
    public void Act(SimulationRig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        if (rig.Last?.Report is not { } report)
        {
            return;
        }

        var now = report.Tick.Time;
        rig.Plant.AbdominalDrainOpen = report.Phase is Phase.Draining or Phase.Complete;
        switch (report.Phase)
        {
            case Phase.Standby:
                Press(rig.Controller, OperatorAction.StartPriming);
                break;
            case Phase.ReadyForChemo:
                _readySince ??= now;
                if (now - _readySince >= ReadCheckDelay && ProbesShowDrugTemperature(report))
                {
                    Press(rig.Controller, OperatorAction.ConfirmLeakCheck);
                    Press(rig.Controller, OperatorAction.AddDrug);
                }

                break;
            default:
                _readySince = null;
                break;
        }

        if (report.Alarms?.Alarms.Any(a => a.State == AlarmState.LatchedCleared) == true && now - _lastAcknowledge >= AcknowledgeEvery)
        {
            _lastAcknowledge = now;
            Press(rig.Controller, OperatorAction.AcknowledgeAlarms);
        }
    }

    private bool ProbesShowDrugTemperature(CycleReport report) =>
        report.Frame is { } f && Enumerable.Range(0, 4).All(i => f.AbdomenProbe(i) >= profile.DrugAdditionMinimum);

    private void Press(ControllerRuntime controller, OperatorAction action) => _presses.Add(controller.Submit(action));
}
