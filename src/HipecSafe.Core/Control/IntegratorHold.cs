namespace HipecSafe.Core.Control;

/// <summary>
/// Stops a loop's integrator from moving in one direction for one step. A cascade's outer loop gets a hold when the
/// inner loop is saturated: asking the inner loop for more than it can give would only wind the outer integrator up.
/// </summary>
public enum IntegratorHold
{
    None,

    /// <summary>Do not integrate a positive error (the output cannot usefully go higher).</summary>
    Up,

    /// <summary>Do not integrate a negative error (the output cannot usefully go lower).</summary>
    Down,
}
