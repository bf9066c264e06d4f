using System.Globalization;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// Judges a scenario's <c>expect:</c> block against what a run measured. Pure: the same observations always give the
/// same verdict. Besides what the scenario asks, two checks always apply: every fault must have fired (a scenario whose
/// fault never happened tested nothing) unless the run was ended early in a safe state, and the hazard log must verify
/// intact.
/// </summary>
public static class ExpectationChecker
{
    public static IReadOnlyList<ExpectationOutcome> Check(Scenario scenario, ScenarioObservations observed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observed);
        var expect = scenario.Expect;
        var outcomes = new List<ExpectationOutcome>();
        if (scenario.Faults.Count > 0)
        {
            outcomes.Add(FaultsInjected(observed));
        }

        if (scenario.Script.Count > 0)
        {
            outcomes.Add(ScriptPlayed(observed));
        }

        outcomes.Add(SafeState(expect, observed));
        if (expect.Alarm is { } alarm)
        {
            outcomes.Add(AlarmRaised(alarm, observed));
        }

        if (expect.NeverEnters is { Count: > 0 } never)
        {
            outcomes.Add(NeverEnters(never, observed));
        }

        if (expect.ChemoClock is { } clock)
        {
            outcomes.Add(ChemoClock(clock, observed));
        }

        if (expect.HazardLogged is { } logged)
        {
            outcomes.Add(HazardLogged(logged, observed));
        }

        var limits = expect.Limits;
        AddLimit(outcomes, "limits.abdomen_max_c", limits.AbdomenMaxC, observed.MaxAbdomenC, "true hottest abdominal temperature");
        AddLimit(outcomes, "limits.inflow_max_c", limits.InflowMaxC, observed.MaxInflowC, "true inflow temperature");
        AddLimit(outcomes, "limits.core_max_c", limits.CoreMaxC, observed.MaxCoreC, "true core temperature");
        if (expect.CompletionRequired)
        {
            outcomes.Add(new ExpectationOutcome("completes", observed.Completed, "the procedure reaches Complete",
                observed.Completed ? $"Complete at {ScenarioTime.Clock(observed.EndTime)}" : $"ended in {observed.EndPhase} at {ScenarioTime.Clock(observed.EndTime)} ({observed.EndReason})"));
        }

