using HipecSafe.Core.Control;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Control;

public class PidTests
{
    private static readonly Duration Tenth = Duration.FromSeconds(0.1);
    private static readonly OutputRange Permille = new(0, 1000);

    [Fact]
    [Verifies("SRS-CT-001")]
    public void The_output_is_clamped_to_the_range_and_the_saturation_is_reported()
    {
        var pid = new Pid(new PidGains(Kp: 100, Ki: 0), "test");

        var (high, s1) = pid.Step(PidState.Initial, setpoint: 50, measurement: 30, Tenth, Permille, feedForward: 200);
        var (low, s2) = pid.Step(s1, setpoint: 30, measurement: 50, Tenth, Permille, feedForward: 200);
        var (inside, _) = pid.Step(s2, setpoint: 41, measurement: 40, Tenth, Permille, feedForward: 200);

        Assert.Equal(1000, high.Output);
        Assert.Equal(PidSaturation.High, high.Saturation);
        Assert.Equal(0, low.Output);
        Assert.Equal(PidSaturation.Low, low.Saturation);
        Assert.Equal(300, inside.Output, 9);
        Assert.Equal(PidSaturation.None, inside.Saturation);
    }

    [Fact]
    [Verifies("SRS-CT-001")]
    public void The_derivative_acts_on_the_measurement_so_a_setpoint_step_gives_no_kick()
    {
        var pid = new Pid(new PidGains(Kp: 0, Ki: 0, Kd: 10), "test");
        var range = new OutputRange(-1000, 1000);
        var settled = pid.Step(PidState.Initial, 40, 40, Tenth, range).State;

        var (setpointStep, afterSetpointStep) = pid.Step(settled, 45, 40, Tenth, range);
        var (measurementRise, _) = pid.Step(afterSetpointStep, 45, 40.5, Tenth, range);

        Assert.Equal(0, setpointStep.Derivative);
        Assert.Equal(-10 * 0.5 / 0.1, measurementRise.Derivative, 9);
    }

    [Fact]
    [Verifies("SRS-CT-001")]
    public void The_derivative_filter_smooths_a_measurement_step()
    {
        var pid = new Pid(new PidGains(Kp: 0, Ki: 0, Kd: 10, DerivativeFilterSeconds: 0.9), "test");
        var range = new OutputRange(-1000, 1000);
        var settled = pid.Step(PidState.Initial, 40, 40, Tenth, range).State;

        var (first, _) = pid.Step(settled, 40, 40.5, Tenth, range);

        // dt/(Tf+dt) = 0.1 of the raw rate 5 K/s gets through in the first step.
        Assert.Equal(-10 * 0.5, first.Derivative, 9);
    }

    [Fact]
    [Verifies("SRS-CT-002")]
    public void After_an_hour_of_saturation_the_integrator_holds_only_what_reaches_the_limit_and_the_output_leaves_saturation_as_soon_as_the_error_turns()
    {
        var pid = new Pid(new PidGains(Kp: 60, Ki: 2), "test");
        var state = PidState.Initial;
        var saturatedSteps = 0;
        for (var i = 0; i < 36_000; i++)
        {
            (var s, state) = pid.Step(state, setpoint: 44, measurement: 40, Tenth, Permille, feedForward: 300);
            saturatedSteps += s.Saturation == PidSaturation.High ? 1 : 0;
        }

        Assert.True(saturatedSteps > 35_000);

        // Headroom with FF 300 and P 240 is 460; nothing beyond that was stored.
        Assert.InRange(state.Integral, 459.9, 460.0 + 1e-9);

        var (turned, _) = pid.Step(state, setpoint: 44, measurement: 44.1, Tenth, Permille, feedForward: 300);
        Assert.True(turned.Output < 1000, $"output {turned.Output} should leave saturation at the first negative error");
        Assert.Equal(PidSaturation.None, turned.Saturation);
    }

    [Fact]
    [Verifies("SRS-CT-002")]
    public void Saturation_at_the_bottom_does_not_wind_the_integrator_down()
    {
        var pid = new Pid(new PidGains(Kp: 60, Ki: 2), "test");
        var state = PidState.Initial;
        for (var i = 0; i < 6000; i++)
        {
            state = pid.Step(state, setpoint: 37, measurement: 42, Tenth, Permille, feedForward: 0).State;
        }

        Assert.Equal(0, state.Integral);
        Assert.True(pid.Step(state, 37, 36.9, Tenth, Permille).Terms.Output > 0);
    }

