using HipecSafe.Core.Decisions;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>The gate decides each cycle once and in order; a repeated or older cycle is a caller's error, not a decision.</summary>
public class GateCycleOrderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Decide_refuses_a_cycle_that_does_not_come_after_the_last(int offset)
    {
        var rig = new GateRig();
        rig.Decide(Running);
        var input = new GateInput(rig.Cycle + offset, rig.Now + Cycle, rig.Readout(), HealthStatus.AllAnswered, null, []);

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => rig.Gate.Decide(rig.State, input));
        Assert.Equal("input", thrown.ParamName);
    }

    [Fact]
    public void Decide_accepts_a_gap_in_the_cycle_numbers()
    {
        var rig = new GateRig();
        var input = new GateInput(rig.Cycle + 3, rig.Now + Cycle, rig.Readout(), HealthStatus.AllAnswered, null, []);

        Assert.Equal(rig.Cycle + 3, rig.Gate.Decide(rig.State, input).State.LastCycle);
    }
}
