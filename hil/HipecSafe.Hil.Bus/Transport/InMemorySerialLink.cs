using System.Diagnostics;
using HipecSafe.Devices.Transport;

namespace HipecSafe.Hil.Bus.Transport;

/// <summary>
/// A serial line in memory: two connected endpoints, <see cref="MasterEnd"/> and <see cref="SlaveEnd"/>, each an
/// <see cref="ISerialTransport"/>. Bytes written at one end arrive at the other, in order, after whatever the
/// <see cref="Fault"/> hook decides; <see cref="Inject"/> puts raw bytes on the line (noise).
/// <para>
/// Real time (no clock given): reads block on the system clock, so each end can be served by its own thread.
/// Virtual time (a <see cref="VirtualBusClock"/> given): nothing blocks; a read that must wait advances the clock
/// to the next arrival or to its deadline, and slaves answer synchronously through
/// <see cref="InMemorySerialEndpoint.AttachReceiver"/>. A virtual-time link must be used from one thread at a time,
/// and takes no lock: a lockstep cycle passes through the link some twenty times, and an uncontended lock costs
/// more than most of these calls do.
/// </para>
/// </summary>
public sealed class InMemorySerialLink : IDisposable
{
    // Pooled chunks get room for a whole RTU frame, so one buffer fits any frame written later.
    private const int MinChunkCapacity = 256;
    private const int MaxFreeChunks = 32;

    private readonly object _gate = new();
    private readonly Queue<Chunk>[] _inFlight = [new(), new()];
    private readonly TimeSpan[] _lastDue = [TimeSpan.Zero, TimeSpan.Zero];
    private readonly Stopwatch _realTime = Stopwatch.StartNew();

    // Chunks read to their end, kept for the next writes (under _gate). A few cover every frame in flight at once.
    private readonly Stack<Chunk> _freeChunks = new();
    private bool _pumping;

    public InMemorySerialLink(string name = "in-memory link", VirtualBusClock? virtualClock = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        VirtualClock = virtualClock;
        MasterEnd = new InMemorySerialEndpoint(this, LinkDirection.SlaveToMaster, LinkDirection.MasterToSlave, name + " (master end)");
        SlaveEnd = new InMemorySerialEndpoint(this, LinkDirection.MasterToSlave, LinkDirection.SlaveToMaster, name + " (slave end)");
    }

    public string Name { get; }

    public InMemorySerialEndpoint MasterEnd { get; }

    public InMemorySerialEndpoint SlaveEnd { get; }

    /// <summary>Null in real time.</summary>
    public VirtualBusClock? VirtualClock { get; }

    public bool IsVirtualTime => VirtualClock is not null;

    public TimeProvider Clock => VirtualClock ?? TimeProvider.System;

    /// <summary>Time on the link's clock since the link was created (virtual clock: its elapsed time).</summary>
    public TimeSpan Now => VirtualClock?.Elapsed ?? _realTime.Elapsed;

    /// <summary>Applied to every write; null = a perfect line. May be swapped while the link runs.</summary>
    public LinkFaultHook? Fault { get; set; }

