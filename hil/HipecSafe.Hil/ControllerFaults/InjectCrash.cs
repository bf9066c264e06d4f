namespace HipecSafe.Hil.ControllerFaults;

/// <summary>Fault injection (armed rigs only): the component's actor crashes (it is killed and its supervisor restarts it).</summary>
public sealed record InjectCrash(string Reason);
