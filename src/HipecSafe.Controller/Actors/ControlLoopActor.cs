using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Control;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Runs the control law once per cycle. Its state is deliberately NOT carried across a restart: a restarted loop
/// starts from <see cref="ControlLawState.Initial"/> and tracks the command actually applied (bumpless), and the
/// crash itself has already put the device in SafeState — the proven-safe restart of SRS-RT-005.
/// </summary>
internal sealed class ControlLoopActor : MonitoredActor
{
    private readonly ControlLaw _law;
    private ControlLawState _state;

    public ControlLoopActor(ControllerEnvironment environment, Func<ControlLaw> lawFactory)
        : base(ComponentNames.ControlLoop, environment)
    {
        _law = lawFactory();
        _state = ControlLawState.Initial;
    }

    protected override void Handlers() =>
        Receive<Compute>(c =>
        {
            var step = _law.Step(_state, Duration.FromTimeSpan(c.Evaluated.Sample.Start.Tick.Time), c.Inputs);
            _state = step.State;
            Sender.Tell(new Computed(c.Evaluated, step.Output));
        });
}
