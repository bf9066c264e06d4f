using HipecSafe.Controller.Boards;
using HipecSafe.Core.Actuators;

namespace HipecSafe.Controller.Actors;

/// <summary>The board bus actor's state, kept outside the actor so a restart neither forgets the last command nor the override.</summary>
internal sealed class BoardBusState(IBoardPort port)
{
    public IBoardPort Port { get; } = port;

    public ushort Heartbeat { get; set; }

    public ActuatorCommand LastWritten { get; set; } = ActuatorCommand.Safe;

    public long LastWrittenCycle { get; set; } = -1;

    /// <summary>Why the actuators are held safe regardless of what the cycle asks (null: no override).</summary>
    public string? SafeOverride { get; set; }

    public Cycle.StartCycle? Current { get; set; }

    public Func<ActuatorCommand, ActuatorCommand>? CycleConstraint { get; set; }

    public ActuatorFeedback? LastFeedback { get; set; }
}
