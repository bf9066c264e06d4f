using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Tests.Interlocks;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Both boards as a random script drives them, for the property tests: the readings persist from step to step as the
/// script's kicks leave them, the sensor board's counter advances with each sample, the actuator board holds what the
/// gate wrote (unless latched, <see cref="BoardEcho"/>) and the flow meter reads what the held pump delivers unless a
/// kick set it. Deterministic: the same script and verdicts give the same readouts.
/// </summary>
internal sealed class ScriptedBoard
{
    private static readonly BoardStatus[] StatusBits =
        [BoardStatus.SafeLatchedByWatchdog, BoardStatus.LimiterTripped, BoardStatus.PumpMotorFault];

    private SensorFrame _frame = Nominal();
    private BoardStatus _bits = BoardStatus.SafeLatchedByWatchdog; // the power-on safe hold (docs/icd.md §7.2)
    private Temperature _limiter = BoardEcho.CoolLimiter;
    private VolumetricFlow? _flow;
    private ActuatorCommand _held = ActuatorCommand.Safe;
    private ActuatorCommand? _lastWritten;
    private ushort _heartbeat;
    private int _sensorFailures;
    private int _actuatorFailures;

    public long Cycle { get; private set; } = -1;

    public TimeSpan Now { get; private set; }

    /// <summary>This cycle's readout after the step's kick (<see cref="BoardKick.NoReadout"/>: nothing could be read).</summary>
    public BoardReadout Read(BoardStep step)
    {
        Cycle++;
        Now += TimeSpan.FromMilliseconds(step.DtMilliseconds);
        Apply(step);
        var frame = _frame with
        {
            SampleCounter = step.Kick == BoardKick.FreezeCounter ? _frame.SampleCounter : unchecked((ushort)(_frame.SampleCounter + 1)),
            Flow = _flow ?? VolumetricFlow.FromMillilitersPerMinute(_held.PumpSpeedRpm * TreatmentProfile.Default.TubingMillilitersPerRevolution),
        };
        _frame = frame;
        var sensorFails = step.Kick is BoardKick.SensorReadFails or BoardKick.NoReadout;
        var feedbackFails = step.Kick is BoardKick.FeedbackReadFails or BoardKick.NoReadout;
        _sensorFailures = sensorFails ? _sensorFailures + 1 : 0;
        _actuatorFailures = feedbackFails ? _actuatorFailures + 1 : 0;
        if (step.Kick == BoardKick.BusFailures)
        {
            (_sensorFailures, _actuatorFailures) = (step.Index, step.Index);
        }

        if (step.Kick == BoardKick.NoReadout)
        {
            return BoardReadout.Nothing("response timeout", _sensorFailures, _actuatorFailures, _lastWritten);
        }

        var heldFails = step.Kick == BoardKick.HeldReadFails;
        return new BoardReadout(
            sensorFails ? null : frame, sensorFails ? "response timeout" : null,
            feedbackFails ? null : BoardEcho.Reporting(_held, _bits, _limiter, _heartbeat), feedbackFails ? "response timeout" : null,
            heldFails ? null : new HeldCommand(_held, _heartbeat), heldFails ? "response timeout" : null,
            _sensorFailures, _actuatorFailures, _lastWritten);
    }

    /// <summary>The bus writes the gate's verdict: the board takes it as its latches allow.</summary>
    public void Took(GateVerdict verdict)
    {
        if (verdict.HeartbeatPermitted)
        {
            _heartbeat = unchecked((ushort)(_heartbeat + 1));
        }

        _lastWritten = verdict.Command;
        if (verdict.ReleaseBoardLatch && !verdict.Command.HeaterEnabled && _limiter < BoardProtection.LimiterReleaseBelow)
        {
            _bits &= ~(BoardStatus.SafeLatchedByWatchdog | BoardStatus.LimiterTripped);
        }

        _held = BoardEcho.HoldsAfterWriting(verdict.Command, _bits);
    }

    private void Apply(BoardStep step)
    {
        var t = T(step.Value);
        switch (step.Kick)
        {
            case BoardKick.Nominal:
                _frame = Nominal() with { SampleCounter = _frame.SampleCounter };
                _flow = null;
                _limiter = BoardEcho.CoolLimiter;
                _bits = BoardStatus.None;
                break;
            case BoardKick.Inflow:
                _frame = step.Index switch
                {
                    0 => _frame with { InflowA = t },
                    1 => _frame with { InflowB = t },
                    _ => _frame with { InflowA = t, InflowB = t },
                };
                break;
            case BoardKick.Abdomen:
                _frame = step.Index switch
                {
                    0 => _frame with { Abdomen1 = t },
                    1 => _frame with { Abdomen2 = t },
                    2 => _frame with { Abdomen3 = t },
                    3 => _frame with { Abdomen4 = t },
                    _ => ProcedureRig.WithAbdomen(_frame, step.Value),
                };
                break;
            case BoardKick.Core:
                _frame = _frame with { Core = t };
                break;
            case BoardKick.Pressure:
                _frame = _frame with { InflowPressure = Pressure.FromMillimetersOfMercury(step.Value) };
                break;
            case BoardKick.Air:
                _frame = _frame with { AirDetected = step.Index == 1 };
                break;
            case BoardKick.FaultBit:
                _frame = _frame with { ChannelFaultBits = (ushort)(_frame.ChannelFaultBits ^ (1 << step.Index)) };
                break;
            case BoardKick.Reservoir:
                _frame = _frame with { ReservoirVolume = Volume.FromMilliliters(step.Value) };
                break;
            case BoardKick.Flow:
                _flow = step.Index == 0 ? null : VolumetricFlow.FromMillilitersPerMinute(step.Value);
                break;
            case BoardKick.StatusBit:
                _bits ^= StatusBits[step.Index % StatusBits.Length];
                _held = BoardEcho.HoldsAfterWriting(_held, _bits);
                break;
            case BoardKick.Limiter:
                _limiter = t;
                break;
        }
    }
}
