namespace HipecSafe.Hil.Plant.Sensors;

/// <summary>
/// How one sensor-board channel is represented in its input register (docs/icd.md): counts per unit (100 for
/// 0.01 °C, 10 for 0.1 mmHg, 1 for mL/min and mL), signedness, and the range outside which the board flags the
/// channel (open/short/out of range) in <c>channel_fault_bits</c>.
/// </summary>
internal readonly record struct SensorRegister(double CountsPerUnit, bool Signed, double ValidMin, double ValidMax)
{
    public static readonly SensorRegister Temperature = new(100.0, Signed: true, -20.0, 120.0);
    public static readonly SensorRegister Pressure = new(10.0, Signed: true, -100.0, 1500.0);
    public static readonly SensorRegister Flow = new(1.0, Signed: false, -50.0, 10_000.0);
    public static readonly SensorRegister Volume = new(1.0, Signed: false, -50.0, 10_000.0);
    public static readonly SensorRegister Flag = new(1.0, Signed: false, 0.0, 1.0);

    private double RawMin => Signed ? short.MinValue : ushort.MinValue;
    private double RawMax => Signed ? short.MaxValue : ushort.MaxValue;

    /// <summary>The value an open or shorted probe reads: the register's negative rail (signed) or full scale (unsigned).</summary>
    public double Rail => (Signed ? RawMin : RawMax) / CountsPerUnit;

    public bool InRange(double value) => value >= ValidMin && value <= ValidMax;

    /// <summary>Rounds to the register resolution and saturates at what 16 bits can hold, as the board's ADC would.</summary>
    public double Quantise(double value)
    {
        var raw = Math.Round(value * CountsPerUnit, MidpointRounding.AwayFromZero);
        return Math.Clamp(raw, RawMin, RawMax) / CountsPerUnit;
    }
}
