namespace HipecSafe.Core.Phases;

/// <summary>Requirement IDs (requirements/phases.yaml) that the phase machine's transitions carry.</summary>
public static class PhaseRequirements
{
    public const string SelfTestPass = "SRS-PH-001";
    public const string SelfTestFail = "SRS-PH-002";
    public const string StartPriming = "SRS-PH-003";
    public const string PrimingToHeating = "SRS-PH-004";
    public const string HeatingToReady = "SRS-PH-005";
    public const string LeakCheckConfirmation = "SRS-PH-006";
    public const string DrugAddition = "SRS-PH-007";
    public const string ChemoTimeKept = "SRS-PH-008";
    public const string EndChemoEarly = "SRS-PH-009";
    public const string WashoutToDraining = "SRS-PH-010";
    public const string DrainingToComplete = "SRS-PH-011";
    public const string Pause = "SRS-PH-012";
    public const string Resume = "SRS-PH-013";
    public const string FaultToSafeState = "SRS-PH-014";
    public const string SafeStateReset = "SRS-PH-015";
    public const string EmergencyStop = "SRS-PH-016";
    public const string EmergencyStopRelease = "SRS-PH-017";
    public const string WrongPhaseRefusal = "SRS-PH-018";
    public const string MachineExceptionIsFault = "SRS-PH-019";
    public const string FaultWhileLatched = "SRS-PH-020";
    public const string WashoutExchange = "SRS-PH-023";
    public const string SelfTestPassedIntoInterrupted = "SRS-RS-003";
    public const string ResumeInterrupted = "SRS-RS-004";
    public const string EndInterruptedChemoEarly = "SRS-RS-005";
}