    /// <summary>Total bytes written by either end (before faults), for test and rig diagnostics.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>
    /// Puts <paramref name="bytes"/> on the line towards one end, <paramref name="delay"/> from now, bypassing the
    /// fault hook: line noise (the scenario fault <c>garbage</c>).
    /// </summary>
    public void Inject(LinkDirection direction, ReadOnlySpan<byte> bytes, TimeSpan delay = default)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "an injection delay cannot be negative");
        }

        using (EnterGate())
        {
            EnqueueCopy(direction, bytes, Now + delay);
            AfterEnqueue();
        }
    }

    /// <summary>
    /// Virtual time: hands every byte whose arrival time has come to the receivers attached at its end. Call after
    /// advancing the clock from outside; reads and writes on the link do it themselves.
    /// </summary>
    public void Pump()
    {
        using (EnterGate())
        {
            PumpLocked();
        }
    }

    /// <summary>Bytes written towards one end that it has not read yet (in flight or waiting).</summary>
    public int PendingBytes(LinkDirection direction)
    {
        using (EnterGate())
        {
            return _inFlight[(int)direction].Sum(c => c.Length - c.Offset);
        }
    }

    public void Dispose()
    {
        MasterEnd.Dispose();
        SlaveEnd.Dispose();
    }

    internal void Write(InMemorySerialEndpoint from, ReadOnlySpan<byte> data)
    {
        using (EnterGate())
        {
            ObjectDisposedException.ThrowIf(from.IsDisposed, from);
            BytesWritten += data.Length;
            var direction = from.Outgoing;
            var hook = Fault;
            if (hook is null)
            {
                EnqueueCopy(direction, data, Now);
            }
            else
            {
                foreach (var delivery in hook(direction, data))
                {
                    if (delivery.Delay < TimeSpan.Zero)
                    {
                        throw new InvalidOperationException($"the fault hook of '{Name}' returned a negative delay {delivery.Delay}");
                    }

                    Enqueue(direction, delivery.Bytes ?? [], Now + delivery.Delay);
                }
            }

            AfterEnqueue();
        }
    }

    internal int Read(InMemorySerialEndpoint to, Span<byte> buffer, TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a read timeout cannot be negative");
        }

        using (EnterGate())
        {
            ObjectDisposedException.ThrowIf(to.IsDisposed, to);
            if (buffer.IsEmpty)
            {
                return 0;
            }

            var deadline = Now + timeout;
            var queue = _inFlight[(int)to.Incoming];
            while (true)
            {
                PumpLocked();
                var taken = TakeArrived(queue, buffer);
                if (taken > 0)
                {
                    return taken;
                }

                var now = Now;
                if (now >= deadline)
                {
                    return 0;
                }

                if (VirtualClock is { } clock)
                {
                    // Jump to the next arrival anywhere on the link (a request reaching a slave produces our reply).
                    var next = NextArrivalAfter(now);
                    clock.AdvanceTo(next is { } at && at < deadline ? at : deadline);
                }
                else
                {
                    var wait = deadline - now;
                    if (queue.TryPeek(out var head) && head.Due > now && head.Due - now < wait)
                    {
                        wait = head.Due - now;
                    }

                    Monitor.Wait(_gate, CeilingMilliseconds(wait));
                    ObjectDisposedException.ThrowIf(to.IsDisposed, to);
                }
            }
        }
    }

    internal void Discard(InMemorySerialEndpoint at)
    {
        using (EnterGate())
        {
            var queue = _inFlight[(int)at.Incoming];
            var now = Now;
            while (queue.TryPeek(out var head) && head.Due <= now)
            {
                Recycle(queue.Dequeue());
            }
        }
    }

    internal void Closed()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    internal void RequireVirtualTime(string operation)
    {
        if (!IsVirtualTime)
        {
            throw new InvalidOperationException(
                $"{operation} needs a virtual-time link (construct '{Name}' with a VirtualBusClock); in real time serve the endpoint from a thread");
        }
    }

    /// <summary>Queues a copy of <paramref name="bytes"/> (the writer keeps its buffer) in a chunk from the pool.</summary>
    private void EnqueueCopy(LinkDirection direction, ReadOnlySpan<byte> bytes, TimeSpan due)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        var chunk = _freeChunks.TryPop(out var free) ? free : new Chunk();
        chunk.Fill(bytes, due);
        Enqueue(direction, chunk);
    }

    /// <summary>Queues the fault hook's bytes as they are: the array stays the hook's, so its chunk is never pooled.</summary>
    private void Enqueue(LinkDirection direction, byte[] bytes, TimeSpan due)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        Enqueue(direction, Chunk.Borrowing(bytes, due));
    }

    private void Enqueue(LinkDirection direction, Chunk chunk)
    {
        var due = chunk.Due;

        // A serial line never reorders: a later write cannot arrive before an earlier one.
        var index = (int)direction;
        if (due < _lastDue[index])
        {
            due = _lastDue[index];
        }

        _lastDue[index] = due;
        chunk.Due = due;
        _inFlight[index].Enqueue(chunk);
    }

    /// <summary>A chunk read or dropped to its end goes back to the pool, so a transaction's writes allocate nothing once warm.</summary>
    private void Recycle(Chunk chunk)
    {
        if (chunk.Owned && _freeChunks.Count < MaxFreeChunks)
        {
            _freeChunks.Push(chunk);
        }
    }

    private void AfterEnqueue()
    {
        if (IsVirtualTime)
        {
            // Nothing ever waits on a virtual-time link (reads advance the clock instead), and pulsing would give
            // the gate a sync block that slows every later lock of it.
            PumpLocked();
            return;
        }

        Monitor.PulseAll(_gate);
    }

    private void PumpLocked()
    {
        if (!IsVirtualTime || _pumping)
        {
            return; // a receiver that writes a reply re-enters here; the outer loop delivers it
        }

        _pumping = true;
        try
        {
            bool delivered;
            do
            {
                delivered = DeliverToReceivers(MasterEnd) | DeliverToReceivers(SlaveEnd);
            }
            while (delivered);
        }
        finally
        {
            _pumping = false;
        }
    }

    private bool DeliverToReceivers(InMemorySerialEndpoint endpoint)
    {
        var receivers = endpoint.Receivers;
        if (receivers.Length == 0 || endpoint.IsDisposed)
        {
            return false;
        }

        var queue = _inFlight[(int)endpoint.Incoming];
        var delivered = false;
        while (queue.TryPeek(out var head) && head.Due <= Now)
        {
            queue.Dequeue();
            var bytes = head.Bytes.AsSpan(head.Offset, head.Length - head.Offset);
            foreach (var receiver in receivers)
            {
                receiver(bytes, head.Due);
            }

            Recycle(head); // only now: the receivers read the bytes in place
            delivered = true;
        }

        return delivered;
    }

    private TimeSpan? NextArrivalAfter(TimeSpan now)
    {
        TimeSpan? next = null;
        foreach (var queue in _inFlight)
        {
            if (queue.TryPeek(out var head) && head.Due > now && (next is null || head.Due < next))
            {
                next = head.Due;
            }
        }

        return next;
    }

    private int TakeArrived(Queue<Chunk> queue, Span<byte> buffer)
    {
        var now = Now;
        var taken = 0;
        while (taken < buffer.Length && queue.TryPeek(out var head) && head.Due <= now)
        {
            var available = head.Length - head.Offset;
            var count = Math.Min(available, buffer.Length - taken);
            head.Bytes.AsSpan(head.Offset, count).CopyTo(buffer[taken..]);
            head.Offset += count;
            taken += count;
            if (head.Offset == head.Length)
            {
                Recycle(queue.Dequeue());
            }
        }

        return taken;
    }

    /// <summary>
    /// The link's lock in real time, where each end is served by its own thread; nothing in virtual time, where one
    /// thread drives the link (see the class remarks).
    /// </summary>
    private GateScope EnterGate() => new(IsVirtualTime ? null : _gate);

    private static int CeilingMilliseconds(TimeSpan wait) => (int)Math.Clamp(Math.Ceiling(wait.TotalMilliseconds), 1, int.MaxValue);

    /// <summary>Holds <see cref="_gate"/> for a <c>using</c> block, or nothing when given no gate.</summary>
    private readonly ref struct GateScope
    {
        private readonly object? _held;

        public GateScope(object? gate)
        {
            if (gate is not null)
            {
                Monitor.Enter(gate);
            }

            _held = gate;
        }

        public void Dispose()
        {
            if (_held is not null)
            {
                Monitor.Exit(_held);
            }
        }
    }

    /// <summary>
    /// Bytes in flight towards one end: <see cref="Bytes"/>[0..<see cref="Length"/>), of which <see cref="Offset"/>
    /// have been read. An owned chunk holds a copy in its own buffer and is reused once read; a borrowed one holds
    /// the fault hook's array.
    /// </summary>
    private sealed class Chunk
    {
        public byte[] Bytes { get; private set; } = [];

        public int Length { get; private set; }

        public TimeSpan Due { get; set; }

        public int Offset { get; set; }

        public bool Owned { get; private set; } = true;

        public static Chunk Borrowing(byte[] bytes, TimeSpan due) =>
            new() { Bytes = bytes, Length = bytes.Length, Due = due, Owned = false };

        public void Fill(ReadOnlySpan<byte> bytes, TimeSpan due)
        {
            if (Bytes.Length < bytes.Length)
            {
                Bytes = new byte[Math.Max(bytes.Length, MinChunkCapacity)];
            }

            bytes.CopyTo(Bytes);
            Length = bytes.Length;
            Due = due;
            Offset = 0;
        }
    }
}
