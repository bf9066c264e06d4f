using System.Globalization;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// Where a log first goes wrong: 1-based line number, byte offset of the line's start, what was expected and what
/// was found (hashes, sequence numbers or times, depending on the kind), and a sentence saying what it means.
/// </summary>
public sealed record VerificationProblem(
    VerificationProblemKind Kind,
    long LineNumber,
    long ByteOffset,
    string Detail,
    string? Expected = null,
    string? Actual = null)
{
    public override string ToString()
    {
        var found = Expected is null ? string.Empty : $" (expected {Expected}, found {Actual})";
        return string.Create(CultureInfo.InvariantCulture, $"line {LineNumber} at byte offset {ByteOffset}: {Detail}{found}.");
    }
}
