using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Rig;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Hil.Tests.Rig;

/// <summary>
/// SRS-RS-007 in the lockstep rig: one whole procedure (30 min chemo) in which the controller is dropped as a kill -9
/// drops it (no flush, no seal, no safe command) at a seeded random cycle of every procedure phase, and once more
/// during the Interrupted hold of a restarted run; the plant and the boards run on without it for a seeded 0.5–3 s, then
/// a new controller starts on a new log in the same directory and the auto operator resumes. Oracles: the previous log
/// must verify against its head with every record its writer wrote (SRS-LG-008/009), the resume must name the phase the
/// kill hit, the hold must keep the heater off and the pump stopped, and the chemo time the controllers report,
/// counted cycle by cycle (100 ms each, SRS-RT-001) over the cycles whose report does not show the chemo clock held
/// (SRS-PH-022), must add up to the profile's 30 min within one cycle.
/// </summary>
public sealed class RestartKillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private readonly string _dir = Directory.CreateTempSubdirectory("hipecsafe-restart-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>How many cycles into each phase a kill may fall: within what every run spends there (priming ≥ 30 s, the ready check 10 s, …).</summary>
    private static readonly Dictionary<Phase, int> KillWithin = new()
    {
        [Phase.Priming] = 250,
        [Phase.Heating] = 600,
        [Phase.ReadyForChemo] = 90,
        [Phase.ChemoPerfusion] = 17_000,
        [Phase.Washout] = 5_000,
        // Anywhere in the 5 min: late in Draining the reservoir reads over its sensor's 5000 mL range, which the
        // restarted self-test accepts for a procedure interrupted there (SRS-RS-010).
        [Phase.Draining] = 2_900,
        [Phase.Interrupted] = ReadTheAlarmFor - 1,
    };

    /// <summary>Cycles the operator reads the interrupted alarm before resuming (so a kill can also hit the hold).</summary>
    private const int ReadTheAlarmFor = 5;

    [Theory]
    [InlineData(11)]
    [InlineData(2026)]
    [InlineData(7)]
    [InlineData(99)]
    [Verifies("SRS-RS-007", "SRS-RS-002", "SRS-RS-003", "SRS-RS-004", "SRS-RS-009", "SRS-RS-010")]
    public void Seeded_kills_in_every_phase_lose_nothing_acknowledged_and_keep_the_chemo_dose(int seed)
    {
        var profile = RigProfiles.ShortChemo;
        var random = new Random(seed);
        var killAt = KillWithin.ToDictionary(k => k.Key, k => random.Next(1, k.Value + 1));
        var killed = new HashSet<Phase>();
        var run = 0;
        using var rig = new SimulationRig(new RigOptions(profile, seed, LogPath(run)));
        var op = new AutoOperator(profile);
        var chemoCycles = 0;
        Phase? phase = null;
        var inPhase = 0;
        var holdCycles = 0;
        var coolingWait = 0;
        var transitions = 0;
        while (rig.Now < TimeSpan.FromHours(2))
        {
            var cycle = rig.Step();
            var report = cycle.Report;
            Assert.NotNull(report);
            if (report.Phase == Phase.ChemoPerfusion && report.ClockHeld is null)
            {
                // Chemo time is hyperthermic perfusion only (SRS-PH-022): a cycle whose report shows the clock held
                // (the pump coming back up after a resume, the abdomen below the band) is not chemo time.
                chemoCycles++;
            }

            if (report.Phase == Phase.Interrupted)
            {
                // The hold (SRS-RS-003): the high alarm names the phase, the board holds everything off.
                holdCycles++;
                Assert.Contains(report.Alarms!.Alarms, a => a.ConditionId == ProcedureStep.InterruptedAlarmId && a.Priority == AlarmPriority.High
                    && a.Message.StartsWith($"Procedure interrupted at {rig.Resumed!.InterruptedIn}, chemo ", StringComparison.Ordinal));
                Assert.False(cycle.Truth.HeaterRelayContactClosed, "heater relay closed in the Interrupted hold");
                Assert.Equal(0, cycle.Truth.PumpSpeedRpm);
            }

            if (report.Phase != phase && transitions++ < 200)
            {
                output.WriteLine($"{rig.Now}: {phase} → {report.Phase} {string.Join("; ", report.LatchedCauses)}");
            }

            inPhase = report.Phase == phase ? inPhase + 1 : 1;
            phase = report.Phase;
            if (run > 0 && report.Phase == Phase.PowerOnSelfTest)
            {
                // A restart's self-test may wait for a heater stopped hot to cool (SRS-RS-009): everything stays off,
                // the release is retried by the controller itself, and the alarm names the limiter reading.
                if (report.Alarms!.Alarms.Any(a => a.ConditionId == ProcedureStep.SelfTestWaitingAlarmId && a.State == AlarmState.Active))
                {
                    coolingWait++;
                    Assert.False(cycle.Truth.HeaterRelayContactClosed, "heater relay closed while the restart self-test waits");
                    Assert.Equal(0, cycle.Truth.PumpSpeedRpm);
                }
            }

            // No restart needs the operator any more: neither a hot limiter nor a full reservoir fails its self-test.
            Assert.False(report.InSafeState, $"{report.Phase} at {rig.Now}: {string.Join(", ", report.LatchedCauses)}");

            if (report.Phase == Phase.Complete)
            {
                break;
            }

            if (killAt.TryGetValue(report.Phase, out var at) && inPhase == at && killed.Add(report.Phase))
            {
                Kill(rig, report.Phase, ref run, random);
                continue;
            }

            if (report.Phase != Phase.Interrupted || inPhase >= ReadTheAlarmFor)
            {
                op.Act(rig);
            }
        }

        Assert.Equal(Phase.Complete, rig.Last!.Report!.Phase);
        Assert.Equal(KillWithin.Keys.Order(), killed.Order());
        var total = chemoCycles * Period;
        var error = total - profile.ChemoDuration.ToTimeSpan();
        output.WriteLine($"seed {seed}: kills at {string.Join(", ", killAt.Select(k => $"{k.Key}+{k.Value}"))}; " +
                         $"chemo {total} over {run + 1} controllers, error {error.TotalMilliseconds:+0;-0;0} ms; {holdCycles} hold cycles, {coolingWait} self-test cycles waiting for the limiter to cool");
        Assert.True(error.Duration() <= Period, $"total chemo time {total} is more than one cycle off the profile's {profile.ChemoDuration}");
    }

    [Fact]
    [Verifies("SRS-RS-010", "SRS-RS-007")]
    public void A_kill_in_the_last_minute_of_Draining_resumes_with_the_reservoir_over_its_range_and_completes()
    {
        var profile = RigProfiles.ShortChemo;
        const int seed = 4343;
        var random = new Random(seed);
        var run = 0;
        using var rig = new SimulationRig(new RigOptions(profile, seed, LogPath(run)));
        var op = new AutoOperator(profile);
        var inDraining = 0;
        var killed = false;
        double? reservoirAtRestart = null;
        while (rig.Now < TimeSpan.FromHours(2))
        {
            var report = rig.Step().Report;
            Assert.NotNull(report);
            Assert.False(report.InSafeState, $"{report.Phase} at {rig.Now}: {string.Join(", ", report.LatchedCauses)}");
            if (report.Phase == Phase.Complete)
            {
                break;
            }

            if (run > 0 && report.Phase == Phase.PowerOnSelfTest)
            {
                reservoirAtRestart ??= report.Frame?.ReservoirVolume.Milliliters;
            }

            inDraining = report.Phase == Phase.Draining ? inDraining + 1 : 0;
            // 4 min 40 s into the 5 min: the drains have been open long enough to fill the reservoir past 5000 mL.
            if (!killed && inDraining == 2_800)
            {
                killed = true;
                Kill(rig, Phase.Draining, ref run, random);
                continue;
            }

            op.Act(rig);
        }

        Assert.True(killed, "the procedure never reached 2800 cycles of Draining");
        Assert.Equal(Phase.Complete, rig.Last!.Report!.Phase);
        // The oracle is the ICD's accepted range (docs/icd.md §5: 0–5000 mL): the restart met a reading beyond it.
        Assert.True(reservoirAtRestart > 5000, $"reservoir read {reservoirAtRestart} mL at the restart: the kill did not test the over-range case");
        output.WriteLine($"killed at Draining+2800, reservoir {reservoirAtRestart} mL at the restart; completed at {rig.Now}");
    }

    private string LogPath(int run) => Path.Combine(_dir, $"hazard-run{run:00}.jsonl");

    private void Kill(SimulationRig rig, Phase phase, ref int run, Random random)
    {
        var written = rig.Log.Path;
        rig.KillController();
        var down = random.Next(5, 31);
        for (var i = 0; i < down; i++)
        {
            rig.StepWithoutController();
        }

        // Everything the killed writer wrote is in its file: the log verifies to its end and its head vouches for it.
        var records = new List<HazardLogRecord>();
        using (var stream = new FileStream(written, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var verdict = HazardLogVerifier.VerifyAnchored(stream, File.ReadAllBytes(HazardLogHead.PathFor(written)), records.Add);
            Assert.True(verdict.Verdict == LogVerdict.NotSealed, verdict.Describe());
            Assert.Equal(HeadFinding.Confirmed, verdict.HeadFinding);
        }

        run++;
        rig.RestartController(LogPath(run));
        Assert.Equal(records.Count, rig.PreviousLogVerdict!.Chain.RecordCount);
        var resumed = Assert.IsType<ProcedureResume>(rig.Resumed);
        var interrupted = phase == Phase.Interrupted ? resumed.InterruptedIn : phase;
        Assert.Equal(interrupted, resumed.InterruptedIn);
        output.WriteLine($"killed in {phase} at {rig.Now}: {records.Count} records kept, resumed in {resumed.InterruptedIn} with chemo {resumed.ChemoElapsed}, down {down} cycles");
    }
}
