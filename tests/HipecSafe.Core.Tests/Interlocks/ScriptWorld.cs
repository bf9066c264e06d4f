using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>The world a script plays in: procedure time, the board's counter and the phase entry; one per script.</summary>
internal sealed class ScriptWorld
{
    private ushort _counter;
    private Phase? _phase;

    public TimeSpan Now { get; private set; }

    public TimeSpan PhaseStartedAt { get; private set; }

    /// <summary>Advances time and builds the step's input (the sample is null when its read fails).</summary>
    public InterlockInput Next(ScriptStep step)
    {
        Now += Ms(step.DtMs);
        if (step.Fresh)
        {
            _counter = unchecked((ushort)(_counter + 1));
        }

        if (step.Phase != _phase || step.NewEntry)
        {
            _phase = step.Phase;
            PhaseStartedAt = Now;
        }

        var t = step.Temperatures;
        var frame = Nominal() with
        {
            SampleCounter = _counter,
            ChannelFaultBits = step.FaultBits,
            InflowA = T(t[0]),
            InflowB = T(t[1]),
            Outflow = T(t[2]),
            Abdomen1 = T(t[3]),
            Abdomen2 = T(t[4]),
            Abdomen3 = T(t[5]),
            Abdomen4 = T(t[6]),
            Core = T(t[7]),
            InflowPressure = Pressure.FromMillimetersOfMercury(step.LinePressureMmHg),
            Flow = VolumetricFlow.FromMillilitersPerMinute(step.FlowMlPerMinute),
            ReservoirVolume = Volume.FromMilliliters(step.ReservoirMl),
            AirDetected = step.Air,
        };
        var feedback = NominalFeedback() with { Status = step.Status, HeaterPowerActualPermille = step.HeaterPowerPermille };
        return new InterlockInput(Now, step.Phase, step.SensorReadFails ? null : frame, step.ActuatorReadFails ? null : feedback,
            step.HeaterCommandedOff ? Running.WithHeaterOff() : Running, VolumetricFlow.FromLitersPerMinute(2), Volume.FromMilliliters(1500),
            new BusFailureCounts(step.SensorBusFailures, step.ActuatorBusFailures), PhaseStartedAt, PhaseStartedAt);
    }
}
