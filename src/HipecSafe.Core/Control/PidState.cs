namespace HipecSafe.Core.Control;

/// <summary>What a <see cref="Pid"/> keeps from one step to the next; <see cref="Initial"/> before the first.</summary>
/// <param name="Integral">Integrator I.</param>
/// <param name="LastMeasurement">y of the last step, for the derivative (meaningless until primed).</param>
/// <param name="FilteredRate">ẏ_f, the filtered rate of change of the measurement.</param>
/// <param name="IsPrimed">False until the first step or track: the first step then takes no derivative.</param>
/// <param name="LastOutput">Output of the last step or track (0 before the first).</param>
public readonly record struct PidState(
    double Integral,
    double LastMeasurement,
    double FilteredRate,
    bool IsPrimed,
    double LastOutput)
{
    /// <summary>A fresh or reset loop: integrator 0, no previous measurement.</summary>
    public static PidState Initial => default;
}
