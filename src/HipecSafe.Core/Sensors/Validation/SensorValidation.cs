namespace HipecSafe.Core.Sensors.Validation;

/// <summary>The result of one <see cref="SensorValidator.Validate"/>: the verdict on the sample and the state to pass to the next call.</summary>
public sealed record SensorValidation(ValidatedFrame Frame, SensorValidatorState State);
