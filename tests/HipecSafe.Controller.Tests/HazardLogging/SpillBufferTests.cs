using HipecSafe.TestSupport;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Tests.HazardLogging;

[Verifies("SRS-LG-007")]
public class SpillBufferTests
{
    private static PendingEntry Entry(LogPriority priority, string text) => new(priority, TimeSpan.Zero, DateTimeOffset.UnixEpoch, new NoteEntry(text));

    private static List<string> Held(SpillBuffer buffer) => buffer.Items.Select(i => ((NoteEntry)i.Entry).Text).ToList();

    [Fact]
    public void Within_the_lowest_priority_present_the_oldest_goes_first()
    {
        var buffer = new SpillBuffer(3);
        buffer.Add(Entry(LogPriority.Medium, "m1"));
        buffer.Add(Entry(LogPriority.Medium, "m2"));
        buffer.Add(Entry(LogPriority.High, "h1"));

        Assert.True(buffer.Add(Entry(LogPriority.Medium, "m3")));

        Assert.Equal(["m2", "h1", "m3"], Held(buffer));
        Assert.Equal(1, buffer.DroppedOf(LogPriority.Medium));
    }

    [Fact]
    public void A_new_record_below_everything_held_is_the_one_dropped()
    {
        var buffer = new SpillBuffer(2);
        buffer.Add(Entry(LogPriority.Low, "l1"));
        buffer.Add(Entry(LogPriority.High, "h1"));

        Assert.False(buffer.Add(Entry(LogPriority.Info, "i1")));

        Assert.Equal(["l1", "h1"], Held(buffer));
        Assert.Equal(1, buffer.DroppedOf(LogPriority.Info));
    }

    [Fact]
    public void High_priority_records_are_never_evicted_and_a_new_one_is_refused_when_only_they_are_held()
    {
        var buffer = new SpillBuffer(2);
        buffer.Add(Entry(LogPriority.High, "h1"));
        buffer.Add(Entry(LogPriority.High, "h2"));

        Assert.False(buffer.Add(Entry(LogPriority.High, "h3")));
        Assert.False(buffer.Add(Entry(LogPriority.Medium, "m1")));

        Assert.Equal(["h1", "h2"], Held(buffer));
        Assert.Equal(1, buffer.RefusedHighPriority);
        Assert.Equal(1, buffer.Dropped);

        buffer.Clear();
        Assert.Equal((0, 0L, 0L), (buffer.Count, buffer.Dropped, buffer.RefusedHighPriority));
    }
}
