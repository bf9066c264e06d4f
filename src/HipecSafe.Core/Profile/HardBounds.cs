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
    /// <summary>
    /// Highest inflow alarm limit: the independent limiter opens at 46.0 °C by its own sensor, which may read up to 1.0 K
    /// high before IL-LIMITER-SELF-TEST fails it, so it can open at 45.0 °C true; a software trip above 45.0 °C could come
    /// after the limiter and leave a limiter trip unexplained (hazard analysis §2.3).
    /// </summary>
    public const double InflowAlarmMaxC = 45.0;
    /// <summary>Highest abdominal alarm limit any profile may set (perforation risk above 43 °C).</summary>
    public const double AbdominalAlarmMaxC = 43.5;
    public const double CoreWarningMaxC = 39.5;
    public const double CoreAlarmMaxC = 40.0;
    public const double InflowDisagreementMaxC = 0.5;
    public const double InflowDisagreementMaxSeconds = 5;
    /// <summary>
    /// Line pressure alarm no looser than the default 300 mmHg / 500 ms: a pump against a closed line passes 300 mmHg in
    /// ≈ 0.5 s at 2 L/min (hil/PLANT.md §2.2), and no tubing or connector rating in the ICD supports more (§2.3).
    /// </summary>
    public const double LinePressureMaxMmHg = 300;
    public const double LinePressureMaxSeconds = 0.5;
    public const double ReservoirCriticalMinMl = 200;
    public const double ReservoirLowMinMl = 400;
    /// <summary>At most 300 mL of cytotoxic perfusate may leave the circuit unnoticed, as in the default (§2.3).</summary>
    public const double ReservoirDropMaxMl = 300;
    /// <summary>
    /// 20 % for 30 s (alarm only) is kept: the flow's harm (uneven heat and drug) builds over minutes, control's heat is
    /// bounded by the inflow set-point whatever the flow, and IL-FLOW-PUMP-MISMATCH (15 %) and IL-FLOW-METER-HIGH (25 %)
    /// judge the meter against the pump with fixed limits a profile cannot loosen (§2.3).
    /// </summary>
    public const double FlowDeviationMaxPercent = 20;
    public const double FlowDeviationMaxSeconds = 30;
    /// <summary>
    /// 500 ms is kept: it equals the board watchdog's own limit; in 500 ms at full heater power the heat exchanger warms by
    /// ≈ 0.13 K, so a trip judged on a sample that old is late by at most that (§2.3).
    /// </summary>
    public const double SampleStaleMaxMs = 500;
    public const int BusFailuresMax = 5;
}
