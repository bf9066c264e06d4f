using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// A garbled profile file gets a list of errors, never an exception: random edits with the characters that mean
/// something in YAML and JSON, at random places in the default text. Seeded.
/// </summary>
public class ProfileFuzzProperties
{
    private static readonly string[] Pieces =
        [":", "-", "[", "]", "{", "}", "&a", "*a", "!", "? ", "|", ">", "'", "\"", "#", "\t", " ", "\n", "  ", "%", "@", "`", ",", "---\n", "<<: ", "&b ", "*b", "!!str "];

    private static readonly int Length = ProfileText.Default.Length;

    private static readonly Gen<(int At, int Delete, string Insert)> OneEdit =
        Gen.Choose(0, Length - 1)
            .SelectMany(_ => Gen.Choose(0, 3), (at, delete) => (at, delete))
            .SelectMany(_ => Gen.Elements(Pieces.Append("").ToArray()), (t, insert) => (t.at, t.delete, insert));

    private static string Apply(string text, IEnumerable<(int At, int Delete, string Insert)> edits) =>
        edits.Aggregate(text, (t, e) =>
        {
            var at = Math.Min(e.At, t.Length);
            return t.Remove(at, Math.Min(e.Delete, t.Length - at)).Insert(at, e.Insert);
        });

    [Property(Replay = "(4242,777)", MaxTest = 1000)]
    [Verifies("SRS-PR-002")]
    public Property Garbled_text_is_refused_with_errors_or_loaded_within_bounds_never_thrown() =>
        Prop.ForAll(Gen.Choose(1, 5).SelectMany(n => OneEdit.ArrayOf(n)).ToArbitrary(), edits =>
        {
            var text = Apply(ProfileText.Default, edits);
            var (profile, errors) = ProfileLoader.TryParse(text);

            var ok = profile is null
                ? errors.Count > 0 && errors.All(e => !string.IsNullOrWhiteSpace(e.Field) && e.Line >= 0 && e.Message.Length > 0)
                : errors.Count == 0 && ProfileFieldBounds.All.All(f => f.Read(profile) >= f.Min && f.Read(profile) <= f.Max);
            return ok.Label(string.Join(" | ", edits.Select(e => $"@{e.At} -{e.Delete} +'{e.Insert}'")));
        });
}
