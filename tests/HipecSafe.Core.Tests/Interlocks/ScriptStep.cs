using FsCheck;
using FsCheck.Fluent;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// One step of a random interlock script. Values are biased towards the limits (45 °C inflow, 43.5 °C abdomen, the
/// 41 °C band, 300 mmHg, 300/600 mL) and the times towards the persistence and stale limits, and a script holds
/// each situation for a while (<see cref="Scripts"/>), so that trips are raised, held, cleared, reset and refused,
/// and the below-band rule arms and disarms.
/// </summary>
/// <param name="DtMs">Time since the previous step (0 for a reset).</param>
/// <param name="Temperatures">Inflow A, inflow B, outflow, abdomen 1–4, core in °C.</param>
/// <param name="NewEntry">The phase is (re-)entered at this step, even if it is the same phase.</param>
/// <param name="HeaterCommandedOff">The previous command switched the heater off (otherwise <see cref="InterlockRig.Running"/>).</param>
/// <param name="RuleIndex">The rule a <see cref="ScriptAction.Reset"/> names; past the last rule an unknown ID.</param>
internal sealed record ScriptStep(
    ScriptAction Action,
    int DtMs,
    bool Fresh,
    bool SensorReadFails,
    bool ActuatorReadFails,
    double[] Temperatures,
    ushort FaultBits,
    double LinePressureMmHg,
    double FlowMlPerMinute,
    double ReservoirMl,
    bool Air,
    Phase Phase,
    bool NewEntry,
    int SensorBusFailures,
    int ActuatorBusFailures,
    BoardStatus Status,
    int HeaterPowerPermille,
    bool HeaterCommandedOff,
    int RuleIndex)
{
    private static Gen<double> Around(params double[] centres) =>
        from centre in Gen.Elements(centres)
        from offset in Gen.Choose(-150, 150)
        select Math.Round(centre + offset / 100.0, 2);

    private static Gen<double> Celsius(params double[] centres) =>
        Gen.Frequency((20, Around(centres)), (1, Gen.Elements(-5.0, 61.0, 80.0, double.NaN)));

    private static readonly Gen<int> Dt = Gen.Frequency(
        (10, Gen.Constant(100)),
        (4, Gen.Choose(0, 400)),
        (2, Gen.Elements(0, 200, 300, 301, 500, 2_000, 10_000)),
        (2, Gen.Elements(61_000, 600_000)));

    private static readonly Gen<Phase> Phases = Gen.Frequency(
        (6, Gen.Constant(Phase.ChemoPerfusion)),
        (3, Gen.Elements(Enum.GetValues<Phase>())));

    private static readonly Gen<ScriptStep> Evaluation =
        from dt in Dt
        from fresh in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from sensorFails in Gen.Frequency((15, Gen.Constant(false)), (1, Gen.Constant(true)))
        from actuatorFails in Gen.Frequency((15, Gen.Constant(false)), (1, Gen.Constant(true)))
        from inflow in Gen.ArrayOf(Celsius(43.0, 44.8), 2)
        from outflow in Celsius(41.5)
        from abdomen in Gen.ArrayOf(Celsius(40.5, 41.0, 42.0, 43.4), 4)
        from core in Celsius(37.5, 39.5, 40.0)
        from bits in Gen.Frequency((8, Gen.Constant((ushort)0)), (1, Gen.Choose(0, 0x1FFF).Select(b => (ushort)b)))
        from pressure in Gen.Frequency((6, Around(150)), (2, Around(300)), (1, Gen.Constant(2000.0)))
        from flow in Gen.Frequency((6, Around(2000)), (2, Around(1700, 2300)), (1, Gen.Choose(0, 4000).Select(f => (double)f)))
        from reservoir in Gen.Frequency((6, Around(1500)), (1, Around(300, 600, 1200)))
        from air in Gen.Frequency((20, Gen.Constant(false)), (1, Gen.Constant(true)))
        from phase in Phases
        from newEntry in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
        from sensorBus in Gen.Frequency((12, Gen.Constant(0)), (1, Gen.Choose(0, 4)))
        from actuatorBus in Gen.Frequency((12, Gen.Constant(0)), (1, Gen.Choose(0, 4)))
        from status in Gen.Frequency(
            (10, Gen.Constant(BoardStatus.HeaterRelayClosed | BoardStatus.PumpRunning | BoardStatus.ClampOpen)),
            (1, Gen.Choose(0, 0x3F).Select(b => (BoardStatus)b)))
        from heater in Gen.Frequency((10, Gen.Constant(500)), (1, Gen.Choose(0, 1000)))
        from heaterOff in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new ScriptStep(ScriptAction.Evaluate, dt, fresh, sensorFails, actuatorFails,
            [inflow[0], inflow[1], outflow, abdomen[0], abdomen[1], abdomen[2], abdomen[3], core], bits, pressure, flow,
            reservoir, air, phase, newEntry, sensorBus, actuatorBus, status, heater, heaterOff, 0);

    /// <summary>One situation held for 1–40 cycles (entering the phase once), or an operator reset of one rule (sometimes unknown) or of all.</summary>
    private static readonly Gen<ScriptStep[]> Segments = Gen.Frequency(
        (8, from step in Evaluation
            from cycles in Gen.Frequency((3, Gen.Choose(1, 3)), (2, Gen.Choose(4, 40)))
            select (ScriptStep[])[step, .. Enumerable.Repeat(step with { NewEntry = false }, cycles - 1)]),
        (1, from step in Evaluation
            from rule in Gen.Choose(0, 31)
            select (ScriptStep[])[step with { Action = ScriptAction.Reset, RuleIndex = rule }]),
        (1, Evaluation.Select(step => (ScriptStep[])[step with { Action = ScriptAction.ResetAll }])));

    /// <summary>An evaluation, then 0–7 more segments.</summary>
    public static readonly Gen<ScriptStep[]> Scripts =
        from first in Evaluation
        from count in Gen.Choose(0, 7)
        from segments in Gen.ArrayOf(Segments, count)
        select (ScriptStep[])[first, .. segments.SelectMany(s => s)];
}
