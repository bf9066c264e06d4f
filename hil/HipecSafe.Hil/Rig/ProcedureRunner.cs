using HipecSafe.Core.Phases;

namespace HipecSafe.Hil.Rig;

/// <summary>Runs a rig with the auto operator until the procedure completes, latches safe, or the time limit.</summary>
public static class ProcedureRunner
{
    /// <param name="onCycle">Called after every cycle (recording, live view, fault injection).</param>
    /// <param name="stopAtSafeState">End the run once the device latches SafeState (nothing more will happen without an operator reset).</param>
    public static RigCycle Run(SimulationRig rig, TimeSpan limit, Action<RigCycle>? onCycle = null, bool stopAtSafeState = false)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var op = new AutoOperator(rig.Options.Profile);
        RigCycle? last = null;
        while (rig.Now < limit)
        {
            last = rig.Step();
            onCycle?.Invoke(last);
            if (last.Report is { Phase: Phase.Complete } || (stopAtSafeState && last.Report is { InSafeState: true }))
            {
                break;
            }

            op.Act(rig);
        }

        return last ?? throw new ArgumentOutOfRangeException(nameof(limit), limit, "the time limit allows no cycle");
    }
}
