using HipecSafe.Core.HazardLog;

namespace HipecSafe.Cli.Reporting;

/// <summary>
/// What a procedure report shows from the hazard log: the verification verdict and last hash, and the records a
/// reader looks for (phase transitions, alarms, interlock trips and clears, safe-state changes, faults, operator
/// commands). Only records that verified are listed, so the report never shows an altered record as evidence.
/// </summary>
internal sealed record HazardLogDigest(
    string Path,
    VerificationResult Verification,
    IReadOnlyList<HazardLogRecord> PhaseTransitions,
    IReadOnlyList<HazardLogRecord> Alarms,
    IReadOnlyList<HazardLogRecord> Interlocks,
    IReadOnlyList<HazardLogRecord> SafeStates,
    IReadOnlyList<HazardLogRecord> Faults,
    IReadOnlyList<HazardLogRecord> OperatorCommands)
{
    public static HazardLogDigest Read(string path)
    {
        var phases = new List<HazardLogRecord>();
        var alarms = new List<HazardLogRecord>();
        var interlocks = new List<HazardLogRecord>();
        var safe = new List<HazardLogRecord>();
        var faults = new List<HazardLogRecord>();
        var commands = new List<HazardLogRecord>();
        VerificationResult result;
        using (var stream = File.OpenRead(path))
        {
            result = HazardLogVerifier.Verify(stream, r =>
            {
                switch (r.Entry)
                {
                    case PhaseTransitionEntry:
                        phases.Add(r);
                        break;
                    case AlarmEntry:
                        alarms.Add(r);
                        break;
                    case InterlockEntry:
                        interlocks.Add(r);
                        break;
                    case SafeStateEntry:
                        safe.Add(r);
                        break;
                    case FaultEntry:
                        faults.Add(r);
                        break;
                    case OperatorCommandEntry:
                        commands.Add(r);
                        break;
                }
            });
        }

        return new HazardLogDigest(path, result, phases, alarms, interlocks, safe, faults, commands);
    }

    public int InterlockTrips => Interlocks.Count(r => r.Entry is InterlockEntry { Change: InterlockChange.Tripped });
}
