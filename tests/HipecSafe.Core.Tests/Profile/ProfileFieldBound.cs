using System.Globalization;
using HipecSafe.Core.Profile;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// One numeric or duration field of a profile with the hard bounds the loader must enforce, texts just inside and
/// just outside them, the smallest step worth testing, and how the loaded value is read back (numbers in the file's
/// unit, durations in seconds).
/// </summary>
public sealed record ProfileFieldBound(
    string Path,
    double Min,
    double Max,
    string UnderText,
    string MinText,
    string MaxText,
    string OverText,
    string MinShown,
    string MaxShown,
    bool IsDuration,
    double Step,
    Func<TreatmentProfile, double> Read)
{
    /// <summary>A number field; texts are min − step and max + step.</summary>
    public static ProfileFieldBound Number(string path, double min, double max, double step, Func<TreatmentProfile, double> read) =>
        new(path, min, max, Fmt(min - step), Fmt(min), Fmt(max), Fmt(max + step), Fmt(min), Fmt(max), false, step, read);

    /// <summary>A duration field; bounds in seconds, texts as written in a file, bounds as the loader prints them.</summary>
    public static ProfileFieldBound Time(string path, double minSeconds, double maxSeconds, string under, string min, string max,
        string over, string minShown, string maxShown, Func<TreatmentProfile, double> readSeconds) =>
        new(path, minSeconds, maxSeconds, under, min, max, over, minShown, maxShown, true, 0.001, readSeconds);

    public override string ToString() => Path;

    private static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
