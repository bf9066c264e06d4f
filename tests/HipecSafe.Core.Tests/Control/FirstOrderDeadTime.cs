namespace HipecSafe.Core.Tests.Control;

/// <summary>
/// Test plant element: first order plus dead time, y' = (u(t − θ) − y)/τ, integrated exactly for a held input over
/// a fixed step. Not the real plant model (hil/): deliberately simple so the control tests stay about the control law.
/// </summary>
internal sealed class FirstOrderDeadTime
{
    private readonly Queue<double> _delay = new();
    private readonly int _delaySteps;
    private readonly double _decay;

    public FirstOrderDeadTime(double tauSeconds, double deadTimeSeconds, double stepSeconds, double initial)
    {
        _delaySteps = (int)Math.Round(deadTimeSeconds / stepSeconds);
        _decay = Math.Exp(-stepSeconds / tauSeconds);
        Output = initial;
        for (var i = 0; i < _delaySteps; i++)
        {
            _delay.Enqueue(initial);
        }
    }

    public double Output { get; private set; }

    /// <summary>Advances one step with input <paramref name="u"/> (the steady-state output it drives towards).</summary>
    public double Step(double u)
    {
        _delay.Enqueue(u);
        var delayed = _delay.Dequeue();
        Output = delayed + (Output - delayed) * _decay;
        return Output;
    }
}
