using System.Globalization;

namespace HipecSafe.Core.Control;

/// <summary>The interval a loop's output is clamped to; given per step because it can depend on the profile.</summary>
public readonly record struct OutputRange(double Min, double Max)
{
    public double Clamp(double value) => Math.Clamp(value, Min, Max);

    public void Validate(string what)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Min > Max)
        {
            throw new ArgumentOutOfRangeException(what, this,
                $"{what}: output range [{Min.ToString(CultureInfo.InvariantCulture)}, {Max.ToString(CultureInfo.InvariantCulture)}] must be finite with Min ≤ Max");
        }
    }
}
