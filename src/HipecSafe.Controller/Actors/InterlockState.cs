using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Decisions;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// The interlock actor's state, kept outside the actor: a restart must forget neither a latched trip nor the cycle it
/// was deciding. Besides the gate's state it holds the cycle under way (its readout and round) and the crashes
/// reported since the gate last decided.
/// </summary>
internal sealed class InterlockState(SafetyGate gate)
{
    public SafetyGate Gate { get; } = gate;

    public GateState State { get; set; } = gate.Initial;

    public CycleTick? Tick { get; set; }

    public HealthStatus Health { get; set; } = HealthStatus.AllAnswered;

    public BoardReadout? Readout { get; set; }

    /// <summary>The latest cycle decided; a cycle is decided once.</summary>
    public long Decided { get; set; } = -1;

    public List<ComponentCrashed> Crashes { get; } = [];

    /// <summary>The last command handed to the bus, written again held safe if the bus crashes writing it.</summary>
    public WriteCommand? LastWrite { get; set; }

    /// <summary>The control lane's latest report, shown when a cycle is decided without it.</summary>
    public ProcedureReport LastReport { get; set; } = ProcedureReport.PowerOn;

    /// <summary>The cycle <see cref="LastReport"/> came from.</summary>
    public long LastReportCycle { get; set; } = -1;
}
