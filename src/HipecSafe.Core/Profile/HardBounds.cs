namespace HipecSafe.Core.Profile;

/// <summary>
/// Limits that no treatment profile may exceed, whatever a clinician writes in a file. They come from the clinical
/// figures (perforation risk above 43 °C abdominal, core ≥ 39.5 °C linked to complications, abdominal fluid above
/// 40.0 °C before the drug is added) and from the device (board limiter at 46 °C, flow range of the pump set).
/// </summary>
public static class HardBounds
{
    public const double AbdominalTargetMinC = 41.0;
    public const double AbdominalTargetMaxC = 43.0;
    public const double InflowSetpointMinC = 37.0;
    /// <summary>Highest inflow set-point any profile may ask for (SRS-PR-003).</summary>
    public const double InflowSetpointMaxC = 44.5;
    public const double FlowMinLPerMin = 0.5;
    public const double FlowMaxLPerMin = 3.0;
    public const double ChemoMinMinutes = 30;
    public const double ChemoMaxMinutes = 120;
    public const double WashoutMinMinutes = 1;
    public const double WashoutMaxMinutes = 60;
    public const double DrainingMinMinutes = 1;
    public const double DrainingMaxMinutes = 30;
    public const double PrimingMinSeconds = 10;
    public const double PrimingMaxSeconds = 600;
    /// <summary>The drug may never be added below this abdominal temperature (clinical source: must exceed 40.0 °C).</summary>
    public const double DrugAdditionMinC = 40.0;
    public const double TubingMinMlPerRev = 5;
    public const double TubingMaxMlPerRev = 100;

    /// <summary>
    /// Leak-check tolerance (SRS-PR-005): at least 20 mL, twice the noise bound the rig assumes for the level reading
    /// (hil/PLANT.md §7; docs/icd.md states only its 1 mL resolution), so a sealed circuit passes; at most 100 mL, a
    /// third of the default IL-RESERVOIR-DROP limit, so the check is the more sensitive of the two.
    /// </summary>
    public const double LeakCheckWithinMinMl = 20;
    public const double LeakCheckWithinMaxMl = 100;

    /// <summary>
    /// Leak-check time (SRS-PR-005): at least 30 s, so even at the widest tolerance a 200 mL/min leak shows; at most
    /// 10 min, since the abdomen waits at temperature for the drug meanwhile.
    /// </summary>
    public const double LeakCheckForMinSeconds = 30;
    public const double LeakCheckForMaxSeconds = 600;

    // Alarm limits: a profile may tighten these but never loosen them.
    public const double InflowAlarmMaxC = 45.5;
    /// <summary>Highest abdominal alarm limit any profile may set (perforation risk above 43 °C).</summary>
    public const double AbdominalAlarmMaxC = 43.5;
    public const double CoreWarningMaxC = 39.5;
    public const double CoreAlarmMaxC = 40.0;
    public const double InflowDisagreementMaxC = 0.5;
    public const double InflowDisagreementMaxSeconds = 5;
    public const double LinePressureMaxMmHg = 350;
    public const double LinePressureMaxSeconds = 1.0;
    public const double ReservoirCriticalMinMl = 200;
    public const double ReservoirLowMinMl = 400;
    public const double ReservoirDropMaxMl = 500;
    public const double FlowDeviationMaxPercent = 20;
    public const double FlowDeviationMaxSeconds = 30;
    public const double SampleStaleMaxMs = 500;
    public const int BusFailuresMax = 5;
}
