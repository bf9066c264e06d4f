using HipecSafe.Core.Operations;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.ControllerFaults;
using HipecSafe.Hil.Rig;

namespace HipecSafe.Hil.Tests.Runtime;

/// <summary>
/// The lockstep HIL rig (plant, board emulators on the virtual Modbus bus, real controller) with its hazard log in a
/// temp directory of its own, and the operator steps the runtime tests need to reach heating.
/// </summary>
internal sealed class RigRun : IDisposable
{
    private readonly DirectoryInfo _dir;
    private bool _disposed;

    public RigRun(int seed = 7)
    {
        _dir = Directory.CreateTempSubdirectory("hipecsafe-rig-runtime-");
        LogPath = Path.Combine(_dir.FullName, "hazard.jsonl");
        Rig = new SimulationRig(new RigOptions(ShortPriming.Value, seed, LogPath) { FaultInjectionArmed = true });
    }

    /// <summary>The default profile with the shortest priming the hard bounds allow, validated by the loader.</summary>
    public static Lazy<TreatmentProfile> ShortPriming { get; } = new(() =>
    {
        const string from = "priming_min: 30s";
        var text = ProfileLoader.EmbeddedDefaultText;
        Assert.Contains(from, text, StringComparison.Ordinal);
        return ProfileLoader.Parse(text.Replace(from, "priming_min: 10s", StringComparison.Ordinal), "rig-runtime-tests");
    });

    public SimulationRig Rig { get; }

    public string LogPath { get; }

    public List<RigCycle> Cycles { get; } = [];

    public RigCycle Step()
    {
        var cycle = Rig.Step();
        Cycles.Add(cycle);
        return cycle;
    }

    public void Steps(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Step();
        }
    }

    public RigCycle StepUntil(Func<RigCycle, bool> done, int maxCycles, string what)
    {
        for (var i = 0; i < maxCycles; i++)
        {
            var cycle = Step();
            if (done(cycle))
            {
                return cycle;
            }
        }

        var last = Cycles.Count == 0 ? null : Cycles[^1].Report;
        Assert.Fail($"{what}: not reached within {maxCycles} cycles (last phase {last?.Phase.ToString() ?? "no report"}, " +
                    $"trips [{string.Join(", ", last?.ActiveTrips ?? [])}], causes [{string.Join("; ", last?.LatchedCauses ?? [])}])");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Submits an operator command, runs one cycle (the control lane takes it there) and returns the answer.</summary>
    public OperatorReply Press(OperatorAction action)
    {
        var reply = Rig.Controller.Submit(action);
        Step();
        Assert.True(reply.IsCompleted, $"{action} was not answered in the cycle that took it");
        return reply.GetAwaiter().GetResult();
    }

    public void Accept(OperatorAction action)
    {
        var reply = Press(action);
        Assert.True(reply.Accepted, $"{action} was refused: {reply.RefusalReason}");
    }

    /// <summary>The rig's fault injection into the controller's components (the rig is armed).</summary>
    public ControllerFaultInjection Faults => Rig.ControllerFaults ?? throw new InvalidOperationException("the rig is not armed for fault injection");

    /// <summary>Self-test, priming and heating, until the plant's heater really delivers power.</summary>
    public RigCycle ToHeating()
    {
        StepUntil(c => c.Report?.Phase == Phase.Standby, 30, "Standby after the self-test");
        Accept(OperatorAction.StartPriming);
        StepUntil(c => c.Report?.Phase == Phase.Heating, 400, "Heating after priming");
        return StepUntil(c => c.Truth.HeaterPowerDelivered.Watts > 0 && c.Report?.Command.HeaterEnabled == true, 50, "heater delivering power");
    }

    public List<HazardLogRecord> Records()
    {
        Assert.True(Rig.Controller.FlushLog(), "the hazard log could not be flushed");
        var records = new List<HazardLogRecord>();
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var result = HazardLogVerifier.Verify(stream, records.Add);
        Assert.True(result.Status == VerificationStatus.Intact, result.Describe());
        return records;
    }

    public byte[] LogBytes()
    {
        Assert.True(Rig.Controller.FlushLog(), "the hazard log could not be flushed");
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Rig.Dispose();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail the test that produced it.
        }
    }
}
