using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Operators;

/// <summary>
/// The rules of the automatic operator, decided from cycle reports alone (no clock, no controller): start priming in
/// Standby; in ReadyForChemo, after <see cref="ReadyCheckDelay"/> and only while the display shows every abdominal
/// probe above the drug-addition minimum by the probe accuracy (as the device requires), confirm the leak check and
/// add the drug; at the start of Washout exchange the perfusate for saline (<see cref="WashoutExchange"/>) and, once
/// that is done and while the display shows the washout time waiting for it, confirm the exchange; in Interrupted (after a controller restart) resume the procedure; acknowledge alarms
/// whose condition has cleared, at most every <see cref="AcknowledgeEvery"/>; drains open in Draining and Complete.
/// It never resets a safe state or releases an emergency stop: that needs a person who has found the cause.
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

    private readonly HashSet<OperatorAction> _refused = [];

    /// <summary>
    /// The saline exchange done at the start of Washout: about the circuit's volume (5 L: 1.5 L reservoir and lines,
    /// 4 L abdominal fill, hil/PLANT.md §3) at 1 L/min, the saline poured 20 s after the draining began: the reservoir
    /// dips by about 333 mL — more than the 200 mL the device needs to see the drain, within the 400 mL drawdown the
    /// instructions plan for (SRS-PH-023) and clear of the 600 mL low alarm — warmed to 37 °C, the washout's set-point.
    /// </summary>
    public static readonly SalineExchange WashoutExchange = new(
        Volume.FromLiters(5), VolumetricFlow.FromLitersPerMinute(1), Duration.FromSeconds(20), Temperature.FromDegreesCelsius(37));

    private TimeSpan? _readySince;
    private TimeSpan? _exchangeStartedAt;
    private bool _exchangeHandedOut;
    private TimeSpan? _lastAcknowledge;
    private (Phase Phase, TimeSpan At)? _stepPressed;

    /// <summary>
    /// From now on the operator does not press <paramref name="step"/> (a scripted refusal, e.g. not adding the drug):
    /// the device must then wait in its phase, which a scenario can check.
    /// </summary>
    public void Refuse(OperatorAction step) => _refused.Add(step);

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
            case Phase.Washout:
                _readySince = null;
                _exchangeStartedAt ??= now;
                if (report.ClockHeld is not null && now - _exchangeStartedAt >= WashoutExchange.Lasts.ToTimeSpan())
                {
                    PressStep(report.Phase, now, actions, OperatorAction.ConfirmWashoutExchange);
                }

                break;
            default:
                _readySince = null;
                break;
        }

        if (!_refused.Contains(OperatorAction.AcknowledgeAlarms)
            && report.Alarms?.Alarms.Any(a => a.State == AlarmState.LatchedCleared) == true
            && (_lastAcknowledge is null || now - _lastAcknowledge >= AcknowledgeEvery))
        {
            _lastAcknowledge = now;
            actions.Add(OperatorAction.AcknowledgeAlarms);
        }

        return actions;
    }

    /// <summary>
    /// The saline exchange to start after this report: <see cref="WashoutExchange"/> at the first Washout report, once
    /// per procedure; null otherwise. The adapters perform it (the lockstep rig on its plant) or ask a person to.
    /// </summary>
    public SalineExchange? SalineExchangeToStart(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Phase != Phase.Washout || _exchangeHandedOut)
        {
            return null;
        }

        _exchangeHandedOut = true;
        _exchangeStartedAt ??= report.Tick.Time;
        return WashoutExchange;
    }

    /// <summary>The abdomen is emptied into the reservoir in Draining; the drains stay open once it is Complete.</summary>
    public static bool DrainsOpen(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Phase is Phase.Draining or Phase.Complete;
    }

    private void PressStep(Phase phase, TimeSpan now, List<OperatorAction> actions, params OperatorAction[] step)
    {
        if ((_stepPressed is { } pressed && now - pressed.At < RetryAfter) || step.Any(_refused.Contains))
        {
            return;
        }

        _stepPressed = (phase, now);
        actions.AddRange(step);
    }

    private bool ProbesShowDrugTemperature(CycleReport report) =>
        report.Frame is { } f
        && Enumerable.Range(0, SensorFrame.AbdominalProbeCount)
            .All(i => f.AbdomenProbe(i) > profile.DrugAdditionMinimum + MeasurementAccuracy.TemperatureProbe);
}
