using HipecSafe.Controller.Cycle;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// SRS-RT-010 and SRS-LG-011 in lockstep: the wall clock stepped back 1 h and then forward 2 h during ChemoPerfusion
/// changes neither the chemo time nor any phase transition — the run is cycle for cycle the run without the steps —
/// while the log's UTC field follows the steps and its procedure time keeps going forward.
/// </summary>
public sealed class WallClockStepTests
{
    private static readonly TimeSpan Back = TimeSpan.FromHours(-1);
    private static readonly TimeSpan Forward = TimeSpan.FromHours(1); // 2 h forward from the step back
    private static readonly TimeSpan StepBackAfter = TimeSpan.FromMinutes(5);   // into chemo
    private static readonly TimeSpan StepForwardAfter = TimeSpan.FromMinutes(15);

    [Fact]
    [Verifies("SRS-RT-010", "SRS-LG-011", "SRS-PH-008")]
    public void A_wall_clock_stepped_back_1_h_then_forward_2_h_during_chemo_changes_no_timer_and_shows_only_in_the_log_s_utc()
    {
        var reference = Run(stepWallClock: false);
        var stepped = Run(stepWallClock: true);

        // Cycle for cycle the same procedure: phase, chemo time, command, alarms.
        Assert.Equal(reference.Reports.Count, stepped.Reports.Count);
        for (var i = 0; i < reference.Reports.Count; i++)
        {
            var (a, b) = (reference.Reports[i], stepped.Reports[i]);
            Assert.True((a.Tick.Time, a.Phase, a.ChemoElapsed, a.Command) == (b.Tick.Time, b.Phase, b.ChemoElapsed, b.Command),
                $"cycle {i}: {a.Phase} {a.ChemoElapsed} {a.Command} without the steps, {b.Phase} {b.ChemoElapsed} {b.Command} with them");
            Assert.Equal(a.ActiveTrips, b.ActiveTrips);
        }

        // The same records in the same order at the same procedure times; only UTC differs, by the step in force.
        Assert.Equal(reference.Records.Count, stepped.Records.Count);
        for (var i = 1; i < stepped.Records.Count; i++) // record 0, the header, is stamped by the writer's own clock
        {
            var (a, b) = (reference.Records[i], stepped.Records[i]);
            Assert.Equal((a.Sequence, a.ProcedureTime, a.Priority, a.Entry), (b.Sequence, b.ProcedureTime, b.Priority, b.Entry));
            Assert.Equal(LockstepRun.Epoch + a.ProcedureTime, a.WallClockUtc);
            Assert.Equal(LockstepRun.Epoch + b.ProcedureTime + stepped.OffsetAt(b.ProcedureTime), b.WallClockUtc);
            Assert.True(b.ProcedureTime >= stepped.Records[i - 1].ProcedureTime, $"procedure time went back at seq {b.Sequence}");
        }

        // Records on both sides of both steps: the UTC field jumped back 1 h, then forward 2 h.
        Assert.Contains(stepped.Records, r => r.WallClockUtc == LockstepRun.Epoch + r.ProcedureTime + Back);
        Assert.Contains(stepped.Records, r => r.WallClockUtc == LockstepRun.Epoch + r.ProcedureTime + Forward);

        // The phase lasted the profile's chemo time (30 min) of procedure time; the phase machine decides once per cycle.
        var chemo = TestProfiles.ShortChemo.ChemoDuration.ToTimeSpan();
        Assert.Equal(TimeSpan.FromMinutes(30), chemo);
        var into = stepped.Records.Single(r => r.Entry is PhaseTransitionEntry { To: Phase.ChemoPerfusion });
        var outOf = stepped.Records.Single(r => r.Entry is PhaseTransitionEntry { From: Phase.ChemoPerfusion, To: Phase.Washout, Trigger: "ChemoTimeElapsed" });
        var lasted = outOf.ProcedureTime - into.ProcedureTime;
        Assert.True(lasted >= chemo && lasted <= chemo + stepped.Period, $"ChemoPerfusion lasted {lasted}");
        Assert.True(stepped.Reports[^1].ChemoElapsed >= chemo);
        Assert.True(outOf.WallClockUtc - into.WallClockUtc == lasted + Forward, "the UTC fields of the phase's ends differ by its length plus the net step");
    }

    private sealed record Outcome(IReadOnlyList<CycleReport> Reports, IReadOnlyList<HazardLogRecord> Records, TimeSpan Period, TimeSpan SteppedBackAt, TimeSpan SteppedForwardAt)
    {
        public TimeSpan OffsetAt(TimeSpan procedureTime) =>
            procedureTime >= SteppedForwardAt ? Forward : procedureTime >= SteppedBackAt ? Back : TimeSpan.Zero;
    }

    /// <summary>To ChemoPerfusion, 5 min in it, 10 more, then on until Washout; the wall clock stepped at the two marks or not.</summary>
    private static Outcome Run(bool stepWallClock)
    {
        using var run = new LockstepRun(TestProfiles.ShortChemo);
        ReachChemoPerfusion(run);
        var steppedBackAt = StepFor(run, StepBackAfter);
        run.WallClockOffset = stepWallClock ? Back : TimeSpan.Zero;
        var steppedForwardAt = StepFor(run, StepForwardAfter - StepBackAfter);
        run.WallClockOffset = stepWallClock ? Forward : TimeSpan.Zero;
        StepFor(run, TimeSpan.FromMinutes(2));
        var rest = TestProfiles.ShortChemo.ChemoDuration.ToTimeSpan() - StepForwardAfter - TimeSpan.FromMinutes(2);
        run.StepUntil(r => r.Phase == Phase.Washout, (int)(rest / run.Period) + 10, "Washout after the chemo time");
        return new Outcome(run.Reports.Select(r => r!).ToList(), run.Records(), run.Period, steppedBackAt, steppedForwardAt);
    }

    /// <summary>
    /// Runs <paramref name="span"/> of cycles, with an operator's alarm acknowledgement halfway (a record stamped with
    /// the wall clock then in force); returns the procedure time of the first cycle after them.
    /// </summary>
    private static TimeSpan StepFor(LockstepRun run, TimeSpan span)
    {
        var cycles = (int)(span / run.Period);
        run.Steps(cycles / 2);
        run.Press(OperatorAction.AcknowledgeAlarms);
        run.Steps(cycles - (cycles / 2) - 1);
        return LockstepRun.TimeOf(run.NextCycle, run.Period);
    }

    private static void ReachChemoPerfusion(LockstepRun run)
    {
        run.ToHeating();
        CrashRecoveryTests.WarmTheAbdomen(run);
        run.StepUntil(r => r.Phase == Phase.ReadyForChemo, 20, "ReadyForChemo");
        // Into the therapeutic band no faster than the validator's rate limit before the drug goes in, so no below-band
        // alarm in the half hour and every cycle of the phase counts as chemo time (SRS-PH-022): the phase lasts the
        // profile's chemo time.
        for (var c = 41.1; c <= 41.5 + 1e-9; c += 0.1)
        {
            var t = Temperature.FromDegreesCelsius(c);
            run.Port.Frame = run.Port.Frame with { Abdomen1 = t, Abdomen2 = t, Abdomen3 = t, Abdomen4 = t };
            run.Step();
        }

        run.ConfirmLeakCheck(); // the reservoir steady at target flow for the leak-check time first (SRS-PH-006)
        run.Accept(OperatorAction.AddDrug);
        run.StepUntil(r => r.Phase == Phase.ChemoPerfusion, 5, "ChemoPerfusion");
    }
}
