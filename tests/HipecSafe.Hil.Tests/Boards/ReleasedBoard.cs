using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Boards;

namespace HipecSafe.Hil.Tests.Boards;

/// <summary>
/// Actuator boards taken out of their power-on safe hold the only way docs/icd.md allows (heartbeat changed,
/// heater_enable 0, limiter_temp below 44.0 °C, then latch_reset), for tests about a running board.
/// </summary>
internal static class ReleasedBoard
{
    /// <summary>A limiter reading well below the 44.0 °C release bound.</summary>
    public static readonly Temperature Cool = Temperature.FromDegreesCelsius(40);

    /// <summary>Released at t = 0 with heartbeat 1; holds the safe command until the next write.</summary>
    public static ActuatorBoardLogic Logic()
    {
        var board = new ActuatorBoardLogic();
        board.Step(TimeSpan.Zero, Cool);
        board.CommandWritten(ActuatorCommand.Safe, heartbeat: 1);
        Assert.Null(board.ResetLatch());
        Assert.False(board.SafeLatched);
        return board;
    }
}
