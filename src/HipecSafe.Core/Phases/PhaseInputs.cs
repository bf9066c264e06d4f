using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Phases;

/// <summary>
/// What the guards of the phase machine look at, supplied by the caller with every trigger so that the machine
/// never reads sensors itself. A null abdominal probe is an invalid (faulted or stale) probe.
/// </summary>
/// <remarks>
/// <see cref="LeakCheck"/>: the reservoir's steadiness at target flow, for the leak check (SRS-PH-006).
/// <see cref="Reservoir"/> (null: not valid), <see cref="CircuitVolumeBaseline"/> (null: none taken) and
/// <see cref="ExchangeLowest"/> (the lowest valid reading since the saline exchange began; null: none yet): whether the
/// reservoir showed the perfusate drained and the circuit refilled (SRS-PH-023).
/// <see cref="AirDetectorUntested"/>: the air detector's functional check (IL-AIR-DETECTOR-UNTESTED) is failing, so
/// Priming may not end (SRS-PH-025).
/// <see cref="PrimingAirSeen"/>: the air detector has reported air (a physical reading) in this run's Priming, or the
/// procedure was resumed after a restart, whose set was primed in the previous run; until then Priming may not end
/// (SRS-PH-026). False by default, so a caller that does not say holds Priming rather than passing it.
/// </remarks>
public sealed record PhaseInputs(
    IReadOnlyList<Temperature?> AbdominalProbes,
    Duration CircuitPrimedFor,
    IReadOnlyList<string> ActiveLatchedCauses)
{
    public ReservoirSteadiness LeakCheck { get; init; }

    public Volume? Reservoir { get; init; }

    public Volume? CircuitVolumeBaseline { get; init; }

    public Volume? ExchangeLowest { get; init; }

    public bool AirDetectorUntested { get; init; }

    public bool PrimingAirSeen { get; init; }

    public static PhaseInputs None { get; } = new([], Duration.Zero, []);
}
