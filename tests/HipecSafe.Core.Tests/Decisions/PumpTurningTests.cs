using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Whether a readout shows the pump turning, at the boundaries SRS-PH-022 draws: the pump is stopped when the board
/// holds a pump speed below one count of 0.1 rpm, or reports pump_speed_actual below one count, or board_status bit3
/// clear. Exactly one count is not below it: the pump is turning.
/// </summary>
public class PumpTurningTests
{
    private static BoardReadout Readout(double heldRpm, double actualRpm)
    {
        var held = new ActuatorCommand(0, heldRpm, ClampOpen: true, HeaterEnabled: false);
        var feedback = new ActuatorFeedback(BoardStatus.PumpRunning | BoardStatus.ClampOpen, 0, actualRpm, BoardEcho.CoolLimiter, 0);
        return new BoardReadout(null, "not read", feedback, null, new HeldCommand(held, 0), null, 0, 0);
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void One_count_held_and_one_count_reported_is_turning()
    {
        Assert.Null(PumpTurning.WhyNot(Readout(0.1, 0.1)));
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void Below_one_count_reported_is_stopped()
    {
        Assert.StartsWith("pump stopped: pump_speed_actual", PumpTurning.WhyNot(Readout(100, 0.09)), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void Below_one_count_held_is_stopped()
    {
        Assert.StartsWith("pump stopped: the board holds pump speed", PumpTurning.WhyNot(Readout(0.09, 100)), StringComparison.Ordinal);
    }
}
