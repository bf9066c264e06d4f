using System.Diagnostics;
using System.Globalization;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

// Appends to a hazard log until it is killed: a low-priority record, then a high-priority one, and once the
// high-priority append has returned (the record is fsynced) prints "ACK <sequence>". The kill -9 test checks that
// every acknowledged record is in the file after SIGKILL.
// Usage: HipecSafe.LogWriterChild <log file> [max high-priority records, default 100000]
long max = 100_000;
if (args.Length is < 1 or > 2
    || (args.Length == 2 && !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out max)))
{
    Console.Error.WriteLine("usage: HipecSafe.LogWriterChild <log file> [max high-priority records (a whole number)]");
    return 2;
}

var clock = Stopwatch.StartNew();
using var writer = HazardLogWriter.Open(new HazardLogWriterOptions(args[0], "kill-test-child", "none"));
var start = writer.LastProcedureTime;
for (long i = 0; i < max; i++)
{
    var now = start + clock.Elapsed;
    writer.Append(LogPriority.Low, now, DateTimeOffset.UtcNow, new NoteEntry(string.Create(CultureInfo.InvariantCulture, $"filler {i}")));
    var result = writer.Append(
        LogPriority.High, now, DateTimeOffset.UtcNow, new FaultEntry("LogWriterChild", string.Create(CultureInfo.InvariantCulture, $"record {i}")));
    if (result.Outcome != LogAppendOutcome.Durable)
    {
        Console.Error.WriteLine($"append {i} was {result.Outcome}: {writer.Health}");
        return 1;
    }

    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACK {result.Sequence}"));
    Console.Out.Flush();
}

return 0;
