namespace HipecSafe.Core.Safety;

/// <summary>
/// The hazard register (ISO 14971 hazard analysis in safety/hazard-analysis.md). Code refers to hazards through
/// these constants so that a renamed or removed hazard breaks the build, not the trace.
/// </summary>
public static class Hazards
{
    public const string AbdominalOverheating = "HAZ-001";
    public const string InflowOvertemperature = "HAZ-002";
    public const string CoreHyperthermia = "HAZ-003";
    public const string Occlusion = "HAZ-004";
    public const string AirInLine = "HAZ-005";
    public const string CytotoxicLeak = "HAZ-006";
    public const string ReservoirDepletion = "HAZ-007";
    public const string TemperatureSensorFault = "HAZ-008";
    public const string LossOfControl = "HAZ-009";
    public const string HeaterRunaway = "HAZ-010";
    public const string InadequateFlow = "HAZ-011";
    public const string SubtherapeuticDrugAddition = "HAZ-012";
    public const string AbdominalOverpressure = "HAZ-013";

    public static IReadOnlyList<Hazard> All { get; } =
    [
        new(AbdominalOverheating, "Abdominal fluid above 43 °C", "bowel perforation, thermal injury of serosa"),
        new(InflowOvertemperature, "Inflow fluid too hot", "local thermal injury where the inflow cannula sits"),
        new(CoreHyperthermia, "Patient core temperature ≥ 39.5 °C", "systemic complications (coagulopathy, organ dysfunction)"),
        new(Occlusion, "Inflow line occluded or kinked", "tubing rupture, cytotoxic spill, loss of perfusion"),
        new(AirInLine, "Air in the inflow line", "pump dry-run, loss of perfusion, gas insufflation of the abdomen"),
        new(CytotoxicLeak, "Perfusate leaking from the circuit or abdomen", "staff exposure to cytotoxic drug, fluid loss"),
        new(ReservoirDepletion, "Reservoir running empty", "pump dry-run, air entrainment, loss of therapy"),
        new(TemperatureSensorFault, "Temperature probe reads wrong or not at all", "control acts on a false temperature: overheating or underdosing"),
        new(LossOfControl, "Controller software or bus stops working", "heater and pump left in their last state: runaway heating"),
        new(HeaterRunaway, "Heater delivers power it was not commanded to", "overheating of perfusate and patient"),
        new(InadequateFlow, "Flow far from the prescribed rate", "uneven heat and drug distribution, local overheating at low flow"),
        new(SubtherapeuticDrugAddition, "Drug added before the abdomen reached therapeutic temperature", "ineffective therapy"),
        new(AbdominalOverpressure, "Intra-abdominal pressure too high (closed technique)",
            "abdominal compartment syndrome: reduced venous return and cardiac output, renal and respiratory impairment"),
    ];
}
