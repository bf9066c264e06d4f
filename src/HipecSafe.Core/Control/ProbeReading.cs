using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>One abdominal probe as the control law sees it: its temperature and whether sensor validation trusts it.</summary>
public readonly record struct ProbeReading(Temperature Temperature, bool Valid)
{
    public static ProbeReading Ok(double celsius) => new(Temperature.FromDegreesCelsius(celsius), true);

    public static ProbeReading Invalid(double celsius) => new(Temperature.FromDegreesCelsius(celsius), false);
}
