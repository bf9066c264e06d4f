using HipecSafe.Hil.Bus.Transport;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class BusFaultLineTests
{
    private static readonly byte[] Frame = [0x01, 0x04, 0x00, 0x00, 0x00, 0x0F, 0x70, 0x0E];

    private static (InMemorySerialLink Link, BusFaultLine Line) Line(int seed)
    {
        var link = new InMemorySerialLink("test", new VirtualBusClock());
        return (link, new BusFaultLine(link, new Random(seed)));
    }

    private static IReadOnlyList<LinkDelivery> Write(InMemorySerialLink link) => link.Fault!(LinkDirection.MasterToSlave, Frame);

    [Fact]
    [Verifies("SRS-SC-012")]
    public void Loss_drops_every_frame_and_stopping_restores_a_perfect_line()
    {
        var (link, line) = Line(1);
        var loss = new BusLoss();
        line.Start(loss);
        Assert.Empty(Write(link));
        line.Stop(loss);
        Assert.Null(link.Fault);
    }

    [Fact]
    [Verifies("SRS-SC-012")]
    public void Crc_errors_corrupt_one_byte_in_about_the_given_fraction_of_frames_reproducibly()
    {
        int Corrupted(int seed)
        {
            var (link, line) = Line(seed);
            line.Start(new BusCrcErrors(0.2));
            return Enumerable.Range(0, 2000).Count(_ =>
            {
                var d = Assert.Single(Write(link));
                Assert.Equal(Frame.Length, d.Bytes.Length);
                var differing = d.Bytes.Zip(Frame).Count(p => p.First != p.Second);
                Assert.InRange(differing, 0, 1);
                return differing == 1;
            });
        }

        Assert.InRange(Corrupted(5), 340, 460);
        Assert.Equal(Corrupted(5), Corrupted(5));
    }

    [Fact]
    [Verifies("SRS-SC-012")]
    public void Delay_delivers_every_frame_late_and_unchanged()
    {
        var (link, line) = Line(1);
        line.Start(new BusDelay(TimeSpan.FromMilliseconds(80)));
        var d = Assert.Single(Write(link));
        Assert.Equal(TimeSpan.FromMilliseconds(80), d.Delay);
        Assert.Equal(Frame, d.Bytes);
    }

    [Fact]
    [Verifies("SRS-SC-012")]
    public void Garbage_inserts_noise_into_frames_and_puts_idle_noise_towards_both_ends()
    {
        var (link, line) = Line(9);
        line.Start(new BusGarbage(10_000));
        // 8 bytes at 115200 baud take 0.76 ms: about 7.6 noise bytes each at 10 kB/s.
        var grown = Enumerable.Range(0, 200).Sum(_ => Assert.Single(Write(link)).Bytes.Length - Frame.Length);
        Assert.InRange(grown, 200 * 5, 200 * 10);

        line.OnBoardStep(TimeSpan.FromMilliseconds(50));
        Assert.Equal(500, link.PendingBytes(LinkDirection.MasterToSlave));
        Assert.Equal(500, link.PendingBytes(LinkDirection.SlaveToMaster));
    }
}
