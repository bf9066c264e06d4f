using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>Drives a <see cref="SensorValidator"/> the way its owner does: each call starts from the state the previous one returned.</summary>
internal sealed class ValidatorRig(SensorValidationLimits limits)
{
    public SensorValidator Validator { get; } = new(limits);

    public SensorValidatorState State { get; private set; } = SensorValidator.Initial;

    public ValidatedFrame Validate(TimeSpan now, SensorFrame? frame)
    {
        var (validated, state) = Validator.Validate(State, now, frame);
        State = state;
        return validated;
    }
}
