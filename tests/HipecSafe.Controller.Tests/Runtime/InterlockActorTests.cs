using Akka.Actor;
using Akka.TestKit.Xunit2;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Boards;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Logging;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// The interlock actor between probes. The board bus and the supervisor are ONE probe here, so the order in which
/// the actor tells them is the order the probe receives: the constraint must reach the bus before the verdict goes
/// on towards the control loop.
/// </summary>
public sealed class InterlockActorTests : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly ActuatorCommand Heating = new(700, 50, ClampOpen: true, HeaterEnabled: true);

    private readonly ActorTestEnvironment _t;
    private readonly Akka.TestKit.TestProbe _chain;
    private readonly IActorRef _interlocks;

    public InterlockActorTests()
    {
        _t = new ActorTestEnvironment(name => CreateTestProbe(name));
        _chain = CreateTestProbe("bus-and-supervisor");
        var env = _t.Env;
        env.BoardBus = _chain.Ref;
        env.Supervisor = _chain.Ref;
        var state = new InterlockState(new InterlockEngine(TreatmentProfile.Default.Limits));
        _interlocks = Sys.ActorOf(Props.Create(() => new InterlockActor(env, state)), ComponentNames.Interlocks);
        env.Interlocks = _interlocks;
        _interlocks.Tell(new InterlockContextUpdate(Phase.Heating, Heating, TreatmentProfile.Default.FlowTarget,
            Volume.FromMilliliters(2000), TimeSpan.Zero, TimeSpan.Zero));
    }

    private static Sampled Sample(long cycle, Core.Sensors.SensorFrame frame)
    {
        var tick = ActorTestEnvironment.Tick(cycle);
        var feedback = new ActuatorFeedback(BoardStatus.HeaterRelayClosed | BoardStatus.PumpRunning | BoardStatus.ClampOpen,
            Heating.HeaterPowerPermille, Heating.PumpSpeedRpm, Temperature.FromDegreesCelsius(40), (ushort)cycle);
        return new Sampled(new StartCycle(tick, true, [], []), new BoardReadout(frame with { SampleCounter = (ushort)(cycle + 1) },
            null, feedback, null, 0, 0));
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void A_trip_constrains_the_bus_before_the_verdict_goes_on_and_never_involves_the_control_loop()
    {
        _interlocks.Tell(Sample(0, ScriptedBoardPort.HealthyFrame));
        var quiet = _chain.ExpectMsg<Evaluated>(Wait);
        Assert.Empty(quiet.Evaluation.Active);

        var hot = ScriptedBoardPort.HealthyFrame with { InflowA = Temperature.FromDegreesCelsius(45.5) };
        _interlocks.Tell(Sample(1, hot));
        var force = _chain.ExpectMsg<ForceConstraint>(Wait);
        Assert.Equal(1, force.Tick.Cycle);
        var constrained = force.Constrain(Heating);
        Assert.False(constrained.HeaterEnabled);
        Assert.Equal(0, constrained.HeaterPowerPermille);
        Assert.Equal(0, constrained.PumpSpeedRpm);
        Assert.Contains(force.Reasons, r => r.RuleId == "IL-INFLOW-HIGH" && r.Action == ConstraintAction.HeaterOff);

        var verdict = _chain.ExpectMsg<Evaluated>(Wait);
        Assert.Contains(verdict.Evaluation.Active, t => t.RuleId == "IL-INFLOW-HIGH");
        Assert.False(_t.ControlLoop.HasMessages, "the interlocks never talk to the control loop");

        var log = _t.HazardLog.ExpectMsg<LogEvent>(Wait);
        Assert.Equal(LogPriority.High, log.Priority);
        var entry = Assert.IsType<InterlockEntry>(log.Entry);
        Assert.Equal(HazardLogKind.InterlockTripped, entry.Kind);
        Assert.Equal("IL-INFLOW-HIGH", entry.RuleId);
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void Every_sample_is_evaluated_as_it_arrives_and_a_latched_trip_constrains_each_one()
    {
        var hot = ScriptedBoardPort.HealthyFrame with { Abdomen3 = Temperature.FromDegreesCelsius(43.6) };
        _interlocks.Tell(Sample(0, hot));
        _interlocks.Tell(Sample(1, ScriptedBoardPort.HealthyFrame));
        _interlocks.Tell(Sample(2, ScriptedBoardPort.HealthyFrame));

        for (var cycle = 0; cycle < 3; cycle++)
        {
            var force = _chain.ExpectMsg<ForceConstraint>(Wait);
            Assert.Equal(cycle, force.Tick.Cycle);
            Assert.False(force.Constrain(Heating).HeaterEnabled);
            var verdict = _chain.ExpectMsg<Evaluated>(Wait);
            Assert.Equal(cycle, verdict.Sample.Start.Tick.Cycle);
            Assert.Contains(verdict.Evaluation.Active, t => t.RuleId == "IL-ABDOMEN-HIGH");
        }
    }
}
