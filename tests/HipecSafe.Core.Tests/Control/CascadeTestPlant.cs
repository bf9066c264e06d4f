using HipecSafe.Core.Actuators;
using HipecSafe.Core.Control;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Control;

/// <summary>
/// A HIPEC circuit made of first-order-plus-dead-time elements, with deliberate mismatch to what the control law
/// assumes (heater efficiency 85 %, c = 4.18 kJ/(kg·K), tubing delivering 90 % of nominal, line losses):
/// <code>
/// flow     = FOPDT(τ 1 s,   θ 0.3 s)  of rpm · mL/rev · 0.9
/// inflow   = FOPDT(τ 20 s,  θ 4 s)    of return + 0.85·P/(ṁ·c) − 0.3 K line loss
/// abdomen  = FOPDT(τ 240 s, θ 20 s)   of inflow − 1.0 K (heat taken by the patient; a test may set another drop)
/// outflow  = abdomen − 0.2 K;  return = FOPDT(τ 30 s, θ 0) of outflow (reservoir)
/// probe i  = abdomen + offset i
/// </code>
/// </summary>
internal sealed class CascadeTestPlant
{
    public const double StepSeconds = 0.1;
    private const double HeaterEfficiency = 0.85;
    private const double SpecificHeat = 4180;
    private const double DeliveryFactor = 0.9;

    private readonly FirstOrderDeadTime _flow;
    private readonly FirstOrderDeadTime _inflow;
    private readonly FirstOrderDeadTime _abdomen;
    private readonly FirstOrderDeadTime _return;
    private readonly double _heaterMaxWatts;
    private readonly double _patientDrop;

    public CascadeTestPlant(double startCelsius = 37.0, double[]? probeOffsets = null, double heaterMaxWatts = 1000,
        double abdomenTauSeconds = 240, double patientDropKelvin = 1.0)
    {
        _patientDrop = patientDropKelvin;
        _flow = new FirstOrderDeadTime(1.0, 0.3, StepSeconds, 0);
        _inflow = new FirstOrderDeadTime(20, 4, StepSeconds, startCelsius);
        _abdomen = new FirstOrderDeadTime(abdomenTauSeconds, 20, StepSeconds, startCelsius);
        _return = new FirstOrderDeadTime(30, 0, StepSeconds, startCelsius);
        ProbeOffsets = probeOffsets ?? [0.3, 0.0, -0.2, -0.1];
        _heaterMaxWatts = heaterMaxWatts;
    }

    public double[] ProbeOffsets { get; }
    public double MlPerRev { get; set; } = 40;
    public double FlowMlPerMin => _flow.Output;
    public double Inflow => _inflow.Output;
    public double Abdomen => _abdomen.Output;
    public double Outflow => _abdomen.Output - 0.2;
    public double Probe(int i) => _abdomen.Output + ProbeOffsets[i];
    public double ProbeMean => Enumerable.Range(0, ProbeOffsets.Length).Average(Probe);
    public double ProbeMax => Enumerable.Range(0, ProbeOffsets.Length).Max(Probe);

    public double ProbeMedian
    {
        get
        {
            var sorted = Enumerable.Range(0, ProbeOffsets.Length).Select(Probe).Order().ToArray();
            var n = sorted.Length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        }
    }

    public IReadOnlyList<ProbeReading> Probes(Func<int, bool>? valid = null) =>
        [.. Enumerable.Range(0, ProbeOffsets.Length).Select(i => new ProbeReading(Temperature.FromDegreesCelsius(Probe(i)), valid?.Invoke(i) ?? true))];

    /// <summary>Applies <paramref name="command"/> for one step, as the actuator board would.</summary>
    public void Step(ActuatorCommand command)
    {
        var rpm = command.ClampOpen ? command.PumpSpeedRpm : 0;
        var flow = _flow.Step(rpm * MlPerRev * DeliveryFactor);
        var watts = command.HeaterEnabled ? command.HeaterPowerPermille / 1000.0 * _heaterMaxWatts : 0;
        var massFlow = Math.Max(flow, 50) / 60_000.0;
        var rise = HeaterEfficiency * watts / (massFlow * SpecificHeat);
        var returning = _return.Step(Outflow);
        var inflow = _inflow.Step(returning + rise - 0.3);
        _abdomen.Step(inflow - _patientDrop);
    }
}
