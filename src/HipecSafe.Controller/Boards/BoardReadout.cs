using HipecSafe.Core.Actuators;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Controller.Boards;

/// <summary>
/// One cycle's reads of both boards. A null frame/feedback means the read failed; the failure text says how, and
/// the consecutive-failure counts feed the bus-fault interlock (3 in a row with one board, shared/icd.md).
/// </summary>
public sealed record BoardReadout(
    SensorFrame? Frame,
    string? SensorFailure,
    ActuatorFeedback? Feedback,
    string? ActuatorFailure,
    int SensorConsecutiveFailures,
    int ActuatorConsecutiveFailures);
