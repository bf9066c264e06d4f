namespace HipecSafe.Core.Sensors.Validation;

/// <summary>The last temperature reading the rate check accepted on a channel: the reference for the next one.</summary>
public readonly record struct AcceptedReading(double Value, TimeSpan At);
