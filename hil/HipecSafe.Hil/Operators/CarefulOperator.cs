using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Hil.Operators;

/// <summary>
/// The rules of the automatic operator, decided from cycle reports alone (no clock, no controller): start priming in
/// Standby; in ReadyForChemo, after <see cref="ReadyCheckDelay"/> and only while the display shows every abdominal
/// probe at the drug-addition minimum, confirm the leak check and add the drug; in Interrupted (after a controller restart) resume the procedure; acknowledge alarms whose condition has
/// cleared, at most every <see cref="AcknowledgeEvery"/>; drains open in Draining and Complete. It never resets a safe
/// state or releases an emergency stop: that needs a person who has found the cause.
/// </summary>
/// <remarks>
/// How a press reaches the controller is the adapters' business (the lockstep rig's <c>AutoOperator</c>, the real-time
/// <c>RealTimeOperator</c>). A press shows whether it took only in a later report's phase, and reports already under
/// way still show the old one, so a step is pressed again only after <see cref="RetryAfter"/> in the same phase: a
/// refused press is retried (and logged) every 2 s, not every cycle.
/// </remarks>
public sealed class CarefulOperator(TreatmentProfile profile)
{
    /// <summary>How long the device is left in ReadyForChemo before the leak check is confirmed.</summary>
    public static readonly TimeSpan ReadyCheckDelay = TimeSpan.FromSeconds(10);

    /// <summary>The shortest time between two acknowledgements.</summary>
    public static readonly TimeSpan AcknowledgeEvery = TimeSpan.FromSeconds(5);

    /// <summary>How long a step press is given to change the phase before it is pressed again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private TimeSpan? _readySince;
    private TimeSpan? _lastAcknowledge;
    private (Phase Phase, TimeSpan At)? _stepPressed;

    /// <summary>What to press after this report, in order (usually nothing).</summary>
    public IReadOnlyList<OperatorAction> Decide(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = report.Tick.Time;
        var actions = new List<OperatorAction>();
        if (_stepPressed is { } pressed && pressed.Phase != report.Phase)
        {
            _stepPressed = null; // it took (or something else moved the phase): a fresh step next time
        }

        switch (report.Phase)
        {
            case Phase.Standby:
                PressStep(report.Phase, now, actions, OperatorAction.StartPriming);
                break;
            case Phase.Interrupted:
                // After a controller restart: continue the procedure where it stopped (the clinician's usual choice).
                PressStep(report.Phase, now, actions, OperatorAction.ResumeInterrupted);
                break;
            case Phase.ReadyForChemo:
                _readySince ??= now;
                if (now - _readySince >= ReadyCheckDelay && ProbesShowDrugTemperature(report))
                {
                    PressStep(report.Phase, now, actions, OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug);
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
    public static bool DrainsOpen(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Phase is Phase.Draining or Phase.Complete;
    }

    private void PressStep(Phase phase, TimeSpan now, List<OperatorAction> actions, params OperatorAction[] step)
    {
        if (_stepPressed is { } pressed && now - pressed.At < RetryAfter)
        {
            return;
        }

        _stepPressed = (phase, now);
        actions.AddRange(step);
    }

    private bool ProbesShowDrugTemperature(CycleReport report) =>
        report.Frame is { } f
        && Enumerable.Range(0, SensorFrame.AbdominalProbeCount).All(i => f.AbdomenProbe(i) >= profile.DrugAdditionMinimum);
}
