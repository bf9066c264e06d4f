namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// What one step of a random script does to the boards (<see cref="ScriptedBoard"/>). Readings set by a kick persist
/// until a later kick changes them or <see cref="Nominal"/> restores them; read failures last one cycle.
/// </summary>
internal enum BoardKick
{
    None,
    Nominal,
    Inflow,
    Abdomen,
    Core,
    Pressure,
    Air,
    FaultBit,
    Reservoir,
    Flow,
    StatusBit,
    Limiter,
    FreezeCounter,
    SensorReadFails,
    FeedbackReadFails,
    HeldReadFails,
    BusFailures,
    NoReadout,
}

/// <summary>One step of a board script: how long after the previous cycle, and what changes.</summary>
internal sealed record BoardStep(int DtMilliseconds, BoardKick Kick, double Value, int Index);
