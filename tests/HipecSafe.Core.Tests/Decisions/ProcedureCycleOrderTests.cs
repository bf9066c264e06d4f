using HipecSafe.Core.Decisions;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>The control lane steps each cycle once and in order; a repeated or older cycle is a caller's error.</summary>
public class ProcedureCycleOrderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Step_refuses_a_cycle_that_does_not_come_after_the_last(int offset)
    {
        var rig = new ProcedureRig();
        rig.Next();
        var input = new ProcedureInput(rig.Cycle + offset, rig.Now + TimeSpan.FromMilliseconds(100), rig.Readout(),
            HealthStatus.AllAnswered, [], null, []);

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => rig.Procedure.Step(rig.State, input));
        Assert.Equal("input", thrown.ParamName);
    }
}
