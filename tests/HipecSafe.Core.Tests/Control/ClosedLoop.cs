using HipecSafe.Core.Actuators;
using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Control;

/// <summary>One recorded cycle of a closed-loop run.</summary>
internal sealed record Sample(double Time, Phase Phase, ActuatorCommand Command, ControlDiagnostics Diagnostics,
    double Inflow, double Outflow, double AbdominalMean, double AbdominalMedian, double AbdominalMax, double Flow);

/// <summary>Runs the control law against the test plant in lockstep at 10 Hz and records every cycle.</summary>
internal sealed class ClosedLoop(CascadeTestPlant plant, TreatmentProfile? profile = null, ControlLaw? law = null)
{
    public CascadeTestPlant Plant { get; } = plant;
    public TreatmentProfile Profile { get; set; } = profile ?? TreatmentProfile.Default;
    public List<Sample> Samples { get; } = [];
    private readonly ControlLawRun _law = new(law);
    private long _steps;

    public double Time => _steps * CascadeTestPlant.StepSeconds;

    /// <summary>Optional interlock stand-in: turns the desired command into the applied one.</summary>
    public Func<ActuatorCommand, ActuatorCommand>? Constrain { get; set; }

    public Func<int, bool>? ProbeValid { get; set; }
    public bool FlowMeterValid { get; set; } = true;

    /// <summary>Optional flow meter fault: maps the true flow (mL/min) to what the meter reports.</summary>
    public Func<double, double>? FlowReading { get; set; }
    public bool OutflowValid { get; set; } = true;

    private ActuatorCommand _applied = ActuatorCommand.Safe;

    public ClosedLoop Run(Phase phase, double seconds)
    {
        var steps = (int)Math.Round(seconds / CascadeTestPlant.StepSeconds);
        for (var i = 0; i < steps; i++)
        {
            var inputs = new ControlInputs(
                phase,
                Profile,
                Temperature.FromDegreesCelsius(Plant.Inflow),
                OutflowValid ? Temperature.FromDegreesCelsius(Plant.Outflow) : null,
                Plant.Probes(ProbeValid),
                FlowMeterValid ? VolumetricFlow.FromMillilitersPerMinute(FlowReading?.Invoke(Plant.FlowMlPerMin) ?? Plant.FlowMlPerMin) : null,
                _applied);
            var output = _law.Step(Duration.FromSeconds(Time), inputs);
            _applied = Constrain?.Invoke(output.Command) ?? output.Command;
            Samples.Add(new Sample(Time, phase, output.Command, output.Diagnostics, Plant.Inflow, Plant.Outflow, Plant.ProbeMean, Plant.ProbeMedian,
                Plant.ProbeMax, Plant.FlowMlPerMin));
            Plant.Step(_applied);
            _steps++;
        }

        return this;
    }

    public IEnumerable<Sample> Between(double from, double to) => Samples.Where(s => s.Time >= from && s.Time < to);
}
