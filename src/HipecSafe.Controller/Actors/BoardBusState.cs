using HipecSafe.Controller.Boards;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Actuators;

namespace HipecSafe.Controller.Actors;

/// <summary>The board bus actor's state, kept outside the actor so a restart forgets neither the heartbeat nor what it wrote.</summary>
internal sealed class BoardBusState(IBoardPort port)
{
    public IBoardPort Port { get; } = port;

    public ushort Heartbeat { get; set; }

    /// <summary>The cycle whose verdict was written last; an older verdict is never written after it.</summary>
    public long LastWrittenCycle { get; set; } = -1;

    /// <summary>The cycle whose heartbeat was written last (the heartbeat advances at most once per cycle).</summary>
    public long HeartbeatCycle { get; set; } = -1;

    /// <summary>The last command the bus got through to the board (null before the first).</summary>
    public ActuatorCommand? LastWritten { get; set; }

    /// <summary>
    /// A verdict more than one cycle behind the cycle under way, held until the messages already queued behind it have
    /// been seen: written then unless a newer verdict came meanwhile.
    /// </summary>
    public WriteCommand? Lagging { get; set; }

    /// <summary>The cycle under way (the latest one the watchdog started).</summary>
    public Cycle.CycleTick? Current { get; set; }
}
