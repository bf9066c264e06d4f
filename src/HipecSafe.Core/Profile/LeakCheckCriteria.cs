using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Profile;

/// <summary>
/// What the device accepts as a passed leak check before the drug goes in (SRS-PH-006): the reservoir has held within
/// <paramref name="SteadyWithin"/> of one reading for <paramref name="SteadyFor"/> while circulating at the target
/// flow. Any leak faster than SteadyWithin / SteadyFor is refused (±50 mL for 60 s: 50 mL/min). The same tolerance
/// tells whether the circuit was refilled after the washout exchange (SRS-PH-023).
/// </summary>
/// <param name="SteadyWithin">How far the reservoir may move either way from the reading that began the window.</param>
/// <param name="SteadyFor">How long the window must last.</param>
public sealed record LeakCheckCriteria(Volume SteadyWithin, Duration SteadyFor);
