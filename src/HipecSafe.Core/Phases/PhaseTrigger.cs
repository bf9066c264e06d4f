namespace HipecSafe.Core.Phases;

/// <summary>Everything that can ask the phase machine to move: operator commands and controller events.</summary>
public enum PhaseTrigger
{
    // Controller events
    SelfTestPassed,
    SelfTestFailed,
    PrimingComplete,
    TargetTemperatureReached,
    ChemoTimeElapsed,
    WashoutComplete,
    DrainComplete,
    Fault,

    // Operator commands
    StartPriming,
    ConfirmLeakCheck,
    AddDrug,
    EndChemoEarly,
    ConfirmWashoutExchange,
    Pause,
    Resume,
    OperatorReset,
    EmergencyStopPressed,
    EmergencyStopReleased,
}
