using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Plant;

/// <summary>
/// A physical fault the fault injector drives into <see cref="PerfusionPlant"/> (scenario targets <c>actuator/heater</c>,
/// <c>actuator/pump</c> and <c>plant</c>, see docs/scenario-format.md). Each kind validates its parameters on
/// construction, naming the scenario parameter, so a bad scenario fails before the run starts.
/// </summary>
public abstract record PlantFault
{
    private protected PlantFault()
    {
    }

    public abstract PlantFaultSlot Slot { get; }

    /// <summary>The scenario kind name (e.g. <c>stuck_on</c>), for logs and reports.</summary>
    public abstract string Kind { get; }

    private protected static ArgumentOutOfRangeException OutOfRange(string kind, string parameter, double value, string bound) =>
        new(parameter, value, string.Create(CultureInfo.InvariantCulture, $"{kind}: {parameter} = {value} is out of range; it must be {bound}"));
}

/// <summary>
/// <c>actuator/heater stuck_on {power_permille}</c>: the heater's power driver is stuck and delivers this power whatever
/// is commanded. The series safety relay (<c>heater_enable</c>, opened by the controller's safe state and by the board
/// limiter) still cuts it — the independent second channel of IEC 60601-1 — unless <see cref="RelayWelded"/> adds the
/// second fault of a relay that no longer opens.
/// </summary>
public sealed record HeaterStuckOn : PlantFault
{
    public HeaterStuckOn(int powerPermille, bool relayWelded = false)
    {
        if (powerPermille is < 0 or > 1000)
        {
            throw OutOfRange("stuck_on", "power_permille", powerPermille, "0..1000");
        }

        PowerPermille = powerPermille;
        RelayWelded = relayWelded;
    }

    public int PowerPermille { get; }

    /// <summary>True for the double fault: the relay is welded closed too, so nothing on the board can stop the heater.</summary>
    public bool RelayWelded { get; }

    public override PlantFaultSlot Slot => PlantFaultSlot.Heater;
    public override string Kind => "stuck_on";
}

/// <summary><c>actuator/heater failed_off</c>: the heater element is open; no power whatever is commanded.</summary>
public sealed record HeaterFailedOff : PlantFault
{
    public override PlantFaultSlot Slot => PlantFaultSlot.Heater;
    public override string Kind => "failed_off";
}

/// <summary><c>actuator/pump degraded {factor}</c>: the pump turns at the commanded speed but delivers only factor × nominal flow (worn tubing, slack rollers).</summary>
public sealed record PumpDegraded : PlantFault
{
    public PumpDegraded(double factor)
    {
        if (!(factor >= 0 && factor <= 1))
        {
            throw OutOfRange("degraded", "factor", factor, "between 0 and 1");
        }

        Factor = factor;
    }

    public double Factor { get; }
    public override PlantFaultSlot Slot => PlantFaultSlot.Pump;
    public override string Kind => "degraded";
}

/// <summary><c>actuator/pump stopped</c>: the rotor does not turn (jam, slipping coupling) and the motor driver does not notice; speed feedback reads 0.</summary>
public sealed record PumpStopped : PlantFault
{
    public override PlantFaultSlot Slot => PlantFaultSlot.Pump;
    public override string Kind => "stopped";
}

/// <summary><c>actuator/pump motor_fault</c>: the motor driver trips; the rotor stops and the board reports its motor-fault bit.</summary>
public sealed record PumpMotorFault : PlantFault
{
    public override PlantFaultSlot Slot => PlantFaultSlot.Pump;
    public override string Kind => "motor_fault";
}

/// <summary><c>plant occlusion {resistance_factor}</c>: a kinked or clotted inflow line; its resistance is multiplied, so line pressure rises.</summary>
public sealed record LineOcclusion : PlantFault
{
    public LineOcclusion(double resistanceFactor)
    {
        if (!(resistanceFactor >= 1 && resistanceFactor <= 1e6))
        {
            throw OutOfRange("occlusion", "resistance_factor", resistanceFactor, "between 1 and 1e6 (1 = no occlusion)");
        }

        ResistanceFactor = resistanceFactor;
    }

    public double ResistanceFactor { get; }
    public override PlantFaultSlot Slot => PlantFaultSlot.Occlusion;
    public override string Kind => "occlusion";
}

/// <summary><c>plant leak {ml_per_min}</c>: fluid escapes from the abdomen (port, wound) at this rate while there is fluid to lose.</summary>
public sealed record FluidLeak : PlantFault
{
    public FluidLeak(VolumetricFlow rate)
    {
        if (!(rate.MillilitersPerMinute > 0 && rate.MillilitersPerMinute <= 10_000))
        {
            throw OutOfRange("leak", "ml_per_min", rate.MillilitersPerMinute, "> 0 and ≤ 10000");
        }

        Rate = rate;
    }

    public VolumetricFlow Rate { get; }
    public override PlantFaultSlot Slot => PlantFaultSlot.Leak;
    public override string Kind => "leak";
}

/// <summary><c>plant air {duration}</c>: an air slug passes the inflow air detector for this long, then the fault clears itself.</summary>
public sealed record AirSlug : PlantFault
{
    public AirSlug(Duration duration)
    {
        if (!(duration.Seconds > 0 && duration.Seconds <= 86_400))
        {
            throw OutOfRange("air", "duration", duration.Seconds, "> 0 s and ≤ 24 h");
        }

        Duration = duration;
    }

    public Duration Duration { get; }
    public override PlantFaultSlot Slot => PlantFaultSlot.Air;
    public override string Kind => "air";
}
