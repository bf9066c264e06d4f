namespace HipecSafe.Core.Actuators;

/// <summary>
/// The heartbeat values (holding register 4) the controller has put on the bus before a read of the actuator board:
/// the one of the last write the board acknowledged and the one of the last write sent. They differ only when the last
/// write failed; such a write may still have reached the board (its reply was lost), so the board's
/// <c>heartbeat_echo</c> may be either, or a value sent in between (docs/icd.md §4, §6.2).
/// </summary>
/// <param name="Acknowledged">The heartbeat of the last FC 0x10 write the board answered.</param>
/// <param name="Sent">The heartbeat of the last FC 0x10 write sent, answered or not (never behind <paramref name="Acknowledged"/>).</param>
public readonly record struct HeartbeatWrites(ushort Acknowledged, ushort Sent)
{
    /// <summary>The heartbeat after <see cref="ushort.MaxValue"/>: it wraps to 1, never to 0 (docs/icd.md §4).</summary>
    public const ushort WrapsTo = 1;

    /// <summary>
    /// Whether the board can hold <paramref name="echo"/> as the last heartbeat it received: one of the values written
    /// from <see cref="Acknowledged"/> up to <see cref="Sent"/>, in the heartbeat's order (+1 per advance, 65535 → 1).
    /// </summary>
    public bool Admits(ushort echo) => Steps(Acknowledged, echo) <= Steps(Acknowledged, Sent);

    /// <summary>
    /// Advances from <paramref name="from"/> to <paramref name="to"/> in the heartbeat's order; <see cref="int.MaxValue"/>
    /// when <paramref name="to"/> cannot follow it (0 is only ever the value before the first advance).
    /// </summary>
    public static int Steps(ushort from, ushort to)
    {
        if (to >= from)
        {
            return to - from;
        }

        // Wrapped: from → 65535, one advance to 1, then on to `to`.
        return to < WrapsTo ? int.MaxValue : ushort.MaxValue - from + 1 + (to - WrapsTo);
    }
}
