using System.Globalization;
using HipecSafe.Controller;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.RealTime;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// Bus loss while heating, in real time over a serial link. Once the cable is cut the controller can neither read
/// nor write, so nothing it decides reaches the board: the actuator board's own watchdog must latch it safe when the
/// heartbeat stops changing, and the controller's bus-failure interlock must latch SafeState on its side.
/// </summary>
[Collection(RealTimeSerialGroup.Name)]
[Trait("Category", RealTimeSerialGroup.Category)]
public sealed class BusLossTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HeatingGuard = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SafeGuard = TimeSpan.FromSeconds(90);

    /// <summary>The watchdog latches at the first board step after the heartbeat has been unchanged for more than 500 ms.</summary>
    private static readonly TimeSpan LatchBound = ActuatorBoardLogic.WatchdogTimeout + RealTimeBoards.StepPeriod;

    [Fact]
    [Verifies("SRS-HS-002")]
    public void Bus_loss_while_heating_latches_the_board_safe_by_its_watchdog_and_the_controller_in_SafeState()
    {
        using var rig = new SerialRig(output, seed: 23);
        // Noted on the controller's listener thread as the SafeState cycle completes (boards' clock ticks; -1 = not yet).
        var controllerSafeTicks = -1L;
        rig.Controller.Runtime.CycleCompleted += r =>
        {
            if (r.InSafeState)
            {
                Interlocked.CompareExchange(ref controllerSafeTicks, rig.Boards.Now.Ticks, -1L);
                rig.Changes.Pulse();
            }
        };
        rig.Start();

        // Heating with the heater really on, the pump running and the clamp open: everything the latch must undo.
        var heating = rig.RunUntil(r =>
        {
            var truth = rig.Boards.Snapshot.Truth;
            return r.InSafeState || (r.Phase == Phase.Heating && truth.HeaterPowerDelivered.Watts > 50 && truth.PumpSpeedRpm > 0 && truth.ClampOpen);
        }, HeatingGuard, "Heating with the heater delivering power");
        Assert.True(heating.Phase == Phase.Heating, $"before the cut: {heating.Phase}: {string.Join("; ", heating.LatchedCauses)}; {rig.Timing}");
        Assert.False(rig.Boards.ActuatorLogic.SafeLatched);

        var cutAt = rig.Boards.Now;
        rig.Boards.CutBus();
        rig.Log($"bus cut at {cutAt.TotalMilliseconds:0} ms");

        var safe = rig.RunUntil(r => r.InSafeState, SafeGuard, "the controller's SafeState");
        rig.WaitUntil(() => rig.Boards.LatchSnapshot is not null, SafeGuard, () => $"the board's watchdog latch: {StatusLines.Boards(rig.Boards.Snapshot)}");
        var latch = rig.Boards.LatchSnapshot!;

        // The board: latched by its own watchdog, and the plant's truth safe from that very step on.
        Assert.True(rig.Boards.ActuatorLogic.SafeLatched);
        Assert.True(latch.SafeLatched);
        Assert.Equal(PlantInputs.Off, latch.Outputs);
        Assert.True(latch.PlantSafe, $"at the latch step: heater {latch.Truth.HeaterPowerDelivered}, pump {latch.Truth.PumpSpeedRpm} rpm, clamp {(latch.Truth.ClampOpen ? "open" : "closed")}");
        Assert.True(rig.Boards.Snapshot.PlantSafe, StatusLines.Boards(rig.Boards.Snapshot));
        Assert.NotNull(latch.LastHeartbeatChangeAt);
        var lastHeartbeat = latch.LastHeartbeatChangeAt!.Value;
        var latency = latch.Time - lastHeartbeat;
        Assert.True(latency <= LatchBound, $"latched {latency.TotalMilliseconds:0} ms after the last heartbeat change; bound {LatchBound.TotalMilliseconds:0} ms");
        // The latch came from the cut: the last heartbeat arrived no later than the frame in flight when the cable was cut.
        Assert.True(lastHeartbeat <= cutAt + RealTimeBoards.StepPeriod, $"last heartbeat at {lastHeartbeat.TotalMilliseconds:0} ms, cut at {cutAt.TotalMilliseconds:0} ms");

        // The controller: SafeState latched for the bus — by its bus-failure interlock, or, when every request times
        // out so no readout reaches the gate by its deadline (the gate then writes safe: GATE-NO-READOUT), by the
        // watchdog failing the board bus that is stuck in those timeouts.
        Assert.Equal(Phase.SafeState, safe.Phase);
        Assert.Contains(safe.LatchedCauses, c => c.StartsWith("IL-BUS-", StringComparison.Ordinal)
                                                 || c.Contains(ComponentNames.BoardBus, StringComparison.Ordinal));
        rig.WaitUntil(() => Interlocked.Read(ref controllerSafeTicks) >= 0, SafeGuard, () => "the SafeState cycle's completion");
        var controllerSafeAt = TimeSpan.FromTicks(Interlocked.Read(ref controllerSafeTicks));

        rig.Log(string.Create(CultureInfo.InvariantCulture,
            $"MEASURED bus cut → board latch {(latch.Time - cutAt).TotalMilliseconds:0} ms; last heartbeat change → board latch {latency.TotalMilliseconds:0} ms (bound {LatchBound.TotalMilliseconds:0}); bus cut → controller SafeState {(controllerSafeAt - cutAt).TotalMilliseconds:0} ms"));
        rig.Log($"controller causes: {string.Join("; ", safe.LatchedCauses)}");
        rig.Log(rig.Timing);
    }
}
