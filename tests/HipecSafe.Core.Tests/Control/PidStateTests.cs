using HipecSafe.Core.Control;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Control;

/// <summary>
/// The PID's pure API: the state goes in and comes out, and nothing else carries over. Expected values are worked
/// out by hand from the equations in <see cref="Pid"/>'s comment.
/// </summary>
public class PidStateTests
{
    private static readonly OutputRange Wide = new(-1000, 1000);

    private static void AssertState(PidState expected, PidState actual)
    {
        Assert.Equal(expected.Integral, actual.Integral, 9);
        Assert.Equal(expected.LastMeasurement, actual.LastMeasurement, 9);
        Assert.Equal(expected.FilteredRate, actual.FilteredRate, 9);
        Assert.Equal(expected.IsPrimed, actual.IsPrimed);
        Assert.Equal(expected.LastOutput, actual.LastOutput, 9);
    }

    [Fact]
    [Verifies("SRS-CT-001")]
    public void A_step_gives_the_output_and_the_next_state_of_the_PID_equations()
    {
        var pid = new Pid(new PidGains(Kp: 2, Ki: 0.5, Kd: 1, DerivativeFilterSeconds: 0.4), "test");
        var before = new PidState(Integral: 10, LastMeasurement: 40, FilteredRate: 1, IsPrimed: true, LastOutput: 7);

        var (terms, after) = pid.Step(before, setpoint: 42, measurement: 41, Duration.FromSeconds(0.1), Wide, feedForward: 5);

        // ẏ = (41 − 40)/0.1 = 10; ẏ_f = 1 + 0.1/(0.4 + 0.1)·(10 − 1) = 2.8
        // e = 1: P = 2·1 = 2, I = 10 + 0.5·1·0.1 = 10.05, D = −1·2.8; u = 5 + 2 + 10.05 − 2.8 = 14.25
        Assert.Equal(2, terms.Proportional, 9);
        Assert.Equal(10.05, terms.Integral, 9);
        Assert.Equal(-2.8, terms.Derivative, 9);
        Assert.Equal(14.25, terms.Output, 9);
        AssertState(new PidState(10.05, 41, 2.8, true, 14.25), after);
    }

    [Fact]
    [Verifies("SRS-CT-001")]
    public void A_step_depends_only_on_its_arguments()
    {
        var pid = new Pid(new PidGains(Kp: 2, Ki: 0.5, Kd: 1, DerivativeFilterSeconds: 0.4), "test");
        var a = new PidState(Integral: 10, LastMeasurement: 40, FilteredRate: 1, IsPrimed: true, LastOutput: 7);
        var b = new PidState(Integral: -300, LastMeasurement: 20, FilteredRate: -4, IsPrimed: true, LastOutput: -50);

        var first = pid.Step(a, 42, 41, Duration.FromSeconds(0.1), Wide, feedForward: 5);
        pid.Step(b, 42, 41, Duration.FromSeconds(0.1), Wide, feedForward: 5);
        var again = pid.Step(a, 42, 41, Duration.FromSeconds(0.1), Wide, feedForward: 5);

        Assert.Equal(first, again);
    }

    [Fact]
    [Verifies("SRS-CT-003")]
    public void Track_gives_the_state_whose_output_is_the_applied_output()
    {
        var pid = new Pid(new PidGains(Kp: 60, Ki: 2, Kd: 3), "test");
        var permille = new OutputRange(0, 1000);

        var tracked = pid.Track(appliedOutput: 420, setpoint: 43, measurement: 41, permille, feedForward: 150);
        var clamped = pid.Track(appliedOutput: 1200, setpoint: 43, measurement: 41, permille, feedForward: 150);

        // I = u − FF − Kp·e = 420 − 150 − 60·2 = 150, rate 0.
        Assert.Equal(new PidState(Integral: 150, LastMeasurement: 41, FilteredRate: 0, IsPrimed: true, LastOutput: 420), tracked);
        // The applied output is clamped to the range first: I = 1000 − 150 − 120 = 730.
        Assert.Equal(new PidState(Integral: 730, LastMeasurement: 41, FilteredRate: 0, IsPrimed: true, LastOutput: 1000), clamped);
        // 0.1 s later at the same y: D = 0, I = 150 + 2·2·0.1 = 150.4, u = 150 + 120 + 150.4 = 420.4.
        var next = pid.Step(tracked, 43, 41, Duration.FromSeconds(0.1), permille, feedForward: 150);
        Assert.Equal(420.4, next.Terms.Output, 9);
    }

    [Fact]
    [Verifies("SRS-CT-003")]
    public void Reset_is_the_initial_state_and_the_step_after_it_takes_no_derivative()
    {
        var pid = new Pid(new PidGains(Kp: 1, Ki: 1, Kd: 5), "test");
        var range = new OutputRange(-100, 100);
        var used = pid.Step(PidState.Initial, 10, 0, Duration.FromSeconds(1), range).State;
        used = pid.Step(used, 10, 2, Duration.FromSeconds(1), range).State;
        Assert.True(used.IsPrimed);

        var reset = Pid.Reset();
        var (first, after) = pid.Step(reset, 10, 7, Duration.FromSeconds(1), range);

        Assert.Equal(new PidState(Integral: 0, LastMeasurement: 0, FilteredRate: 0, IsPrimed: false, LastOutput: 0), reset);
        Assert.Equal(PidState.Initial, reset);
        // Unprimed: no previous y, so D = 0. e = 3: P = 3, I = 0 + 1·3·1 = 3, u = 6.
        Assert.Equal(0, first.Derivative);
        Assert.Equal(6, first.Output, 9);
        AssertState(new PidState(3, 7, 0, true, 6), after);
    }
}
