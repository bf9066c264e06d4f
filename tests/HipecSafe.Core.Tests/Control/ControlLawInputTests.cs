using HipecSafe.Core.Actuators;
using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Control;

public class ControlLawInputTests
{
    private static Duration T(double s) => Duration.FromSeconds(s);

    private static ControlInputs Inputs(Phase phase = Phase.Heating, double inflow = 40, double? outflow = 39,
        double? flowLPerMin = 2.0, TreatmentProfile? profile = null, IReadOnlyList<ProbeReading>? probes = null) =>
        new(phase, profile ?? TreatmentProfile.Default, Temperature.FromDegreesCelsius(inflow),
            outflow is { } o ? Temperature.FromDegreesCelsius(o) : null,
            probes ?? [ProbeReading.Ok(39.5), ProbeReading.Ok(39.4), ProbeReading.Ok(39.3), ProbeReading.Ok(39.6)],
            flowLPerMin is { } f ? VolumetricFlow.FromLitersPerMinute(f) : null);

    [Fact]
    [Verifies("SRS-CT-015")]
    public void The_heater_is_held_off_below_the_minimum_flow_for_heating()
    {
        var law = new ControlLawRun();
        law.Step(T(0), Inputs(flowLPerMin: 2.0));
        var warm = law.Step(T(30), Inputs(flowLPerMin: 2.0) with { AppliedCommand = null });
        Assert.True(warm.Command.HeaterPowerPermille > 0);

        var low = law.Step(T(30.1), Inputs(flowLPerMin: 0.2));

        Assert.Equal(0, low.Command.HeaterPowerPermille);
        Assert.False(low.Command.HeaterEnabled);
        Assert.True(low.Command.PumpSpeedRpm > 0);
        Assert.Equal("flow 0.200 L/min below 0.300 L/min: no heating without circulation", low.Diagnostics.HeaterHeldReason);
        Assert.Null(low.Diagnostics.InflowSetpoint);
    }

    [Fact]
    [Verifies("SRS-CT-015")]
    public void When_flow_returns_the_heater_engages_again_from_zero()
    {
        var law = new ControlLawRun();
        law.Step(T(0), Inputs(flowLPerMin: 0.1));

        var back = law.Step(T(0.1), Inputs(flowLPerMin: 2.0));

        Assert.Null(back.Diagnostics.HeaterHeldReason);
        Assert.InRange(back.Command.HeaterPowerPermille, 0, 2);
    }

    [Fact]
    [Verifies("SRS-CT-018")]
    public void Non_finite_measurements_are_refused_naming_the_input()
    {
        var law = new ControlLawRun();

        var inflow = Assert.Throws<ArgumentOutOfRangeException>(() => law.Step(T(0), Inputs(inflow: double.NaN)));
        Assert.Contains("control input SaferInflow must be a finite number of °C; it was NaN", inflow.Message);
        var outflow = Assert.Throws<ArgumentOutOfRangeException>(() => law.Step(T(0), Inputs(outflow: double.PositiveInfinity)));
        Assert.Contains("control input Outflow must be a finite number of °C", outflow.Message);
        var flow = Assert.Throws<ArgumentOutOfRangeException>(() => law.Step(T(0), Inputs(flowLPerMin: double.NaN)));
        Assert.Contains("control input MeasuredFlow", flow.Message);
        var probe = Assert.Throws<ArgumentOutOfRangeException>(() => law.Step(T(0),
            Inputs(probes: [ProbeReading.Ok(40), ProbeReading.Ok(double.NaN), ProbeReading.Invalid(double.NaN)])));
        Assert.Contains("abdominal probe 2 is marked valid but reads NaN °C", probe.Message);
        var many = Assert.Throws<ArgumentOutOfRangeException>(() => law.Step(T(0), Inputs(probes: [.. Enumerable.Repeat(ProbeReading.Ok(40), 17)])));
        Assert.Contains("17 abdominal probes given; at most 16 are supported", many.Message);
    }

    [Fact]
    [Verifies("SRS-CT-018")]
    public void An_invalid_probe_may_read_anything()
    {
        var law = new ControlLawRun();

        var output = law.Step(T(0), Inputs(probes: [ProbeReading.Invalid(double.NaN), ProbeReading.Ok(41)]));

        Assert.Equal(1, output.Diagnostics.Abdominal.ValidCount);
    }

    [Fact]
    [Verifies("SRS-CT-018")]
    public void A_profile_whose_inflow_minimum_is_above_the_usable_maximum_is_refused()
    {
        var law = new ControlLawRun();
        var broken = TreatmentProfile.Default with
        {
            InflowSetpointMin = Temperature.FromDegreesCelsius(44.8),
            InflowSetpointMax = Temperature.FromDegreesCelsius(46),
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => law.Step(T(0), Inputs(profile: broken)));

        Assert.Contains("profile 'default': InflowSetpointMin 44.80 °C is above the usable maximum 44.50 °C", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => law.Step(T(0), Inputs(profile: TreatmentProfile.Default with { TubingMillilitersPerRevolution = 0 })));
    }

    [Fact]
    [Verifies("SRS-CT-018")]
    public void Gains_and_plant_parameters_out_of_range_are_refused_naming_the_setting()
    {
        var trim = Assert.Throws<ArgumentOutOfRangeException>(() => new ControlLaw(ControlGains.Default with { FlowTrimFraction = 0.9 }));
        Assert.Contains("control setting FlowTrimFraction must be within [0, 0.5]; it was 0.9", trim.Message);
        var gain = Assert.Throws<ArgumentOutOfRangeException>(() => new ControlLaw(ControlGains.Default with { Inflow = new PidGains(double.NaN, 1) }));
        Assert.Contains("inflow loop: Kp must be a finite number ≥ 0", gain.Message);
        var heater = Assert.Throws<ArgumentOutOfRangeException>(() => new ControlLaw(plant: ControlPlantModel.Default with { HeaterMaxPower = Power.Zero }));
        Assert.Contains("plant parameter HeaterMaxPower must be a finite number > 0 W; it was 0", heater.Message);
    }

    [Fact]
    [Verifies("SRS-CT-018")]
    public void Time_going_backwards_is_refused_and_a_long_gap_is_integrated_as_one_second_at_most()
    {
        var law = new ControlLawRun();
        law.Step(T(100), Inputs());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => law.Step(T(99), Inputs()));
        Assert.Contains("control time went backwards: 99 s after 100 s", error.Message);

        var gap = law.Step(T(130), Inputs());
        Assert.True(gap.Diagnostics.TimeStepCapped);
        Assert.Equal(ControlLaw.MaxTimeStep, gap.Diagnostics.TimeStep);
        var normal = law.Step(T(130.1), Inputs());
        Assert.False(normal.Diagnostics.TimeStepCapped);
        Assert.Equal(0.1, normal.Diagnostics.TimeStep.Seconds, 9);
    }

    [Fact]
    [Verifies("SRS-CT-014")]
    public void The_initial_state_asks_for_the_safe_command_and_engages_afresh()
    {
        var law = new ControlLawRun();
        law.Step(T(0), Inputs());
        law.Step(T(20), Inputs());

        law.Restart();

        Assert.Equal(ActuatorCommand.Safe, law.State.LastDesired);
        var first = law.Step(T(5), Inputs());
        Assert.InRange(first.Command.HeaterPowerPermille, 0, 2);
        Assert.InRange(first.Command.PumpSpeedRpm, 0, 1);
    }
}
