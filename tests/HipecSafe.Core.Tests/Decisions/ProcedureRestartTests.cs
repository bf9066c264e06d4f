using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Controller restart mid-procedure (requirements/restart.yaml), pure: the control lane's checkpoints go through the
/// hazard log's own format and chain in memory, <see cref="ProcedureResume"/> reads them back, and a second control
/// lane resumes from them. Oracles: the cycle period (100 ms per cycle of chemo time), the default profile's 90 min chemo
/// (default-profile.yaml), and the phase rules of requirements/restart.yaml.
/// </summary>
public sealed class ProcedureRestartTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromMilliseconds(100);

    /// <summary>Every record the control lane asked for, sealed into a log in memory as the writer would.</summary>
    private sealed class Log
    {
        private readonly MemoryStream _bytes = new();
        private HazardLogChain _chain = HazardLogChain.Genesis;

        public Log() => Append(LogPriority.Info, TimeSpan.Zero, new LogHeaderEntry(1, "dev", "default", "log-1"));

        public List<CycleLogEntry> Written { get; } = [];

        public void Take(ProcedureOutcome outcome, TimeSpan now)
        {
            foreach (var r in outcome.Records)
            {
                Written.Add(r);
                Append(r.Priority, now, r.Entry);
            }
        }

        private void Append(LogPriority priority, TimeSpan now, HazardLogEntry entry)
        {
            var sealedRecord = _chain.Seal(priority, now, DateTimeOffset.UnixEpoch + now, entry);
            _bytes.Write(sealedRecord.Line.Span);
            _chain = sealedRecord.Next;
        }

        /// <summary>The log read back through the verifier (format, chain): what a restarted device reads.</summary>
        public List<HazardLogRecord> ReadBack()
        {
            var records = new List<HazardLogRecord>();
            var result = HazardLogVerifier.Verify(_bytes.ToArray(), records.Add);
            Assert.True(result.Status == VerificationStatus.Intact, result.Describe());
            return records;
        }
    }

    private static (ProcedureRig Rig, Log Log) Logged(ProcedureRig? rig = null) => (rig ?? new ProcedureRig(), new Log());

    private static ProcedureOutcome Step(ProcedureRig rig, Log log, params OperatorAction[] commands)
    {
        var outcome = rig.Next(commands);
        log.Take(outcome, rig.Now);
        return outcome;
    }

    /// <summary>Power-on to ChemoPerfusion along the nominal path, then <paramref name="chemoCycles"/> cycles of chemo, all logged.</summary>
    private static (ProcedureRig Rig, Log Log) InChemo(int chemoCycles)
    {
        var (rig, log) = Logged();
        rig.DriveTo(Phase.ReadyForChemo);
        Step(rig, log, OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        for (var i = 0; i < chemoCycles; i++)
        {
            Step(rig, log);
        }

        return (rig, log);
    }

    private static ProcedureRig Restarted(ProcedureResume resume)
    {
        var rig = new ProcedureRig(f => ProcedureRig.WithAbdomen(f, 41.5));
        rig.State = rig.Procedure.ResumeFrom(resume);
        return rig;
    }

    /// <summary>Steps a restarted lane through its self-test; returns the first cycle's outcome.</summary>
    private static ProcedureOutcome PassSelfTest(ProcedureRig rig)
    {
        var first = rig.Next();
        for (var i = 0; i < 50 && rig.Phase == Phase.PowerOnSelfTest; i++)
        {
            rig.Next();
        }

        Assert.Equal(Phase.Interrupted, rig.Phase);
        return first;
    }

    [Fact]
    [Verifies("SRS-RS-001")]
    public void The_control_lane_checkpoints_at_the_transition_high_and_every_chemo_cycle_low_with_the_chemo_clock()
    {
        var (rig, log) = InChemo(chemoCycles: 3);

        var checkpoints = log.Written.Where(r => r.Entry is ProcedureCheckpointEntry or ChemoClockEntry).ToList();
        Assert.Equal(4, checkpoints.Count); // the AddDrug cycle and three chemo cycles
        Assert.Equal(LogPriority.High, checkpoints[0].Priority);
        var full = Assert.IsType<ProcedureCheckpointEntry>(checkpoints[0].Entry);
        Assert.Equal(Phase.ChemoPerfusion, full.Phase);
        Assert.Equal(TimeSpan.FromMinutes(90), full.ChemoDuration);
        Assert.Equal(ProcedureRig.Profile.Name, full.ProfileId);
        Assert.Equal(1500, full.CircuitVolume.BaselineMl); // the nominal frame's reservoir at the first Heating cycle
        Assert.Null(full.ChemoHold);
        // Nothing but the chemo clock moved after it: each chemo cycle writes the clock alone, low priority.
        Assert.All(checkpoints.Skip(1), c => Assert.Equal(LogPriority.Low, c.Priority));
        var clocks = checkpoints.Skip(1).Select(c => Assert.IsType<ChemoClockEntry>(c.Entry).ChemoElapsed).ToList();
        Assert.Equal(TimeSpan.Zero, full.ChemoElapsed);
        Assert.Equal([Cycle, 2 * Cycle, 3 * Cycle], clocks);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-RS-001")]
    public void In_chemo_a_full_checkpoint_is_written_every_100_cycles_and_in_every_cycle_the_chemo_clock_hold_changes()
    {
        var (rig, log) = InChemo(chemoCycles: 250);
        var chemo = log.Written.Where(r => r.Entry is ProcedureCheckpointEntry or ChemoClockEntry).ToList();
        Assert.Equal(251, chemo.Count); // one per cycle from the AddDrug cycle on
        Assert.InRange(chemo.Count(r => r.Entry is ProcedureCheckpointEntry), 3, 4); // the transition, then every 100 cycles

        rig.PinnedHeld = rig.Held with { PumpSpeedRpm = 0, HeaterPowerPermille = 0, HeaterEnabled = false };
        rig.Held = rig.PinnedHeld;
        var held = new List<CycleLogEntry>();
        for (var i = 0; i < 5; i++)
        {
            held.AddRange(rig.Next().Records);
        }

        // Held: the episode's time grows every cycle, so every cycle's checkpoint is a full one carrying it.
        var holds = held.Select(r => r.Entry).OfType<ProcedureCheckpointEntry>().Select(c => c.ChemoHold!.Held).ToList();
        Assert.Equal([Cycle, 2 * Cycle, 3 * Cycle, 4 * Cycle, 5 * Cycle], holds);
        Assert.DoesNotContain(held, r => r.Entry is ChemoClockEntry);
    }

    [Fact]
    [Verifies("SRS-RS-001")]
    public void A_checkpoint_lists_the_latched_interlock_trips_and_not_the_alarm_only_ones()
    {
        // IL-INFLOW-HIGH is latched (until reset), IL-CORE-WARNING alarm-only (it follows its condition).
        var rig = new ProcedureRig().DriveTo(Phase.Heating)
            .With(TripSamples.VerdictWith(TripSamples.InflowHighHolding(), TripSamples.CoreWarning()));

        var outcome = rig.Next();

        Assert.Equal(Phase.SafeState, rig.Phase);
        var checkpoint = Assert.Single(outcome.Records.Select(r => r.Entry).OfType<ProcedureCheckpointEntry>());
        Assert.Equal(["IL-INFLOW-HIGH"], checkpoint.LatchedTrips);
    }

    [Fact]
    [Verifies("SRS-RS-001")]
    public void Before_priming_nothing_is_checkpointed_and_the_end_of_a_procedure_is_checkpointed_high()
    {
        var (rig, log) = Logged();
        for (var i = 0; i < 150; i++)
        {
            Step(rig, log); // self-test, then Standby for longer than the 10 s periodic interval
        }

        Assert.Equal(Phase.Standby, rig.Phase);
        Assert.DoesNotContain(log.Written, r => r.Entry is ProcedureCheckpointEntry);

        rig.DriveTo(Phase.Draining);
        var outcome = rig.Next(TimeSpan.FromMinutes(6), [], []); // the default profile drains for 5 min
        log.Take(outcome, rig.Now);
        Assert.Equal(Phase.Complete, rig.Phase);
        var end = Assert.Single(outcome.Records, r => r.Entry is ProcedureCheckpointEntry);
        Assert.Equal(LogPriority.High, end.Priority);
        Assert.Null(ProcedureResume.From(log.ReadBack()));
    }

    [Fact]
    [Verifies("SRS-RS-002")]
    public void The_last_checkpoint_read_back_from_the_log_gives_the_phase_and_the_chemo_clock()
    {
        var (_, log) = InChemo(chemoCycles: 300);

        var resume = ProcedureResume.From(log.ReadBack());

        Assert.NotNull(resume);
        Assert.Equal(Phase.ChemoPerfusion, resume.InterruptedIn);
        Assert.Equal(300 * Cycle, resume.ChemoElapsed);
        Assert.Equal(TimeSpan.FromMinutes(90), resume.ChemoDuration);
        Assert.Equal(1500, resume.CircuitVolume.BaselineMl);
        Assert.False(resume.CircuitVolume.Exchanging);
        Assert.Equal(0, resume.RecordsAfterCheckpoint);
        Assert.Equal("Procedure interrupted at ChemoPerfusion, chemo 00:30 of 90:00", resume.AlarmMessage);
    }

    [Fact]
    [Verifies("SRS-RS-002")]
    public void A_paused_or_latched_procedure_resumes_as_the_phase_it_holds_with_its_causes()
    {
        var (rig, log) = InChemo(chemoCycles: 10);
        Step(rig, log, OperatorAction.Pause);
        Assert.Equal(Phase.ChemoPerfusion, ProcedureResume.From(log.ReadBack())!.InterruptedIn);

        Step(rig, log, OperatorAction.Resume);
        log.Take(rig.NextWith(new ComponentCrashed("alarms", "boom", null)), rig.Now);
        Assert.Equal(Phase.SafeState, rig.Phase);
        var resume = ProcedureResume.From(log.ReadBack());

        Assert.NotNull(resume);
        Assert.Equal(Phase.ChemoPerfusion, resume.InterruptedIn);
        Assert.Contains(resume.LatchedCauses, c => c.Contains("alarms", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-RS-003")]
    public void A_restarted_lane_passes_its_self_test_into_the_Interrupted_hold_with_everything_off_and_a_high_alarm()
    {
        var (_, log) = InChemo(chemoCycles: 300);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);

        var first = PassSelfTest(rig);
        Assert.Equal(ActuatorCommand.Safe, first.Desired.Command);
        var alarm = Assert.Single(first.Desired.Report.Conditions, c => c.ConditionId == ProcedureStep.InterruptedAlarmId);
        Assert.Equal(Core.Alarms.AlarmPriority.High, alarm.Priority);
        Assert.True(alarm.Latching); // SRS-RS-003: the high-priority latching alarm
        Assert.Equal("Procedure interrupted at ChemoPerfusion, chemo 00:30 of 90:00", alarm.Message);
        // The restarted run's first cycle checkpoints high: a second loss now still finds the procedure.
        var checkpoint = Assert.Single(first.Records, r => r.Entry is ProcedureCheckpointEntry);
        Assert.Equal(LogPriority.High, checkpoint.Priority);
        Assert.Equal(Phase.ChemoPerfusion, ((ProcedureCheckpointEntry)checkpoint.Entry).InterruptedIn);

        var held = rig.Cycles(50);
        Assert.Equal(Phase.Interrupted, rig.Phase);
        Assert.Equal(ActuatorCommand.Safe, held.Desired.Command);
        Assert.Equal(30 * 1000, (int)rig.State.Phase.ChemoElapsed.ToTimeSpan().TotalMilliseconds); // the hold runs no chemo time
    }

    [Fact]
    [Verifies("SRS-RS-001")]
    public void A_restarted_run_checkpoints_high_in_its_first_cycle_and_then_only_when_the_phase_or_causes_change()
    {
        var (_, log) = InChemo(chemoCycles: 30);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        static bool HighCheckpoint(CycleLogEntry r) => r is { Entry: ProcedureCheckpointEntry, Priority: LogPriority.High };

        Assert.Contains(rig.Next().Records, HighCheckpoint);
        var second = rig.Next();
        Assert.Equal(Phase.PowerOnSelfTest, rig.Phase); // the self-test needs 5 clean cycles: nothing has changed yet
        Assert.DoesNotContain(second.Records, HighCheckpoint);

        PassSelfTest(rig);
        for (var i = 0; i < 20; i++)
        {
            Assert.DoesNotContain(rig.Next().Records, HighCheckpoint); // holding in Interrupted, nothing changes
        }
    }

    [Theory]
    [Verifies("SRS-RS-002")]
    [InlineData(Phase.PowerOnSelfTest)]
    [InlineData(Phase.Standby)]
    [InlineData(Phase.Complete)]
    public void A_checkpoint_with_no_procedure_under_way_resumes_nothing_whatever_phase_a_resume_pointed_to(Phase phase)
    {
        // The phase a Resume would return to is kept from the last pause; with no procedure under way it means nothing.
        Assert.Null(ProcedureResume.WorkingPhase(phase, null, Phase.Draining));
    }

    [Fact]
    [Verifies("SRS-RS-004")]
    public void Resume_continues_the_chemo_clock_from_the_persisted_value_and_never_restarts_the_procedure()
    {
        var (_, log) = InChemo(chemoCycles: 300);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        PassSelfTest(rig);

        var refused = rig.Next(OperatorAction.StartPriming, OperatorAction.AddDrug, OperatorAction.Resume);
        Assert.All(refused.Replies, r => Assert.False(r.Accepted));
        Assert.Contains("StartPriming is not accepted in phase Interrupted", refused.Replies[0].RefusalReason, StringComparison.Ordinal);
        Assert.Equal(Phase.Interrupted, rig.Phase);

        var resumed = rig.Next(OperatorAction.ResumeInterrupted);
        Assert.True(resumed.Replies.Single().Accepted);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        var transition = Assert.Single(resumed.Records, r => r.Entry is PhaseTransitionEntry).Entry as PhaseTransitionEntry;
        Assert.Equal("SRS-RS-004", transition!.RequirementId);
        Assert.Equal(30_000, rig.State.Phase.ChemoElapsed.ToTimeSpan().TotalMilliseconds);

        rig.Cycles(100);
        Assert.Equal(40_000, rig.State.Phase.ChemoElapsed.ToTimeSpan().TotalMilliseconds);
        var again = rig.Next(OperatorAction.ResumeInterrupted);
        Assert.Contains("ResumeInterrupted is not accepted in phase ChemoPerfusion", again.Replies.Single().RefusalReason, StringComparison.Ordinal);
        Assert.DoesNotContain(again.Desired.Report.Conditions, c => c.ConditionId == ProcedureStep.InterruptedAlarmId);
    }

    [Fact]
    [Verifies("SRS-RS-004")]
    public void A_procedure_latched_before_the_restart_resumes_into_SafeState_and_returns_to_its_phase_after_reset()
    {
        var (rig0, log) = InChemo(chemoCycles: 10);
        log.Take(rig0.NextWith(new ComponentCrashed("alarms", "boom", null)), rig0.Now);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        PassSelfTest(rig);

        rig.Next(OperatorAction.ResumeInterrupted);
        Assert.Equal(Phase.SafeState, rig.Phase);
        rig.Next(OperatorAction.Reset);
        Assert.Equal(Phase.Paused, rig.Phase);
        rig.Next(OperatorAction.Resume);

        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.True(rig.State.Phase.ChemoElapsed.ToTimeSpan() >= 10 * Cycle);
    }

    [Fact]
    [Verifies("SRS-RS-005")]
    public void Ending_the_chemo_early_from_the_hold_goes_to_Washout_and_is_refused_for_a_procedure_interrupted_before_chemo()
    {
        var (_, log) = InChemo(chemoCycles: 50);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        PassSelfTest(rig);

        var ended = rig.Next(OperatorAction.EndChemoEarly);
        Assert.True(ended.Replies.Single().Accepted);
        Assert.Equal(Phase.Washout, rig.Phase);
        Assert.Equal("SRS-RS-005", (Assert.Single(ended.Records, r => r.Entry is PhaseTransitionEntry).Entry as PhaseTransitionEntry)!.RequirementId);

        var (heating, heatingLog) = Logged();
        heating.DriveTo(Phase.Priming);
        for (var i = 0; i < 400 && heating.Phase != Phase.Heating; i++)
        {
            Step(heating, heatingLog);
        }

        Assert.Equal(Phase.Heating, heating.Phase);
        var early = Restarted(ProcedureResume.From(heatingLog.ReadBack())!);
        PassSelfTest(early);
        var refused = early.Next(OperatorAction.EndChemoEarly);
        Assert.False(refused.Replies.Single().Accepted);
        Assert.Contains("interrupted in Heating, not in ChemoPerfusion", refused.Replies.Single().RefusalReason, StringComparison.Ordinal);
        Assert.Equal(Phase.Interrupted, early.Phase);
    }

    [Fact]
    [Verifies("SRS-RS-006", "SRS-IL-023")]
    public void The_circuit_volume_baseline_survives_the_restart_so_a_leak_before_and_a_leak_after_add_up()
    {
        var (rig0, log) = InChemo(chemoCycles: 20);
        rig0.Frame = rig0.Frame with { ReservoirVolume = Volume.FromMilliliters(1350) }; // 150 mL lost before the restart
        log.Take(rig0.Next(TimeSpan.FromSeconds(10), [], []), rig0.Now);
        for (var i = 0; i < 100; i++)
        {
            Step(rig0, log); // one periodic checkpoint at least after the loss
        }

        var resume = ProcedureResume.From(log.ReadBack())!;
        Assert.Equal(1500, resume.CircuitVolume.BaselineMl);
        var rig = Restarted(resume);
        rig.Frame = rig.Frame with { ReservoirVolume = Volume.FromMilliliters(1150) }; // another 200 mL while down
        PassSelfTest(rig);

        var resumed = rig.Next(OperatorAction.ResumeInterrupted);

        // The gate is armed with the baseline taken before the restart: 350 mL lost in all, beyond IL-RESERVOIR-DROP's
        // 300 mL (SRS-IL-023), though neither part alone is; the phase's arming delays start at the resume.
        Assert.Equal(Phase.ChemoPerfusion, resumed.Desired.Context.Phase);
        Assert.Equal(Volume.FromMilliliters(1500), resumed.Desired.Context.CircuitVolumeBaseline);
        Assert.Equal(rig.Now, resumed.Desired.Context.PhaseStartedAt);
    }

    /// <summary>Chemo ended early; in Washout the reservoir has dipped 300 mL for the saline exchange, checkpointed.</summary>
    private static Log InWashoutExchange()
    {
        var (rig, log) = InChemo(chemoCycles: 10);
        Step(rig, log, OperatorAction.EndChemoEarly);
        Assert.Equal(Phase.Washout, rig.Phase);
        rig.Frame = rig.Frame with { ReservoirVolume = Volume.FromMilliliters(1200) };
        log.Take(rig.Next(TimeSpan.FromSeconds(30), [], []), rig.Now);
        for (var i = 0; i < 100; i++)
        {
            Step(rig, log);
        }

        return log;
    }

    [Fact]
    [Verifies("SRS-RS-006", "SRS-PH-023")]
    public void A_restart_during_the_saline_exchange_keeps_the_planned_drawdown_the_drain_seen_and_the_held_washout_clock()
    {
        var resume = ProcedureResume.From(InWashoutExchange().ReadBack())!;
        Assert.Equal(Phase.Washout, resume.InterruptedIn);
        Assert.Equal(new CheckpointCircuitVolume(1500, false, true, 1200, false), resume.CircuitVolume);
        Assert.Equal(TimeSpan.Zero, resume.WashoutElapsed);

        var rig = Restarted(resume); // the saline went in while the controller was down: the reservoir is full again
        PassSelfTest(rig);
        var resumed = rig.Next(OperatorAction.ResumeInterrupted);
        Assert.Equal(Phase.Washout, rig.Phase);
        // Still the exchange: the baseline in force is the kept 1500 mL less the 400 mL planned drawdown (SRS-IL-023).
        Assert.Equal(Volume.FromMilliliters(1100), resumed.Desired.Context.CircuitVolumeBaseline);
        rig.Cycles(50);
        Assert.Equal(TimeSpan.Zero, rig.State.Phase.ElapsedIn(Phase.Washout).ToTimeSpan()); // waits for the confirmation

        // The drain was seen before the restart and the refill after it: the exchange is shown and confirmed.
        var confirmed = rig.Next(OperatorAction.ConfirmWashoutExchange);
        Assert.True(confirmed.Replies.Single().Accepted, confirmed.Replies.Single().RefusalReason);
        rig.Cycles(100);
        Assert.Equal(TimeSpan.FromSeconds(10), rig.State.Phase.ElapsedIn(Phase.Washout).ToTimeSpan());
        Assert.Equal(Volume.FromMilliliters(1500), rig.Desired.Context.CircuitVolumeBaseline); // re-taken at the confirmation
    }

    [Fact]
    [Verifies("SRS-RS-006", "SRS-PH-023")]
    public void A_restart_after_the_confirmed_exchange_resumes_the_washout_clock_without_a_second_exchange()
    {
        var resume = ProcedureResume.From(InWashoutExchange().ReadBack())!;
        var rig = Restarted(resume);
        var log = new Log();
        PassSelfTest(rig);
        rig.Next(OperatorAction.ResumeInterrupted);
        Step(rig, log, OperatorAction.ConfirmWashoutExchange);
        for (var i = 0; i < 100; i++)
        {
            Step(rig, log);
        }

        var second = ProcedureResume.From(log.ReadBack())!;
        Assert.Equal(new CheckpointCircuitVolume(1500, false, false, null, true), second.CircuitVolume);
        var washout = second.WashoutElapsed;
        Assert.True(washout > TimeSpan.Zero);

        var again = Restarted(second);
        PassSelfTest(again);
        again.Next(OperatorAction.ResumeInterrupted);
        Assert.Equal(Phase.Washout, again.Phase);
        Assert.Null(again.Desired.Report.ClockHeld);
        again.Cycles(10);
        Assert.Equal(washout + TimeSpan.FromSeconds(1), again.State.Phase.ElapsedIn(Phase.Washout).ToTimeSpan());
        Assert.Equal(Volume.FromMilliliters(1500), again.Desired.Context.CircuitVolumeBaseline);
    }

    [Fact]
    [Verifies("SRS-RS-006", "SRS-PH-022")]
    public void A_restart_during_a_chemo_clock_hold_closes_the_held_episode_once_and_counts_none_of_it_as_chemo_time()
    {
        var (rig0, log) = InChemo(chemoCycles: 300);
        var stoppedFrom = rig0.Now;
        var stopped = rig0.Held with { PumpSpeedRpm = 0, HeaterPowerPermille = 0, HeaterEnabled = false };
        rig0.PinnedHeld = stopped; // an interlock stopped the pump: the clock holds
        rig0.Held = stopped;
        for (var i = 0; i < 50; i++)
        {
            Step(rig0, log);
        }

        var resume = ProcedureResume.From(log.ReadBack())!;
        Assert.Equal(TimeSpan.FromSeconds(30), resume.ChemoElapsed);
        Assert.Equal(new CheckpointChemoHold(stoppedFrom, TimeSpan.FromSeconds(5), 1), resume.ChemoHold);
        Assert.Single(Notes(log.Written), n => n.StartsWith("chemo clock held at chemo time 30s", StringComparison.Ordinal));

        var rig = Restarted(resume);
        var restartedLog = new Log();
        var first = rig.Next();
        restartedLog.Take(first, rig.Now);
        Assert.Equal([$"chemo clock hold before the restart over at the restart, at chemo time 30s: 5s held since {Clock(stoppedFrom)} of the previous run"],
            Notes(first.Records));
        Assert.Null(((ProcedureCheckpointEntry)first.Records.Single(r => r.Entry is ProcedureCheckpointEntry).Entry).ChemoHold);
        PassSelfTest(rig);
        rig.Next(OperatorAction.ResumeInterrupted);
        rig.Cycles(100);

        Assert.Equal(TimeSpan.FromSeconds(40), rig.State.Phase.ChemoElapsed.ToTimeSpan());
        Assert.Null(ProcedureResume.From(restartedLog.ReadBack())!.ChemoHold); // a second restart tells it no more
    }

    [Fact]
    [Verifies("SRS-RS-008", "SRS-PH-006")]
    public void A_restart_in_ReadyForChemo_redoes_the_leak_check_on_the_reservoir_evidence_after_the_restart()
    {
        var (rig0, log) = Logged();
        rig0.DriveTo(Phase.ReadyForChemo);
        Step(rig0, log, OperatorAction.ConfirmLeakCheck);
        Assert.True(rig0.State.Phase.LeakCheckConfirmed);
        for (var i = 0; i < 100; i++)
        {
            Step(rig0, log);
        }

        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        PassSelfTest(rig);
        rig.Next(OperatorAction.ResumeInterrupted);
        Assert.Equal(Phase.ReadyForChemo, rig.Phase);
        Assert.False(rig.State.Phase.LeakCheckConfirmed);

        var drug = rig.Next(OperatorAction.AddDrug);
        Assert.Contains("the operator has not confirmed the leak check", drug.Replies.Single().RefusalReason, StringComparison.Ordinal);
        var early = rig.Next(OperatorAction.ConfirmLeakCheck);
        Assert.False(early.Replies.Single().Accepted); // the 60 s of steady reservoir before the restart do not count

        // 60 s at target flow after the pump has come back up to it (its ramp after the resume takes a few seconds).
        rig.Run(TimeSpan.FromSeconds(70), TimeSpan.FromSeconds(1));
        var confirmed = rig.Next(OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug);
        Assert.All(confirmed.Replies, r => Assert.True(r.Accepted, r.RefusalReason));
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
    }

    private static List<string> Notes(IEnumerable<CycleLogEntry> records) =>
        [.. records.Select(r => r.Entry).OfType<NoteEntry>().Select(n => n.Text)];

    private static string Clock(TimeSpan t) => t.ToString(@"hh\:mm\:ss\.f", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    [Verifies("SRS-RS-003", "SRS-PH-002")]
    public void A_restarted_self_test_that_failed_on_the_board_hold_is_judged_afresh_after_reset_and_resume()
    {
        var (_, log) = InChemo(chemoCycles: 20);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        // The board keeps its hold with its limiter cool (43 °C): a release it refuses for no reason the restart allows.
        rig.BoardBits = BoardStatus.SafeLatchedByWatchdog;
        rig.Cycles(SelfTestJudge.MaxCycles);
        Assert.Equal(Phase.SafeState, rig.Phase);

        rig.BoardBits = BoardStatus.None; // cooled, released
        rig.Next(OperatorAction.Reset);
        Assert.Equal(Phase.Paused, rig.Phase);
        rig.Next(OperatorAction.Resume);
        Assert.Equal(Phase.PowerOnSelfTest, rig.Phase);
        rig.Cycles(SelfTestJudge.RequiredGoodCycles + 1);

        Assert.Equal(Phase.Interrupted, rig.Phase);
        Assert.Equal(20 * Cycle, rig.State.Phase.ChemoElapsed.ToTimeSpan());
    }

    [Fact]
    [Verifies("SRS-RS-009", "SRS-RS-003")]
    public void A_restart_that_finds_the_limiter_hot_waits_in_the_self_test_with_everything_off_and_resumes_once_it_has_cooled()
    {
        var (_, log) = InChemo(chemoCycles: 20);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        // A heater stopped hot: the board's watchdog latched while the controller was down and refuses every release
        // while its limiter reads ≥ 44.0 °C (docs/icd.md §7.4).
        rig.BoardBits = BoardStatus.SafeLatchedByWatchdog;
        rig.LimiterTemperature = Temperature.FromDegreesCelsius(45.6);

        // Ten times the power-on self-test's 50 cycles: still waiting, not failed.
        for (var i = 0; i < SelfTestJudge.MaxCycles * 10; i++)
        {
            var waiting = rig.Next();
            Assert.Equal(Phase.PowerOnSelfTest, rig.Phase);
            Assert.Equal(ActuatorCommand.Safe, waiting.Desired.Command);
            Assert.True(waiting.Desired.ReleaseBoardLatch, $"cycle {i}: the release must be asked for every cycle");
        }

        var alarm = Assert.Single(rig.Desired.Report.Conditions, c => c.ConditionId == ProcedureStep.SelfTestWaitingAlarmId);
        Assert.Equal(Core.Alarms.AlarmPriority.Medium, alarm.Priority);
        Assert.Contains("limiter 45.60 °C", alarm.MeasuredText, StringComparison.Ordinal);
        Assert.Contains("44.00 °C", alarm.MeasuredText, StringComparison.Ordinal);
        Assert.Contains(rig.Desired.Report.Conditions, c => c.ConditionId == ProcedureStep.InterruptedAlarmId);

        // Cooled below the threshold: the board takes the release; the self-test passes as at any power-on.
        rig.LimiterTemperature = Temperature.FromDegreesCelsius(43.9);
        rig.BoardBits = BoardStatus.None;
        rig.Cycles(SelfTestJudge.RequiredGoodCycles + 1);
        Assert.Equal(Phase.Interrupted, rig.Phase);
        Assert.DoesNotContain(rig.Desired.Report.Conditions, c => c.ConditionId == ProcedureStep.SelfTestWaitingAlarmId);
        Assert.Equal(20 * Cycle, rig.State.Phase.ChemoElapsed.ToTimeSpan());
    }

    [Fact]
    [Verifies("SRS-RS-009")]
    public void A_limiter_that_does_not_cool_in_10_min_fails_the_restart_self_test_naming_it()
    {
        var (_, log) = InChemo(chemoCycles: 20);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        rig.BoardBits = BoardStatus.SafeLatchedByWatchdog;
        rig.LimiterTemperature = Temperature.FromDegreesCelsius(44.2);

        rig.Cycles(RestartSelfTest.MaxCoolingCycles - 1);
        Assert.Equal(Phase.PowerOnSelfTest, rig.Phase);
        var failed = rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);
        var transition = (PhaseTransitionEntry)Assert.Single(failed.Records, r => r.Entry is PhaseTransitionEntry { To: Phase.SafeState }).Entry;
        Assert.Contains("limiter 44.20 °C", transition.Detail ?? transition.Trigger, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-RS-009", "SRS-PH-002")]
    public void Without_a_procedure_to_resume_a_hot_limiter_hold_fails_the_self_test_as_at_any_power_on()
    {
        var rig = new ProcedureRig { BoardBits = BoardStatus.SafeLatchedByWatchdog, LimiterTemperature = Temperature.FromDegreesCelsius(45.6) };

        rig.Cycles(SelfTestJudge.MaxCycles);

        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.DoesNotContain(rig.Desired.Report.Conditions, c => c.ConditionId == ProcedureStep.SelfTestWaitingAlarmId);
    }

    private static ProcedureRig RestartedInDraining(Func<SensorFrame, SensorFrame> frame)
    {
        var (_, log) = InChemo(chemoCycles: 20);
        var chemo = ProcedureResume.From(log.ReadBack())!;
        var rig = Restarted(chemo with { InterruptedIn = Phase.Draining, ChemoElapsed = chemo.ChemoDuration, DrainingElapsed = TimeSpan.FromMinutes(4) });
        rig.Frame = frame(rig.Frame);
        return rig;
    }

    [Fact]
    [Verifies("SRS-RS-010", "SRS-RS-003")]
    public void A_restart_late_in_Draining_accepts_the_reservoir_over_its_range_and_names_it()
    {
        // The drains open, the pump stopped: the abdomen has emptied into the reservoir past the sensor's 5000 mL.
        var rig = RestartedInDraining(f => f with { ReservoirVolume = Volume.FromMilliliters(5320) });

        var records = new List<CycleLogEntry>();
        for (var i = 0; i < SelfTestJudge.MaxCycles && rig.Phase == Phase.PowerOnSelfTest; i++)
        {
            records.AddRange(rig.Next().Records);
        }

        Assert.Equal(Phase.Interrupted, rig.Phase);
        var passed = (PhaseTransitionEntry)records.Single(r => r.Entry is PhaseTransitionEntry { To: Phase.Interrupted }).Entry;
        var text = (passed.Detail ?? "") + passed.Trigger;
        Assert.Contains("accepted for Draining", text, StringComparison.Ordinal);
        Assert.Contains("5320", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 5320)] // the board flags the channel: a broken sensor reads the same way
    [InlineData(false, -20)] // below the range: not a full reservoir
    [Verifies("SRS-RS-010", "SRS-PH-002")]
    public void A_flagged_or_low_reservoir_reading_still_fails_the_restart_self_test_in_Draining(bool flagged, double ml)
    {
        var rig = RestartedInDraining(f => f with
        {
            ReservoirVolume = Volume.FromMilliliters(ml),
            ChannelFaultBits = flagged ? (ushort)(1 << (int)SensorChannel.ReservoirVolume) : (ushort)0,
        });

        rig.Cycles(SelfTestJudge.MaxCycles);

        Assert.Equal(Phase.SafeState, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-RS-010")]
    public void A_reservoir_over_its_range_fails_the_restart_self_test_of_a_procedure_interrupted_in_chemo()
    {
        var (_, log) = InChemo(chemoCycles: 20);
        var rig = Restarted(ProcedureResume.From(log.ReadBack())!);
        rig.Frame = rig.Frame with { ReservoirVolume = Volume.FromMilliliters(5320) };

        rig.Cycles(SelfTestJudge.MaxCycles);

        Assert.Equal(Phase.SafeState, rig.Phase);
    }
}
