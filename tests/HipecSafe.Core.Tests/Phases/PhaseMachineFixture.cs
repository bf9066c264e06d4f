using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>Inputs and helpers shared by the phase machine tests.</summary>
internal static class PhaseMachineFixture
{
    public static TreatmentProfile DefaultProfile => TreatmentProfile.Default;

    public static TimeSpan T(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>The reservoir held at 1400 mL at target flow for the default profile's whole 60 s leak-check time.</summary>
    public static ReservoirSteadiness Steady { get; } =
        new(Volume.FromMilliliters(1400), Volume.FromMilliliters(1400), DefaultProfile.LeakCheck.SteadyFor, null);

    public static PhaseInputs Probes(params double[] celsius) =>
        new(celsius.Select(c => (Temperature?)Temperature.FromDegreesCelsius(c)).ToList(), Duration.FromMinutes(5), [])
        {
            LeakCheck = Steady, Reservoir = Volume.FromMilliliters(1400), CircuitVolumeBaseline = Volume.FromMilliliters(1400),
            ExchangeLowest = Volume.FromMilliliters(1100), PrimingAirSeen = true,
        };

    /// <summary>
    /// Every guard satisfied: probes warm, circuit primed and its priming air seen, reservoir steady for the leak check and at its circuit-volume
    /// baseline after dipping 300 mL below it (a saline exchange drained and refilled), no active cause.
    /// </summary>
    public static PhaseInputs AllGood { get; } = Probes(41.5, 41.6, 41.4, 41.5);

    public static PhaseInputs WithCauses(params string[] causes) => AllGood with { ActiveLatchedCauses = causes };

    public static PhaseMachineRun At(Phase phase, List<PhaseTransition>? record = null)
    {
        var machine = new PhaseMachineRun(DefaultProfile, record is null ? null : record.Add, phase);
        machine.Tick(TimeSpan.Zero);
        return machine;
    }

    /// <summary>Drives a fresh machine from power-on into <paramref name="target"/> along the nominal path.</summary>
    public static PhaseMachineRun DriveTo(Phase target, TimeSpan start = default)
    {
        var m = new PhaseMachineRun(DefaultProfile);
        var now = start;
        m.Tick(now);
        var path = new (Phase Reached, PhaseTrigger Trigger)[]
        {
            (Phase.Standby, PhaseTrigger.SelfTestPassed), (Phase.Priming, PhaseTrigger.StartPriming),
            (Phase.Heating, PhaseTrigger.PrimingComplete), (Phase.ReadyForChemo, PhaseTrigger.TargetTemperatureReached),
        };
        foreach (var (reached, trigger) in path)
        {
            if (m.Current == target)
            {
                return m;
            }

            Assert.True(m.Fire(trigger, now, AllGood).Accepted, $"nominal path refused {trigger}");
            Assert.Equal(reached, m.Current);
        }

        if (m.Current != target)
        {
            m.Fire(PhaseTrigger.ConfirmLeakCheck, now, AllGood);
            Assert.True(m.Fire(PhaseTrigger.AddDrug, now, AllGood).Accepted);
        }

        Assert.Equal(target, m.Current);
        return m;
    }
}
