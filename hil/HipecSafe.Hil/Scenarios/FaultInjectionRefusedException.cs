namespace HipecSafe.Hil.Scenarios;

/// <summary>Fault injection was asked of a rig that is not armed for it (<see cref="Rig.RigOptions.FaultInjectionArmed"/>).</summary>
public sealed class FaultInjectionRefusedException : InvalidOperationException
{
    public FaultInjectionRefusedException() : this("fault injection refused: the rig is not armed") { }

    public FaultInjectionRefusedException(string message) : base(message) { }

    public FaultInjectionRefusedException(string message, Exception innerException) : base(message, innerException) { }
}
