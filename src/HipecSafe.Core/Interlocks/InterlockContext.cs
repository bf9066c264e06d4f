using HipecSafe.Core.Profile;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks;

/// <summary>What a rule sees: the raw input, the validated sensor sample and the profile's limits.</summary>
public sealed record InterlockContext(InterlockInput Input, ValidatedFrame Sensors, AlarmLimits Limits);
