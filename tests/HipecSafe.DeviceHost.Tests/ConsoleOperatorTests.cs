using HipecSafe.Core.Operations;
using HipecSafe.TestSupport;

namespace HipecSafe.DeviceHost.Tests;

/// <summary>Operator actions typed on the console: by name, case and separators ignored; anything else answered.</summary>
public class ConsoleOperatorTests
{
    [Theory]
    [Verifies("SRS-RT-009")]
    [InlineData("AddDrug", OperatorAction.AddDrug)]
    [InlineData("  add-drug ", OperatorAction.AddDrug)]
    [InlineData("EMERGENCY_STOP", OperatorAction.EmergencyStop)]
    [InlineData("reset", OperatorAction.Reset)]
    public void An_action_is_known_by_its_name(string line, OperatorAction expected)
    {
        Assert.Equal(expected, ConsoleOperator.Parse(line, out var error));
        Assert.Null(error);
    }

    [Theory]
    [Verifies("SRS-RT-009")]
    [InlineData("add drug")]
    [InlineData("3")]
    [InlineData("Reset;")]
    [InlineData("launch")]
    public void Anything_else_is_answered_with_the_known_actions(string line)
    {
        Assert.Null(ConsoleOperator.Parse(line, out var error));
        Assert.Contains($"'{line.Trim()}'", error, StringComparison.Ordinal);
        Assert.Contains(nameof(OperatorAction.EmergencyStop), error, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-RT-009")]
    public void Typed_lines_are_queued_in_order_and_unknown_ones_answered()
    {
        var output = new StringWriter();
        var console = new ConsoleOperator();

        console.ReadAll(new StringReader("pause\nbogus\n\nresume\n"), output);

        Assert.True(console.TryTake(out var first));
        Assert.True(console.TryTake(out var second));
        Assert.False(console.TryTake(out _));
        Assert.Equal([OperatorAction.Pause, OperatorAction.Resume], [first, second]);
        Assert.Contains("unknown operator action 'bogus'", output.ToString(), StringComparison.Ordinal);
    }
}
