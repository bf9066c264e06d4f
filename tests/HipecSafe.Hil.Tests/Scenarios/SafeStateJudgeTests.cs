using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Scenarios;
using HipecSafe.Hil.Tests.Boards;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

public class SafeStateJudgeTests
{
    private static readonly SafeStateJudge Judge = new(ProfileLoader.EmbeddedDefault);
    private static readonly ActuatorCommand Heating = new(600, 50, ClampOpen: true, HeaterEnabled: true);

    private static CycleReport Report(Phase phase, ActuatorCommand command, params string[] trips) =>
        new(new CycleTick(1, TimeSpan.FromSeconds(1), DateTimeOffset.UnixEpoch), null, null, phase, command, null, trips, [], null, true, null, TimeSpan.Zero, []);

    /// <summary>A board out of its power-on hold, holding <paramref name="command"/>.</summary>
    private static ActuatorBoardLogic Board(ActuatorCommand command)
    {
        var board = ReleasedBoard.Logic();
        board.CommandWritten(command, 1);
        board.Step(TimeSpan.FromMilliseconds(50), Temperature.FromDegreesCelsius(40));
        return board;
    }

    private static PlantState Truth(double heaterWatts, double rpm) => new() { HeaterPowerDelivered = Power.FromWatts(heaterWatts), PumpSpeedRpm = rpm };

    [Fact]
    [Verifies("SRS-SC-006")]
    public void SafeState_phase_with_the_heater_physically_off_is_safe()
    {
        var seen = Judge.Judge(Board(ActuatorCommand.Safe), Truth(0, 0), Report(Phase.SafeState, ActuatorCommand.Safe));
        Assert.True(seen.IsSafe);
        Assert.Equal("controller SafeState", seen.Protection);
        Assert.False(seen.PumpRunning);
    }

    [Fact]
    [Verifies("SRS-SC-006")]
    public void A_heater_off_interlock_that_keeps_the_pump_running_is_safe_in_its_phase()
    {
        var command = Heating.WithHeaterOff();
        var seen = Judge.Judge(Board(command), Truth(0, 50), Report(Phase.ChemoPerfusion, command, "IL-CORE-HIGH"));
        Assert.True(seen.IsSafe);
        Assert.Equal("IL-CORE-HIGH active in ChemoPerfusion", seen.Protection);
        Assert.True(seen.PumpRunning);
    }

    [Fact]
    [Verifies("SRS-SC-006")]
    public void Control_merely_asking_for_no_heat_is_not_a_safe_state()
    {
        var command = Heating.WithHeaterOff();
        Assert.False(Judge.Judge(Board(command), Truth(0, 50), Report(Phase.ChemoPerfusion, command, "IL-FLOW-DEVIATION")).IsSafe);
    }

    [Fact]
    [Verifies("SRS-SC-006")]
    public void SafeState_while_the_heater_still_gets_power_is_not_safe()
    {
        // A welded relay: the controller latched SafeState and drives the relay open, but the plant still heats.
        var seen = Judge.Judge(Board(ActuatorCommand.Safe), Truth(2000, 0), Report(Phase.SafeState, ActuatorCommand.Safe));
        Assert.False(seen.IsSafe);
        Assert.True(seen.ProtectedButHeating);
        Assert.Equal(2000, seen.HeaterDeliveredW);
    }

    [Fact]
    [Verifies("SRS-SC-006")]
    public void The_board_watchdog_latch_is_safe_even_while_the_controller_still_commands_heat()
    {
        var board = Board(Heating);
        board.Step(TimeSpan.FromSeconds(1), Temperature.FromDegreesCelsius(40));
        Assert.True(board.SafeLatched);
        var seen = Judge.Judge(board, Truth(0, 0), Report(Phase.ChemoPerfusion, Heating));
        Assert.True(seen.IsSafe);
        Assert.Equal("board watchdog latch", seen.Protection);
    }

    [Fact]
    [Verifies("SRS-SC-006")]
    public void A_board_still_in_its_power_on_hold_is_safe_and_named_so()
    {
        var board = new ActuatorBoardLogic();
        board.Step(TimeSpan.FromMilliseconds(50), Temperature.FromDegreesCelsius(40));

        var seen = Judge.Judge(board, Truth(0, 0), Report(Phase.ChemoPerfusion, Heating));

        Assert.True(seen.IsSafe);
        Assert.Equal("board power-on hold", seen.Protection);
    }
}
