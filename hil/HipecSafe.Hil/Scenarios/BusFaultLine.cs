using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Transport;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// The active bus faults of a scenario as one <see cref="LinkFaultHook"/> on the rig's virtual RS-485 line, plus the
/// idle-line noise of <c>garbage</c>. All randomness comes from one seeded generator, so a run is reproducible.
/// <list type="bullet">
/// <item><c>loss</c>: every frame is dropped.</item>
/// <item><c>crc_errors {rate}</c>: each frame, with probability rate, gets one byte XORed with a random non-zero value.</item>
/// <item><c>garbage {bytes_per_s}</c>: noise is heard by both ends. Bytes that fall on the line while a frame is on it
/// (Poisson with mean rate × the frame's wire time) are inserted into that frame; the rest (rate × 50 ms per board
/// step) are put on the idle line towards both ends with <see cref="InMemorySerialLink.Inject"/>.</item>
/// <item><c>delay {ms}</c>: every frame arrives this much later (applied last, to what the other faults left).</item>
/// </list>
/// </summary>
internal sealed class BusFaultLine
{
    private readonly InMemorySerialLink _link;
    private readonly Random _random;
    private readonly List<BusFault> _active = [];
    private double _idleNoiseOwed;

    public BusFaultLine(InMemorySerialLink link, Random random)
    {
        _link = link;
        _random = random;
    }

    public IReadOnlyList<BusFault> Active => _active;

    /// <summary>Frames the hook changed or dropped, for the run's diagnostics.</summary>
    public long FramesAffected { get; private set; }

    public void Start(BusFault fault)
    {
        // One fault per kind: a second one of the same kind replaces the first.
        _active.RemoveAll(f => f.Kind == fault.Kind);
        _active.Add(fault);
        _link.Fault = Apply;
    }

    public void Stop(BusFault fault)
    {
        _active.Remove(fault);
        if (_active.Count == 0)
        {
            _link.Fault = null;
        }
    }

    /// <summary>Called every board step: the idle-line share of <c>garbage</c>.</summary>
    public void OnBoardStep(TimeSpan step)
    {
        foreach (var garbage in _active.OfType<BusGarbage>())
        {
            _idleNoiseOwed += garbage.BytesPerSecond * step.TotalSeconds;
        }

        var count = (int)_idleNoiseOwed;
        if (count == 0)
        {
            return;
        }

        _idleNoiseOwed -= count;
        var noise = new byte[count];
        _random.NextBytes(noise);
        _link.Inject(LinkDirection.MasterToSlave, noise);
        _link.Inject(LinkDirection.SlaveToMaster, noise);
    }

    private IReadOnlyList<LinkDelivery> Apply(LinkDirection direction, ReadOnlySpan<byte> written)
    {
        if (_active.Any(f => f is BusLoss))
        {
            FramesAffected++;
            return [];
        }

        var bytes = written.ToArray();
        var changed = false;
        foreach (var fault in _active)
        {
            switch (fault)
            {
                case BusCrcErrors crc when _random.NextDouble() < crc.Rate:
                    bytes[_random.Next(bytes.Length)] ^= (byte)_random.Next(1, 256);
                    changed = true;
                    break;
                case BusGarbage garbage:
                    var hits = Poisson(garbage.BytesPerSecond * SerialLineTiming.Default.WireTime(bytes.Length).TotalSeconds);
                    for (var i = 0; i < hits; i++)
                    {
                        var at = _random.Next(bytes.Length + 1);
                        bytes = [.. bytes.AsSpan(0, at), (byte)_random.Next(256), .. bytes.AsSpan(at)];
                        changed = true;
                    }

                    break;
            }
        }

        var delay = _active.OfType<BusDelay>().Select(d => d.Delay).DefaultIfEmpty(TimeSpan.Zero).Max();
        if (changed || delay > TimeSpan.Zero)
        {
            FramesAffected++;
        }

        return [new LinkDelivery(bytes, delay)];
    }

    /// <summary>Knuth's method; the means here are a few bytes per frame at most.</summary>
    private int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = _random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= _random.NextDouble();
        }

        return k;
    }
}
