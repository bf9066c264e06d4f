using FsCheck;
using FsCheck.Fluent;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Tests.Interlocks;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Random scripts for the decision units' properties: mostly plain 100 ms cycles with, now and then, a reading pushed
/// across a limit, a channel faulted, a board bit set, a read lost, a component late or failed or crashed, and an
/// operator who mostly follows the treatment but also pauses, stops, resets and presses what does not apply.
/// </summary>
internal static class DecisionGenerators
{
    private static readonly string[] Components = ["controlloop", "alarms", "hazardlog", "interlocks"];

    private static Gen<double> Between(double low, double high) =>
        Gen.Choose((int)Math.Round(low * 100), (int)Math.Round(high * 100)).Select(c => c / 100.0);

    /// <summary>A board step that leaves the boards alone about <paramref name="calmPercent"/> % of the time.</summary>
    public static Gen<BoardStep> BoardStep(int calmPercent) =>
        from dt in Gen.Frequency((20, Gen.Constant(100)), (1, Gen.Elements(0, 50, 250, 1000)))
        from kick in Gen.Frequency(
            (calmPercent * 7 / Math.Max(1, 100 - calmPercent), Gen.Constant(BoardKick.None)),
            (3, Gen.Constant(BoardKick.Nominal)),
            (2, Gen.Elements(BoardKick.Inflow, BoardKick.Abdomen, BoardKick.Core, BoardKick.Pressure, BoardKick.Air, BoardKick.FaultBit)),
            (1, Gen.Elements(BoardKick.Reservoir, BoardKick.Flow, BoardKick.StatusBit, BoardKick.Limiter, BoardKick.FreezeCounter)),
            (1, Gen.Elements(BoardKick.SensorReadFails, BoardKick.FeedbackReadFails, BoardKick.HeldReadFails, BoardKick.BusFailures,
                BoardKick.NoReadout)))
        from value in kick switch
        {
            BoardKick.Inflow => Between(41.0, 46.0),
            BoardKick.Abdomen => Between(38.0, 44.5),
            BoardKick.Core => Between(36.5, 40.5),
            BoardKick.Pressure => Between(50, 400),
            BoardKick.Reservoir => Between(100, 1600),
            BoardKick.Flow => Between(0, 3000),
            BoardKick.Limiter => Between(40, 47),
            _ => Gen.Constant(0.0),
        }
        from index in kick switch
        {
            BoardKick.FaultBit => Gen.Choose(0, 12),
            BoardKick.BusFailures => Gen.Choose(0, 4),
            _ => Gen.Choose(0, 4),
        }
        select new BoardStep(dt, kick, value, index);

    /// <summary>The watchdog's round: all answered with weight <paramref name="calm"/>, else a component late, failed, or failed and back.</summary>
    public static Gen<HealthStatus> Health(int calm) => Gen.Frequency(
        (calm, Gen.Constant(HealthStatus.AllAnswered)),
        (2, Gen.Elements(Components).Select(c => new HealthStatus(false, ValueList.From([c]), ValueList.Empty<string>()))),
        (1, Gen.Elements(Components).Select(c => new HealthStatus(false, ValueList.From([c]), ValueList.From([c])))),
        (1, Gen.Elements(Components).Select(c => new HealthStatus(true, ValueList.Empty<string>(), ValueList.From([c])))));

    private static readonly Gen<OperatorAction> Action = Gen.Frequency(
        (12, Gen.Elements(OperatorAction.StartPriming, OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug, OperatorAction.Reset)),
        (2, Gen.Elements(OperatorAction.Pause, OperatorAction.Resume, OperatorAction.EndChemoEarly)),
        (1, Gen.Elements(Enum.GetValues<OperatorAction>())));

    /// <summary>The operator's commands of a cycle: none with weight <paramref name="calm"/>, else one, or two or three at once.</summary>
    public static Gen<OperatorAction[]> Commands(int calm) => Gen.Frequency(
        (calm, Gen.Constant(Array.Empty<OperatorAction>())),
        (4, Action.Select(a => new[] { a })),
        (1, Gen.Choose(2, 3).SelectMany(n => Action.ArrayOf(n))));

    private static readonly Gen<ComponentCrashed> Crash =
        Gen.Elements(Components).Select(c => new ComponentCrashed(c, "InvalidOperationException", "a cycle"));

    /// <summary>A cycle's technical events: none with weight <paramref name="calm"/>, else a crash or a change of the log's storage.</summary>
    public static Gen<TechnicalEvent[]> Events(int calm) => Gen.Frequency(
        (calm, Gen.Constant(Array.Empty<TechnicalEvent>())),
        (1, Crash.Select(c => new TechnicalEvent[] { c })),
        (1, Gen.Elements(true, false).Select(ok => new TechnicalEvent[] { new LogStorageChanged(ok, ok ? "writing again" : "disk full") })));

    /// <summary>Cycles for the whole core: calm boards, watchdog and operator (something every hundred cycles or so), so treatments get somewhere.</summary>
    public static Gen<CycleStep> CycleStep { get; } =
        from board in BoardStep(99)
        from health in Health(1000)
        from commands in Commands(200)
        from events in Events(2000)
        select new CycleStep(board, health, commands, events);

    /// <summary>Any command the control lane could send, plausible or not.</summary>
    public static Gen<ActuatorCommand> AnyCommand { get; } =
        from permille in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(0, ActuatorCommand.MaxHeaterPermille)))
        from rpm in Gen.Frequency(
            (4, Gen.Constant(0.0)),
            (8, Gen.Choose(1, 800).Select(r => r / 10.0)),
            (1, Gen.Elements(1.7763568394002505E-15, 0.04, 0.05, 0.09, double.NaN)))
        from clamp in Gen.Elements(true, false)
        from enabled in Gen.Frequency((3, Gen.Constant(permille > 0)), (1, Gen.Elements(true, false)))
        select new ActuatorCommand(permille, rpm, clamp, enabled);

    /// <summary>Cycles for the gate alone: restless boards (a kick every ten cycles or so) and a control lane asking anything.</summary>
    public static Gen<GateStep> GateStep { get; } =
        from board in BoardStep(90)
        from health in Health(30)
        from arrival in Gen.Frequency((15, Gen.Constant(DesiredArrival.OnTime)), (1, Gen.Elements(DesiredArrival.Missing, DesiredArrival.ForAnotherCycle)))
        from command in Gen.Frequency((3, Gen.Constant(InterlockRig.Running)), (2, AnyCommand))
        from phase in Gen.Frequency((6, Gen.Constant(Phase.ChemoPerfusion)), (4, Gen.Elements(Enum.GetValues<Phase>())))
        from reset in Gen.Frequency((15, Gen.Constant(false)), (1, Gen.Constant(true)))
        from release in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from crashes in Gen.Frequency((60, Gen.Constant(Array.Empty<ComponentCrashed>())), (1, Crash.Select(c => new[] { c })))
        select new GateStep(board, health, arrival, command, phase, reset, release, crashes);

    public static Arbitrary<CycleStep[]> CycleScript(int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(n => CycleStep.ArrayOf(n)).ToArbitrary();

    public static Arbitrary<GateStep[]> GateScript(int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(n => GateStep.ArrayOf(n)).ToArbitrary();

}
