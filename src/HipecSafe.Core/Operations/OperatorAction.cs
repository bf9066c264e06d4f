namespace HipecSafe.Core.Operations;

/// <summary>What an operator can ask of the device.</summary>
public enum OperatorAction
{
    StartPriming,
    ConfirmLeakCheck,
    AddDrug,
    EndChemoEarly,
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
