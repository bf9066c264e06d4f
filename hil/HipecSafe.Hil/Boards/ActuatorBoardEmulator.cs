using HipecSafe.Core.Actuators;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;

namespace HipecSafe.Hil.Boards;

/// <summary>
/// The actuator board as a Modbus slave (docs/icd.md, slave 2): holding registers 0–5 take the controller's
/// command, heartbeat and latch reset; input registers 0–4 report status, actual heater power and pump speed, the
/// limiter temperature and the heartbeat echo. Values the board cannot take answer exception 0x03 and change nothing.
/// FC 0x03 reads back what the board holds (<see cref="ActuatorBoardLogic.Held"/> and the heartbeat), not simply
/// the last values written: latching SAFE and a tripped limiter force registers 0–3, and latch_reset reads 0.
/// </summary>
public sealed class ActuatorBoardEmulator(ActuatorBoardLogic logic) : IModbusRegisterBank
{
    private readonly object _gate = new();
    private readonly ushort[] _holding = new ushort[ActuatorBoardRegisters.HoldingCount];
    // Until the first Publish: the board's own state over a plant at rest, so board_status shows the power-on hold.
    private ushort[] _inputs = RegisterCodec.EncodeActuatorFeedback(logic.Feedback(default));
    private ActuatorCommand? _encodedHeld;
    private ushort _encodedHeartbeat;
    // Register faults by register (one per register); the feedback last reported, which a stuck register holds.
    private readonly Dictionary<ActuatorFeedbackRegister, (ActuatorRegisterFault Fault, ActuatorFeedback AtOnset)> _registerFaults = [];
    private ActuatorFeedback _reported = logic.Feedback(default);
    // The feedback before register faults, as last published: the echo is refreshed from it when a write comes.
    private ActuatorFeedback _truth = logic.Feedback(default);

    public ActuatorBoardLogic Logic => logic;

    /// <summary>
    /// One board step, under the same lock as the Modbus side (in real time the bus thread writes concurrently):
    /// advances the protections, and returns what drives the plant.
    /// </summary>
    public Plant.PlantInputs Step(TimeSpan now, Core.Quantities.Temperature limiterTemperature)
    {
        lock (_gate)
        {
            logic.Step(now, limiterTemperature);
            SyncHolding();
            return logic.Outputs();
        }
    }

    /// <summary>Publishes the board's input registers from the plant's state after its step.</summary>
    public void Publish(in Plant.PlantState plant)
    {
        lock (_gate)
        {
            Report(logic.Feedback(plant));
        }
    }

    /// <summary>The input registers from the board's true feedback, with the register faults applied.</summary>
    private void Report(ActuatorFeedback truth)
    {
        _truth = truth;
        var feedback = truth;
        foreach (var (fault, atOnset) in _registerFaults.Values)
        {
            feedback = fault.Apply(feedback, atOnset);
        }

        _reported = feedback;
        _inputs = RegisterCodec.EncodeActuatorFeedback(feedback);
    }

    /// <summary>
    /// Starts a fault in what the board reports (rig fault injection); it replaces an earlier fault on the same register.
    /// The board's own protections keep acting on the true values.
    /// </summary>
    public void Inject(ActuatorRegisterFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _registerFaults[fault.Register] = (fault, _reported);
        }
    }

    /// <summary>The fault acting on <paramref name="register"/>, or null.</summary>
    public ActuatorRegisterFault? ActiveFault(ActuatorFeedbackRegister register)
    {
        lock (_gate)
        {
            return _registerFaults.TryGetValue(register, out var f) ? f.Fault : null;
        }
    }

    /// <summary>Ends the fault on <paramref name="register"/>: from the next publish the register reports the truth again.</summary>
    public void Clear(ActuatorFeedbackRegister register)
    {
        lock (_gate)
        {
            _registerFaults.Remove(register);
        }
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> destination)
    {
        lock (_gate)
        {
            if (startAddress + destination.Length > _holding.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            SyncHolding();
            _holding.AsSpan(startAddress, destination.Length).CopyTo(destination);
            return null;
        }
    }

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> destination)
    {
        lock (_gate)
        {
            if (startAddress + destination.Length > _inputs.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            _inputs.AsSpan(startAddress, destination.Length).CopyTo(destination);
            return null;
        }
    }

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            if (startAddress + values.Length > _holding.Length)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            for (var i = 0; i < values.Length; i++)
            {
                var register = (ushort)(startAddress + i);
                if (register == ActuatorBoardRegisters.LatchReset ? values[i] != ActuatorBoardRegisters.LatchResetKey
                    : RegisterCodec.CheckActuatorHoldingValue(register, values[i]) is not null)
                {
                    return ModbusExceptionCode.IllegalDataValue;
                }
            }

            SyncHolding();
            if (startAddress < ActuatorBoardRegisters.CommandCount)
            {
                // The write lands on what the board holds; the logic then decides what it keeps (nothing of 0–3 while latched).
                Span<ushort> written = stackalloc ushort[ActuatorBoardRegisters.CommandCount];
                _holding.AsSpan(0, ActuatorBoardRegisters.CommandCount).CopyTo(written);
                var count = Math.Min(values.Length, ActuatorBoardRegisters.CommandCount - startAddress);
                values[..count].CopyTo(written[startAddress..]);
                var (command, heartbeat) = RegisterCodec.DecodeActuatorCommand(written);
                logic.CommandWritten(command, heartbeat);
                // heartbeat_echo is "the last heartbeat value the board received" (docs/icd.md §6.2): it follows the
                // write at once, not only at the next 50 ms step, so a read right after a write already sees it.
                if (_truth.HeartbeatEcho != logic.Heartbeat)
                {
                    Report(_truth with { HeartbeatEcho = logic.Heartbeat });
                }
            }

            if (startAddress + values.Length > ActuatorBoardRegisters.LatchReset)
            {
                logic.ResetLatch();
            }

            SyncHolding();
            return null;
        }
    }

    /// <summary>Holding registers 0–4 from what the logic holds; latch_reset always reads 0. Re-encoded only on a change.</summary>
    private void SyncHolding()
    {
        if (ReferenceEquals(_encodedHeld, logic.Held) && _encodedHeartbeat == logic.Heartbeat)
        {
            return;
        }

        RegisterCodec.EncodeActuatorCommand(logic.Held, logic.Heartbeat).CopyTo(_holding, 0);
        _holding[ActuatorBoardRegisters.LatchReset] = 0;
        _encodedHeld = logic.Held;
        _encodedHeartbeat = logic.Heartbeat;
    }
}
