using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;

namespace HipecSafe.Hil.RealTime;

/// <summary>
/// <c>run --auto</c>: the careful operator of the lockstep rig's AutoOperator, for a controller in real time. It
/// decides from a cycle report alone what to press: start priming in Standby; in ReadyForChemo, after 10 s and only
/// while the display shows every abdominal probe at the drug-addition minimum, confirm the leak check and add the
/// drug; acknowledge alarms whose condition has cleared (at most every 5 s). It never resets a safe state: that
/// needs a person who has found the cause. Opening the abdominal drains is a hand action on the rig, so it is only
/// reported (<see cref="DrainsShouldBeOpen"/>).
/// </summary>
public sealed class RealTimeOperator(TreatmentProfile profile)
{
    private static readonly TimeSpan ReadyCheckDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AcknowledgeEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);
    private TimeSpan? _readySince;
    private TimeSpan? _lastAcknowledge;
    private TimeSpan? _primingRequestedAt;

    /// <summary>What to press after this cycle, in order (usually nothing). A press that did not take is repeated a few seconds later.</summary>
    public IReadOnlyList<OperatorAction> Decide(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = report.Tick.Time;
        var actions = new List<OperatorAction>();
        switch (report.Phase)
        {
            case Phase.Standby:
                // Reports already queued still show Standby after the press: ask again only if it did not take.
                if (_primingRequestedAt is null || now - _primingRequestedAt >= RetryEvery)
                {
                    _primingRequestedAt = now;
                    actions.Add(OperatorAction.StartPriming);
                }

                break;
            case Phase.ReadyForChemo:
                _readySince ??= now;
                if (now - _readySince >= ReadyCheckDelay && ProbesShowDrugTemperature(report))
                {
                    actions.Add(OperatorAction.ConfirmLeakCheck);
                    actions.Add(OperatorAction.AddDrug);
                    _readySince = now; // not again every cycle while the phase change is under way
                }

                break;
            default:
                _readySince = null;
                break;
        }

        if (report.Alarms?.Alarms.Any(a => a.State == AlarmState.LatchedCleared) == true
            && (_lastAcknowledge is null || now - _lastAcknowledge >= AcknowledgeEvery))
        {
            _lastAcknowledge = now;
            actions.Add(OperatorAction.AcknowledgeAlarms);
        }

        return actions;
    }

    /// <summary>The abdomen is emptied into the reservoir in Draining; the drains stay open once it is Complete.</summary>
    public static bool DrainsShouldBeOpen(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Phase is Phase.Draining or Phase.Complete;
    }

    private bool ProbesShowDrugTemperature(CycleReport report) =>
        report.Frame is { } f && Enumerable.Range(0, 4).All(i => f.AbdomenProbe(i) >= profile.DrugAdditionMinimum);
}
