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

    /// <summary>The heartbeat of the last write the board acknowledged (null before the first).</summary>
    public ushort? HeartbeatAcknowledged { get; set; }

    /// <summary>The heartbeat of the last write sent, acknowledged or not: a write whose reply was lost may have reached the board.</summary>
    public ushort HeartbeatSent { get; set; }

    /// <summary>What the board's heartbeat_echo is judged against: the heartbeats written so far (null before an acknowledged one).</summary>
    public HeartbeatWrites? HeartbeatWrites => HeartbeatAcknowledged is { } acknowledged ? new HeartbeatWrites(acknowledged, HeartbeatSent) : null;

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
