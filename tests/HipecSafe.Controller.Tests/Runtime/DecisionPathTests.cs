using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Health;
using HipecSafe.Controller.Logging;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// SRS-RT-003: from the bytes read to the bytes written the decision takes at most 3 actor hops — bus → control loop →
/// gate → bus. Every message each component receives is recorded (<see cref="DeliveryRecorder"/>); between the bus
/// starting a cycle and the bus receiving that cycle's command to write, the only messages on the decision path are the
/// readout (gate and control loop) and the desired command (gate).
/// </summary>
public sealed class DecisionPathTests
{
    [Fact]
    [Verifies("SRS-RT-003")]
    public void From_the_readout_to_the_write_the_cycle_takes_three_hops_through_the_control_loop_and_the_gate()
    {
        var recorder = new DeliveryRecorder();
        using var run = new LockstepRun(decorator: recorder);
        run.ToPriming();
        run.Steps(3);

        var deliveries = recorder.Deliveries;
        var cycles = deliveries.Select(d => d.Message).OfType<StartCycle>().Select(s => s.Tick.Cycle).ToList();
        Assert.Equal(run.Reports.Count, cycles.Count);
        foreach (var cycle in cycles)
        {
            var start = Index(deliveries, d => d is { Component: ComponentNames.BoardBus, Message: StartCycle s } && s.Tick.Cycle == cycle);
            var write = Index(deliveries, d => d is { Component: ComponentNames.BoardBus, Message: WriteCommand w } && w.Tick.Cycle == cycle);
            Assert.True(write > start, $"cycle {cycle}: no write after the cycle's start");
            // Log records, health answers and the verdict going back to the control lane (read next cycle) travel beside
            // the decision; everything else in between is the decision path.
            var between = deliveries.Skip(start + 1).Take(write - start - 1).ToList();
            Assert.Contains(between, d => d is { Component: ComponentNames.ControlLoop, Message: VerdictTaken v } && v.Verdict.Cycle == cycle);
            var path = between
                .Where(d => d.Message is not (LogRecords or LogEvent or Ping or Pong or VerdictTaken))
                .Select(d => $"{d.Component}←{d.Message.GetType().Name}")
                .ToList();
            Assert.Equal([$"{ComponentNames.Interlocks}←Sampled", $"{ComponentNames.ControlLoop}←Sampled", $"{ComponentNames.Interlocks}←Desired"], path);
        }
    }

    private static int Index(IReadOnlyList<Delivery> deliveries, Func<Delivery, bool> match)
    {
        for (var i = 0; i < deliveries.Count; i++)
        {
            if (match(deliveries[i]))
            {
                return i;
            }
        }

        Assert.Fail("no such delivery");
        return -1;
    }
}
