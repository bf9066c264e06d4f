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
    /// <summary>The self-test passed in a run restarted in the middle of a procedure: into the Interrupted hold, not Standby.</summary>
    SelfTestPassedProcedureInterrupted,

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
    /// <summary>The operator confirms that an interrupted procedure continues where it stopped.</summary>
    ResumeInterrupted,
}
