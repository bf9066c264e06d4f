using HipecSafe.Controller.Clock;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Control;
using HipecSafe.Core.Profile;

namespace HipecSafe.Controller;

/// <summary>How to run the controller.</summary>
public sealed record ControllerOptions(TreatmentProfile Profile, ClockMode Mode)
{
    /// <summary>Cycle period; 10 Hz by default (SRS-RT-001).</summary>
    public TimeSpan CyclePeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How far into a cycle the gate waits for the control lane's desired command before deciding without it (the
    /// heater then stays off); half a period by default (SRS-GT-007).
    /// </summary>
    public TimeSpan? GateDeadline { get; init; }

    public ControlGains Gains { get; init; } = ControlGains.Default;

    public ControlPlantModel PlantModel { get; init; } = ControlPlantModel.Default;

    /// <summary>Wraps each component's actor as it is created (a test rig's fault injection); null in the device.</summary>
    public IComponentDecorator? Decorator { get; init; }

    /// <summary>
    /// Real time: where each cycle's wall-clock time (UTC) comes from. It stamps hazard-log records and nothing else:
    /// cycles, phase timers and every other decision run on procedure time from the monotonic cycle clock, so a step
    /// of this clock (NTP, an RTC fault) shows in the log's UTC field and changes no timer (SRS-RT-010). Lockstep runs
    /// pass each cycle's wall clock to <see cref="ControllerRuntime.Step"/> instead.
    /// </summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    /// <summary>
    /// How records reach the hazard-log writer; null: on a writer thread of its own in real time (a slow disk must not
    /// hold up the hazard-log actor's health pings, OI-11), inline in lockstep (deterministic runs).
    /// </summary>
    public HazardLogPumpOptions? LogPump { get; init; }

    /// <summary>The hazard-log pump options in effect.</summary>
    public HazardLogPumpOptions EffectiveLogPump => LogPump ?? new HazardLogPumpOptions { WriterThread = Mode == ClockMode.RealTime };

    /// <summary>
    /// A procedure the previous run left unfinished, read from that run's hazard log
    /// (<see cref="Core.Decisions.ProcedureResume.From"/>): the controller starts holding it (SRS-RS-003); null at a
    /// plain power-on.
    /// </summary>
    public Core.Decisions.ProcedureResume? Resume { get; init; }

    /// <summary>How long the lockstep driver waits for a cycle before declaring the controller hung (a bug guard, not a timing check).</summary>
    public TimeSpan LockstepLivenessLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The gate's deadline in effect.</summary>
    public TimeSpan EffectiveGateDeadline => GateDeadline ?? CyclePeriod / 2;
}