        outcomes.Add(new ExpectationOutcome("hazard_log_intact", observed.LogStatus == VerificationStatus.Intact, "the hazard log verifies intact", observed.LogDescription));
        return outcomes;
    }

    private static ExpectationOutcome FaultsInjected(ScenarioObservations observed)
    {
        var missing = observed.Faults.Where(f => !f.Fired && !observed.StoppedAtSafeState).ToList();
        var measured = string.Join("; ", observed.Faults.Select(f => f.Fired
            ? $"fault {f.Fault.Index} ({f.Fault.Target} {f.Fault.Kind}) at {ScenarioTime.Clock(f.Onset!.Value)}{(f.Cleared is { } c ? $", cleared {ScenarioTime.Clock(c)}" : "")}"
            : $"fault {f.Fault.Index} ({f.Fault.Target} {f.Fault.Kind}) never fired: {f.NotFiredReason}"));
        return new ExpectationOutcome("faults_injected", missing.Count == 0, "every fault fires", measured);
    }

    private static ExpectationOutcome SafeState(ScenarioExpectations expect, ScenarioObservations observed)
    {
        var first = observed.FirstSafeState;
        var afterOnset = observed.SafeStateAfterOnset;
        switch (expect.SafeState)
        {
            case SafeStateExpectation.Required:
                var within = expect.Within!.Value;
                var expected = $"safe state within {DurationText.Format(within)} of the fault onset";
                if (observed.FaultOnset is not { } onset)
                {
                    return new ExpectationOutcome("safe_state", false, expected, "no fault fired, so there is no onset to measure from" + Sighted(first));
                }

                if (afterOnset is null)
                {
                    var heating = observed.ProtectedButHeating is { } p
                        ? string.Create(CultureInfo.InvariantCulture, $"; from {ScenarioTime.Clock(p.Time)} {p.Cause} held, but the heater still received {p.HeaterDeliveredW:0} W")
                        : "";
                    return new ExpectationOutcome("safe_state", false, expected,
                        $"no safe state after the onset at {ScenarioTime.Clock(onset)}{heating} (run ended {ScenarioTime.Clock(observed.EndTime)}, {observed.EndReason})");
                }

                var took = afterOnset.Time - onset;
                return new ExpectationOutcome("safe_state", took <= within.ToTimeSpan(), expected,
                    $"{ScenarioTime.Span(took)} after the onset at {ScenarioTime.Clock(onset)}: {Describe(afterOnset)}");
            case SafeStateExpectation.Forbidden:
                return new ExpectationOutcome("safe_state", first is null, "no safe state during the run",
                    first is null ? "none" : $"safe state at {ScenarioTime.Clock(first.Time)}: {Describe(first)}");
            default:
                return new ExpectationOutcome("safe_state", true, "any",
                    afterOnset is not null && observed.TimeToSafeState is { } t ? $"{ScenarioTime.Span(t)} after the onset: {Describe(afterOnset)}"
                    : first is not null ? $"at {ScenarioTime.Clock(first.Time)}: {Describe(first)}"
                    : "none");
        }
    }

    private static ExpectationOutcome ScriptPlayed(ScenarioObservations observed)
    {
        var steps = observed.Script ?? [];
        var missing = steps.Where(s => s.FiredAt is null && !observed.StoppedAtSafeState).ToList();
        var measured = string.Join("; ", steps.Select(s => s.FiredAt is { } at
            ? $"step {s.Step.Index} ({s.Step.Describe()}) at {ScenarioTime.Clock(at)}"
            : $"step {s.Step.Index} ({s.Step.Describe()}) never fired: {s.NotFiredReason}"));
        return new ExpectationOutcome("operator_script", missing.Count == 0, "every operator step fires", measured);
    }

    private static ExpectationOutcome AlarmRaised(AlarmExpectation alarm, ScenarioObservations observed)
    {
        var expected = alarm.Describe();
        var ours = (observed.Alarms ?? []).Where(a => alarm.Matches(a.Id)).ToList();
        if (observed.FaultOnset is not { } onset)
        {
            return new ExpectationOutcome("alarm", false, expected, "no fault fired, so there is no onset to measure from");
        }

        // Raised after the onset (less one cycle, as for findings) and seen at the expected priority within the bound.
        var from = observed.FindingsFrom ?? onset;
        var hit = ours.Where(a => (alarm.Priority is null || a.Priority == alarm.Priority) && a.RaisedAt >= from).OrderBy(a => a.SeenAt).FirstOrDefault();
        if (hit is not null && hit.SeenAt - onset <= alarm.Within.ToTimeSpan())
        {
            return new ExpectationOutcome("alarm", true, expected, $"{hit.Id} ({Lower(hit.Priority)}) {ScenarioTime.Span(hit.SeenAt - onset)} after the onset at {ScenarioTime.Clock(onset)}");
        }

        var late = hit is not null ? $"{hit.Id} ({Lower(hit.Priority)}) only {ScenarioTime.Span(hit.SeenAt - onset)} after the onset" : null;
        var otherPriority = ours.Where(a => a.RaisedAt >= from && alarm.Priority is { } p && a.Priority != p).Select(a => a.ToString()).Distinct().Take(3).ToList();
        var raised = (observed.Alarms ?? []).Where(a => a.RaisedAt >= from).Select(a => $"{a.Id} ({Lower(a.Priority)})").Distinct().Take(6).ToList();
        var measured = late
            ?? (otherPriority.Count > 0 ? "raised at another priority: " + string.Join("; ", otherPriority)
            : raised.Count > 0 ? "not raised; raised after the onset: " + string.Join(", ", raised)
            : "not raised; no alarm after the onset");
        return new ExpectationOutcome("alarm", false, expected, $"{measured} (onset {ScenarioTime.Clock(onset)}, run ended {ScenarioTime.Clock(observed.EndTime)}: {observed.EndReason})");
    }

    private static ExpectationOutcome NeverEnters(IReadOnlyList<Core.Phases.Phase> never, ScenarioObservations observed)
    {
        var entered = never.Where(p => observed.PhasesEntered?.ContainsKey(p) == true).ToList();
        return new ExpectationOutcome("never_enters", entered.Count == 0, $"never enters {string.Join(", ", never)}",
            entered.Count == 0 ? "none entered" : string.Join("; ", entered.Select(p => $"{p} at {ScenarioTime.Clock(observed.PhasesEntered![p])}")));
    }

    private static ExpectationOutcome ChemoClock(ChemoClockExpectation clock, ScenarioObservations observed)
    {
        var counted = observed.ChemoWithoutFlow ?? ChemoCountedWithoutFlow.None;
        var measured = counted.Cycles == 0
            ? $"no chemo time counted in a cycle without flow ({counted.ChemoCyclesWithoutFlow} cycles in ChemoPerfusion without flow)"
            : $"{ScenarioTime.Span(counted.Total)} counted in {counted.Cycles} cycle(s) without flow, the first at {ScenarioTime.Clock(counted.FirstAt!.Value)}";
        return new ExpectationOutcome("chemo_clock", counted.Total <= clock.MaxCountedWithoutFlow.ToTimeSpan(), clock.Describe(), measured);
    }

    private static string Lower(Core.Alarms.AlarmPriority p) => p.ToString().ToLowerInvariant();

    private static ExpectationOutcome HazardLogged(bool logged, ScenarioObservations observed)
    {
        var after = observed.FindingsAfterOnset;
        var measured = after.Count == 0
            ? "no interlock trip, fault or safe-state record" + (observed.FaultOnset is { } o ? $" from the onset {ScenarioTime.Clock(o)} on" : "")
            : string.Join("; ", after.Take(5).Select(f => f.ToString())) + (after.Count > 5 ? $"; … {after.Count - 5} more" : "");
        return new ExpectationOutcome("hazard_logged", (after.Count > 0) == logged,
            logged ? "an interlock trip, fault or safe-state record after the onset" : "no interlock trip, fault or safe-state record after the onset",
            measured);
    }

    private static void AddLimit(List<ExpectationOutcome> outcomes, string name, double? limit, double max, string what)
    {
        if (limit is { } l)
        {
            outcomes.Add(new ExpectationOutcome(name, max <= l, string.Create(CultureInfo.InvariantCulture, $"{what} ≤ {l:0.00} °C"),
                string.Create(CultureInfo.InvariantCulture, $"max {max:0.00} °C")));
        }
    }

    private static string Describe(SafeStateSighting s) => $"{s.Cause}, pump {(s.PumpRunning ? "running" : "stopped")}, phase {s.Phase}";

    private static string Sighted(SafeStateSighting? first) => first is null ? "" : $" (a safe state was seen at {ScenarioTime.Clock(first.Time)}: {Describe(first)})";
}
