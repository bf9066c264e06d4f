namespace HipecSafe.Core.Operations;

/// <summary>What an operator can ask of the device.</summary>
public enum OperatorAction
{
    StartPriming,
    ConfirmLeakCheck,
    AddDrug,
    EndChemoEarly,
    /// <summary>In Washout: the drug-laden perfusate has been exchanged for saline and the circuit refilled.</summary>
    ConfirmWashoutExchange,
    Pause,
    Resume,
    Reset,
    EmergencyStop,
    ReleaseEmergencyStop,
    AcknowledgeAlarms,
    PauseAudio,
    /// <summary>After a controller restart: continue the interrupted procedure where it stopped.</summary>
    ResumeInterrupted,
}