    [Fact]
    [Verifies("SRS-CT-002")]
    public void An_integral_limit_bounds_what_integration_can_store_but_keeps_a_tracked_value_outside_it()
    {
        var pid = new Pid(new PidGains(Kp: 1, Ki: 10), "test");
        var range = new OutputRange(-1e6, 1e6);
        var state = PidState.Initial;
        for (var i = 0; i < 1000; i++)
        {
            state = pid.Step(state, 10, 0, Tenth, range, integralLimit: 300).State;
        }

        Assert.Equal(300, state.Integral, 9);

        var tracked = pid.Track(appliedOutput: -900, setpoint: 10, measurement: 0, range);
        Assert.Equal(-910, tracked.Integral, 9);
        var stepped = pid.Step(tracked, 10, 0, Tenth, range, integralLimit: 300).State;
        Assert.Equal(-900, stepped.Integral, 9);
    }

    [Fact]
    [Verifies("SRS-CT-002")]
    public void An_integrator_hold_stops_integration_in_that_direction_only()
    {
        var pid = new Pid(new PidGains(Kp: 0, Ki: 1), "test");
        var range = new OutputRange(-100, 100);

        var heldUp = pid.Step(PidState.Initial, 1, 0, Duration.FromSeconds(1), range, hold: IntegratorHold.Up).State;
        Assert.Equal(0, heldUp.Integral);
        var down = pid.Step(heldUp, 0, 1, Duration.FromSeconds(1), range, hold: IntegratorHold.Up).State;
        Assert.Equal(-1, down.Integral, 9);
        var heldDown = pid.Step(down, 0, 1, Duration.FromSeconds(1), range, hold: IntegratorHold.Down).State;
        Assert.Equal(-1, heldDown.Integral, 9);
    }

    [Fact]
    [Verifies("SRS-CT-003")]
    public void Track_makes_the_next_output_continue_from_the_applied_output()
    {
        var pid = new Pid(new PidGains(Kp: 60, Ki: 2), "test");

        var tracked = pid.Track(appliedOutput: 420, setpoint: 43, measurement: 41, Permille, feedForward: 150);
        var (same, afterSame) = pid.Step(tracked, 43, 41, Duration.Zero, Permille, feedForward: 150);
        var (next, afterNext) = pid.Step(afterSame, 43, 41, Tenth, Permille, feedForward: 150);

        Assert.Equal(420, same.Output, 9);
        Assert.Equal(420 + 2 * 2 * 0.1, next.Output, 9);
        Assert.Equal(420 - 150 - 60 * 2 + 2 * 2 * 0.1, afterNext.Integral, 9);
    }

    [Fact]
    [Verifies("SRS-CT-003")]
    public void Reset_forgets_the_integrator_and_the_previous_measurement()
    {
        var pid = new Pid(new PidGains(Kp: 1, Ki: 1, Kd: 5), "test");
        var range = new OutputRange(-100, 100);
        var used = pid.Step(PidState.Initial, 10, 0, Duration.FromSeconds(1), range).State;
        used = pid.Step(used, 10, 2, Duration.FromSeconds(1), range).State;
        Assert.NotEqual(0, used.Integral);

        var reset = Pid.Reset();

        Assert.False(reset.IsPrimed);
        Assert.Equal(0, reset.Integral);
        var (first, _) = pid.Step(reset, 10, 7, Duration.FromSeconds(1), range);
        Assert.Equal(0, first.Derivative);
        Assert.Equal(3 + 3, first.Output, 9);
    }

    [Fact]
    [Verifies("SRS-CT-018")]
    public void Bad_numbers_are_refused_naming_the_loop_and_the_value()
    {
        var pid = new Pid(new PidGains(1, 1), "inflow");

        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => pid.Step(PidState.Initial, double.NaN, 40, Tenth, Permille));
        Assert.Contains("inflow loop: setpoint must be a finite number; it was NaN", nan.Message);
        var backwards = Assert.Throws<ArgumentOutOfRangeException>(() => pid.Step(PidState.Initial, 40, 40, Duration.FromSeconds(-1), Permille));
        Assert.Contains("inflow loop: time step must be finite and ≥ 0 s", backwards.Message);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => pid.Step(PidState.Initial, 40, 40, Tenth, new OutputRange(10, 0)));
        Assert.Contains("inflow loop: output range [10, 0] must be finite with Min ≤ Max", range.Message);
        var gain = Assert.Throws<ArgumentOutOfRangeException>(() => new Pid(new PidGains(Kp: -1, Ki: 0), "flow"));
        Assert.Contains("flow loop: Kp must be a finite number ≥ 0", gain.Message);
    }
}
