using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Boards;

/// <summary>An actuator-board input register (docs/icd.md §6.2) a scenario fault can act on.</summary>
public enum ActuatorFeedbackRegister
{
    BoardStatus,
    HeaterPowerActual,
    PumpSpeedActual,
    LimiterTemp,
    HeartbeatEcho,
}

/// <summary>
/// A fault in what the actuator board reports (scenario targets <c>actuator/&lt;register&gt;</c>): it changes the
/// register the controller reads, never what the board does — the board's watchdog and limiter keep acting on the
/// true values, and the plant gets what the board really drives. The result always stays inside the register's ICD
/// range, so the fault shows up as a wrong value, not as a malformed reply.
/// </summary>
public abstract record ActuatorRegisterFault
{
    private protected ActuatorRegisterFault(ActuatorFeedbackRegister register) => Register = register;

    public ActuatorFeedbackRegister Register { get; }

    /// <summary>The feedback as reported: <paramref name="truth"/> with this fault applied; <paramref name="atOnset"/> is what the board reported when the fault started.</summary>
    public abstract ActuatorFeedback Apply(ActuatorFeedback truth, ActuatorFeedback atOnset);

    private protected static ActuatorFeedback With(ActuatorFeedback f, ActuatorFeedbackRegister register, double value) => register switch
    {
        ActuatorFeedbackRegister.BoardStatus => f with { Status = (BoardStatus)((ushort)Math.Clamp(value, 0, 0x3F)) },
        ActuatorFeedbackRegister.HeaterPowerActual => f with { HeaterPowerActualPermille = (int)Math.Clamp(Math.Round(value), 0, 1000) },
        ActuatorFeedbackRegister.PumpSpeedActual => f with { PumpSpeedActualRpm = Math.Clamp(Math.Round(value, 1), 0, 6553.5) },
        ActuatorFeedbackRegister.LimiterTemp => f with { LimiterTemperature = Temperature.FromDegreesCelsius(Math.Clamp(Math.Round(value, 2), -327.68, 327.67)) },
        // A 16-bit counter: an offset wraps as the register would.
        _ => f with { HeartbeatEcho = (ushort)(((long)Math.Round(value) % 65536 + 65536) % 65536) },
    };

    private protected static double ValueOf(ActuatorFeedback f, ActuatorFeedbackRegister register) => register switch
    {
        ActuatorFeedbackRegister.BoardStatus => (ushort)f.Status,
        ActuatorFeedbackRegister.HeaterPowerActual => f.HeaterPowerActualPermille,
        ActuatorFeedbackRegister.PumpSpeedActual => f.PumpSpeedActualRpm,
        ActuatorFeedbackRegister.LimiterTemp => f.LimiterTemperature.DegreesCelsius,
        _ => f.HeartbeatEcho,
    };
}

/// <summary><c>stuck</c>: the register holds the value it reported when the fault started.</summary>
public sealed record ActuatorRegisterStuck(ActuatorFeedbackRegister Target) : ActuatorRegisterFault(Target)
{
    public override ActuatorFeedback Apply(ActuatorFeedback truth, ActuatorFeedback atOnset) => With(truth, Register, ValueOf(atOnset, Register));
}

/// <summary><c>offset {delta}</c>: a constant error in the register's unit (‰, rpm, °C, counts), kept inside its range.</summary>
public sealed record ActuatorRegisterOffset(ActuatorFeedbackRegister Target, double Delta) : ActuatorRegisterFault(Target)
{
    public override ActuatorFeedback Apply(ActuatorFeedback truth, ActuatorFeedback atOnset) => With(truth, Register, ValueOf(truth, Register) + Delta);
}

/// <summary><c>dropout</c>: the measurement behind the register is lost (open tachometer, open sensor, dead echo) and it reads 0.</summary>
public sealed record ActuatorRegisterDropout(ActuatorFeedbackRegister Target) : ActuatorRegisterFault(Target)
{
    public override ActuatorFeedback Apply(ActuatorFeedback truth, ActuatorFeedback atOnset) => With(truth, Register, 0);
}

/// <summary><c>board_status bit_stuck {bit, value}</c>: one status bit reads <see cref="Value"/> whatever the board's state.</summary>
public sealed record StatusBitStuck(int Bit, bool Value) : ActuatorRegisterFault(ActuatorFeedbackRegister.BoardStatus)
{
    public override ActuatorFeedback Apply(ActuatorFeedback truth, ActuatorFeedback atOnset)
    {
        var mask = (BoardStatus)(1 << Bit);
        return truth with { Status = Value ? truth.Status | mask : truth.Status & ~mask };
    }
}
