using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Controller.Actors;

/// <summary>The interlock engine, its state and its context, kept outside the actor: a restart must not forget a latched trip.</summary>
internal sealed class InterlockState(InterlockEngine engine)
{
    public InterlockEngine Engine { get; } = engine;

    /// <summary>The engine's state after the last evaluation or reset.</summary>
    public InterlockEngineState EngineState { get; set; } = engine.Initial;

    /// <summary>An accepted operator reset that must be tried again on the next sample (board latches).</summary>
    public bool ResetOnNextSample { get; set; }

    public InterlockContextUpdate Context { get; set; } = new(Phase.PowerOnSelfTest, ActuatorCommand.Safe, VolumetricFlow.Zero,
        Volume.Zero, TimeSpan.Zero, null);
}
