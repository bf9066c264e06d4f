using HipecSafe.Core.Phases;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// One point of a scenario's time series, taken after every controller cycle (10 Hz), for plots: physical truth
/// (temperatures, flow, line pressure, heater power delivered) beside what the controller commanded.
/// </summary>
public readonly record struct ScenarioSample(
    double TimeSeconds,
    Phase Phase,
    double AbdomenMaxC,
    double InflowC,
    double CoreC,
    double FlowLPerMin,
    double LinePressureMmHg,
    int HeaterCommandPermille,
    double HeaterDeliveredW,
    double PumpCommandRpm,
    bool Safe);
