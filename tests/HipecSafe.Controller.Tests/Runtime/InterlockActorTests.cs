using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// The interlock actor (the safety gate) between probes: it takes each cycle's readout from the bus, decides the
/// cycle once — on the control lane's desired command, or at the deadline without it — writes the decision to the
/// bus and sends the verdict back to the control lane. The bus and control-lane ports end at one probe, so the probe
/// sees the order of the two.
/// </summary>
public sealed class InterlockActorTests : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly ActuatorCommand Heating = new(700, 50, ClampOpen: true, HeaterEnabled: true);
    private static readonly ProcedureContext HeatingContext =
        new(Phase.Heating, TreatmentProfile.Default.FlowTarget, Volume.FromMilliliters(2000), TimeSpan.Zero);

    private readonly ActorTestEnvironment _t;
    private readonly TestProbe _chain;
    private readonly IActorRef _gate;

    public InterlockActorTests()
    {
        _t = new ActorTestEnvironment(name => CreateTestProbe(name));
        _chain = CreateTestProbe("bus-and-control");
        var ports = new InterlockPorts(Relayed("bus"), Relayed("control"), Port("gate→log", _t.HazardLog.Ref));
        var state = new InterlockState(new SafetyGate(TreatmentProfile.Default.Limits));
        _gate = Sys.ActorOf(Props.Create(() => new InterlockActor(ports, state)).WithDispatcher(CallingThreadDispatcher.Id), ComponentNames.Interlocks);
    }

    private IActorRef RelayTo(string name) =>
        Sys.ActorOf(Props.Create(() => new TaggingRelay(name, _chain.Ref)).WithDispatcher(CallingThreadDispatcher.Id), $"relay-{name}");

    private OutputPort Relayed(string name) => Port($"gate→{name}", RelayTo(name));

    private static OutputPort Port(string name, IActorRef to)
    {
        var port = new OutputPort(name);
        port.Connect(to);
        return port;
    }

    /// <summary>The boards as read in a cycle of heating: the board holds and does <see cref="Heating"/>.</summary>
    private static Sampled Sample(long cycle, SensorFrame frame, HealthStatus? health = null)
    {
        var feedback = new ActuatorFeedback(BoardStatus.HeaterRelayClosed | BoardStatus.PumpRunning | BoardStatus.ClampOpen,
            Heating.HeaterPowerPermille, Heating.PumpSpeedRpm, Temperature.FromDegreesCelsius(40), (ushort)cycle);
        var readout = new BoardReadout(frame with { SampleCounter = (ushort)(cycle + 1) }, null, feedback, null,
            new HeldCommand(Heating, (ushort)cycle), null, 0, 0);
        return new Sampled(ActorTestEnvironment.Tick(cycle), health ?? HealthStatus.AllAnswered, readout);
    }

    private static Desired Desire(long cycle, ActuatorCommand command, bool reset = false) =>
        new(ActorTestEnvironment.Tick(cycle), new DesiredCommand(cycle, command, HeatingContext,
            new ProcedureReport(Phase.Heating, TimeSpan.Zero, [], 42.0, []), ResetRequested: reset));

    /// <summary>The decision of one cycle as the chain probe sees it: the verdict to the control lane, then the write.</summary>
    private WriteCommand Decided(long cycle)
    {
        var verdict = Assert.IsType<VerdictTaken>(NextOn("control"));
        Assert.Equal(cycle, verdict.Verdict.Cycle);
        var write = Assert.IsType<WriteCommand>(NextOn("bus"));
        Assert.Equal(cycle, write.Tick.Cycle);
        Assert.Equal(verdict.Verdict, write.Verdict);
        return write;
    }

    private object NextOn(string connection)
    {
        var tagged = _chain.ExpectMsg<Tagged>(Wait);
        Assert.Equal(connection, tagged.Connection);
        return tagged.Message;
    }

    private WriteCommand Cycle(long cycle, SensorFrame frame, ActuatorCommand desired)
    {
        _gate.Tell(Sample(cycle, frame));
        _chain.ExpectNoMsg(TimeSpan.Zero);
        _gate.Tell(Desire(cycle, desired));
        return Decided(cycle);
    }

    private List<LogRecords> Logged()
    {
        var records = new List<LogRecords>();
        while (_t.HazardLog.HasMessages)
        {
            records.Add(_t.HazardLog.ExpectMsg<LogRecords>(Wait));
        }

        return records;
    }

    [Fact]
    [Verifies("SRS-RT-003", "SRS-GT-013")]
    public void A_quiet_cycle_is_decided_once_when_the_desired_command_arrives_and_writes_it_unchanged()
    {
        var write = Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);

        Assert.Equal(Heating, write.Verdict.Command);
        Assert.True(write.Verdict.HeartbeatPermitted);
        Assert.True(write.Verdict.DesiredInTime);
        Assert.Empty(write.Verdict.ActiveTrips);
        Assert.Empty(write.Verdict.Reasons);

        // The deadline of a decided cycle changes nothing: a cycle is decided once.
        _gate.Tell(new CycleDeadline(ActorTestEnvironment.Tick(0)));
        _chain.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    [Verifies("SRS-RT-003", "SRS-GT-004")]
    public void A_safe_state_trip_makes_that_very_cycle_s_write_safe_whatever_the_control_lane_asks_and_is_logged_high()
    {
        Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);
        Logged();

        var hot = ScriptedBoardPort.HealthyFrame with { InflowA = Temperature.FromDegreesCelsius(45.5) };
        var write = Cycle(1, hot, Heating);

        Assert.Equal(ActuatorCommand.Safe, write.Verdict.Command);
        Assert.Contains(write.Verdict.ActiveTrips, t => t.RuleId == "IL-INFLOW-HIGH");
        Assert.Contains(write.Verdict.Reasons, r => r.RuleId == "GATE-SAFE-STATE-TRIP");
        Assert.Contains("IL-INFLOW-HIGH", write.Report.ActiveTrips);
        var tripped = Assert.Single(Logged().SelectMany(r => r.Entries), e => e.Entry is InterlockEntry { Kind: HazardLogKind.InterlockTripped });
        Assert.Equal(LogPriority.High, tripped.Priority);
        Assert.Equal("IL-INFLOW-HIGH", ((InterlockEntry)tripped.Entry).RuleId);
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void Every_sample_is_judged_as_it_arrives_and_a_latched_trip_constrains_each_cycle()
    {
        // Core high: heater off, latched until the operator reset; no safe state, so the pump runs on.
        var hot = ScriptedBoardPort.HealthyFrame with { Core = Temperature.FromDegreesCelsius(40.3) };
        for (var cycle = 0; cycle < 4; cycle++)
        {
            var write = Cycle(cycle, cycle == 0 ? hot : ScriptedBoardPort.HealthyFrame, Heating);
            Assert.Contains(write.Verdict.ActiveTrips, t => t.RuleId == "IL-CORE-HIGH");
            Assert.Equal(Heating.WithHeaterOff(), write.Verdict.Command);
        }
    }

    [Fact]
    [Verifies("SRS-GT-007", "SRS-RT-008")]
    public void At_the_deadline_without_a_desired_command_the_heater_is_off_pump_and_clamp_as_held_and_a_fault_is_logged()
    {
        Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);
        Logged();

        _gate.Tell(Sample(1, ScriptedBoardPort.HealthyFrame));
        _gate.Tell(new CycleDeadline(ActorTestEnvironment.Tick(1)));
        var write = Decided(1);

        Assert.Equal(Heating.WithHeaterOff(), write.Verdict.Command);
        Assert.False(write.Verdict.DesiredInTime);
        Assert.Contains(write.Verdict.Reasons, r => r.RuleId == "GATE-CONTROL-LATE");
        var fault = Assert.Single(Logged().SelectMany(r => r.Entries), e => e.Entry is FaultEntry);
        Assert.Equal(LogPriority.Medium, fault.Priority);
        Assert.Contains("no control output for cycle 1", ((FaultEntry)fault.Entry).Description, StringComparison.Ordinal);

        // The control lane's output for that cycle comes after all: discarded and noted, never written.
        _gate.Tell(Desire(1, Heating));
        _chain.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        var note = Assert.Single(Logged().SelectMany(r => r.Entries));
        Assert.Contains("control output of cycle 1 arrived late and was discarded", ((NoteEntry)note.Entry).Text, StringComparison.Ordinal);

        // The next cycle's desired command is the control lane's again.
        Assert.Equal(Heating, Cycle(2, ScriptedBoardPort.HealthyFrame, Heating).Verdict.Command);
    }

    [Fact]
    [Verifies("SRS-GT-007", "SRS-RT-004")]
    public void A_late_desired_command_is_not_written_but_its_procedure_report_reaches_the_next_cycle_s_report_and_alarms()
    {
        Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);
        _gate.Tell(Sample(1, ScriptedBoardPort.HealthyFrame));
        _gate.Tell(new CycleDeadline(ActorTestEnvironment.Tick(1)));
        Decided(1);

        // The control lane, late every cycle (a bus that answers only after the deadline), latches SafeState: its
        // command is discarded, but what it reports — the phase, the SAFE-STATE alarm — must not be lost with it.
        var safeState = new AlarmCondition("SAFE-STATE", AlarmPriority.High, null, "Device in SafeState", "test", "", Latching: true);
        _gate.Tell(new Desired(ActorTestEnvironment.Tick(1), new DesiredCommand(1, Heating, HeatingContext with { Phase = Phase.SafeState },
            new ProcedureReport(Phase.SafeState, TimeSpan.Zero, ["watchdog: boardbus"], null, [safeState]))));
        _chain.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        _gate.Tell(Sample(2, ScriptedBoardPort.HealthyFrame));
        _gate.Tell(new CycleDeadline(ActorTestEnvironment.Tick(2)));
        var next = Decided(2);
        Assert.Equal(Phase.SafeState, next.Report.Phase);
        Assert.Contains(next.Conditions, c => c.ConditionId == "SAFE-STATE");
        Assert.False(next.Verdict.Command.HeaterEnabled);
    }

    [Fact]
    [Verifies("SRS-GT-007")]
    public void A_cycle_whose_deadline_never_came_is_decided_without_its_desired_command_before_the_next_readout_is_taken()
    {
        Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);
        _gate.Tell(Sample(1, ScriptedBoardPort.HealthyFrame));
        _gate.Tell(Sample(2, ScriptedBoardPort.HealthyFrame));

        var lost = Decided(1);
        Assert.False(lost.Verdict.DesiredInTime);
        Assert.False(lost.Verdict.Command.HeaterEnabled);
        Assert.Equal(Heating, Cycle(2, ScriptedBoardPort.HealthyFrame, Heating).Verdict.Command);
    }

    [Fact]
    [Verifies("SRS-GT-007")]
    public void A_deadline_that_passes_before_the_readout_decides_nothing_and_the_late_readout_is_judged_with_the_control_lane_s_answer()
    {
        Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);

        // The bus is still reading (a slow reply, a retry) when the deadline passes: nothing to judge, nothing written.
        _gate.Tell(new CycleDeadline(ActorTestEnvironment.Tick(1)));
        _chain.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // The readout comes, then the control lane's answer to it: the cycle is decided with it, not written safe.
        _gate.Tell(Sample(1, ScriptedBoardPort.HealthyFrame));
        _chain.ExpectNoMsg(TimeSpan.Zero);
        _gate.Tell(Desire(1, Heating));
        var write = Decided(1);
        Assert.Equal(Heating, write.Verdict.Command);
        Assert.True(write.Verdict.DesiredInTime);
        Assert.DoesNotContain(write.Verdict.Reasons, r => r.RuleId is "GATE-NO-READOUT" or "GATE-CONTROL-LATE");
        Assert.DoesNotContain(Logged().SelectMany(r => r.Entries), e => e.Entry is FaultEntry);
    }

    [Fact]
    [Verifies("SRS-GT-001", "SRS-GT-003", "SRS-RT-005")]
    public void A_deadline_that_passes_before_the_readout_after_a_crash_writes_that_cycle_safe()
    {
        Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);
        _gate.Tell(new ComponentCrashed(ComponentNames.BoardBus, "IOException: test", nameof(StartCycle)));

        // The crash may have taken the readout with it: the cycle is not waited for.
        _gate.Tell(new CycleDeadline(ActorTestEnvironment.Tick(1)));
        var write = Decided(1);
        Assert.Equal(ActuatorCommand.Safe, write.Verdict.Command);
        Assert.Contains(write.Verdict.Reasons, r => r.RuleId == "GATE-NO-READOUT");
    }

    [Fact]
    [Verifies("SRS-GT-003", "SRS-RT-005")]
    public void A_reported_crash_holds_the_command_safe_from_the_next_decision_until_a_reset_is_requested()
    {
        Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);
        _gate.Tell(new ComponentCrashed(ComponentNames.Alarms, "InvalidOperationException: test", "UpdateAlarms"));

        for (var cycle = 1; cycle <= 3; cycle++)
        {
            var write = Cycle(cycle, ScriptedBoardPort.HealthyFrame, Heating);
            Assert.Equal(ActuatorCommand.Safe, write.Verdict.Command);
            Assert.Contains(write.Verdict.Reasons, r => r.RuleId == "GATE-COMPONENT-CRASHED");
            Assert.Single(write.Verdict.Crashes);
        }

        _gate.Tell(Sample(4, ScriptedBoardPort.HealthyFrame));
        _gate.Tell(Desire(4, Heating, reset: true));
        var reset = Decided(4);
        Assert.Empty(reset.Verdict.Crashes);
        Assert.Equal(Heating, reset.Verdict.Command);
    }

    [Fact]
    [Verifies("SRS-GT-002", "SRS-GT-008", "SRS-RT-007")]
    public void A_missed_health_round_withholds_the_heartbeat_and_a_failed_component_holds_the_command_safe()
    {
        Cycle(0, ScriptedBoardPort.HealthyFrame, Heating);

        var late = new HealthStatus(false, Core.Collections.ValueList.From([ComponentNames.Alarms]), Core.Collections.ValueList.Empty<string>());
        _gate.Tell(Sample(1, ScriptedBoardPort.HealthyFrame, late));
        _gate.Tell(Desire(1, Heating));
        var missed = Decided(1);
        Assert.False(missed.Verdict.HeartbeatPermitted);
        Assert.Equal(Heating.WithHeaterOff(), missed.Verdict.Command);

        var failed = new HealthStatus(false, Core.Collections.ValueList.From([ComponentNames.Alarms]), Core.Collections.ValueList.From([ComponentNames.Alarms]));
        _gate.Tell(Sample(2, ScriptedBoardPort.HealthyFrame, failed));
        _gate.Tell(Desire(2, Heating));
        var safe = Decided(2);
        Assert.False(safe.Verdict.HeartbeatPermitted);
        Assert.Equal(ActuatorCommand.Safe, safe.Verdict.Command);
        Assert.Contains(safe.Verdict.Reasons, r => r.RuleId == "GATE-COMPONENT-FAILED");
    }
}
