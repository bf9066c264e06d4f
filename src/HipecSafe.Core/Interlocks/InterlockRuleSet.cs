using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Profile;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// The standard, ordered rule list (see README.md next to this file). Order is report order: loss of control
/// first, then temperatures, then the fluid circuit. Responses combine by union, so order never weakens one.
/// </summary>
public static class InterlockRuleSet
{
    public static IReadOnlyList<InterlockRule> Standard(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return
        [
            new BusFailureRule(limits, BusBoard.Sensor),
            new BusFailureRule(limits, BusBoard.Actuator),
            new SampleStaleRule(limits),
            BoardStatusRule.WatchdogLatch(),
            BoardStatusRule.LimiterTripped(),
            new HeaterRunawayRule(),
            new HeaterPowerMismatchRule(),
            BoardStatusRule.PumpMotorFault(),
            OverTemperatureRule.InflowHigh(limits),
            OverTemperatureRule.AbdomenHigh(limits),
            OverTemperatureRule.CoreHigh(limits),
            OverTemperatureRule.CoreWarning(limits),
            new AbdomenBelowBandRule(limits),
            SensorFaultRule.InflowProbesLost(),
            SensorFaultRule.InflowProbeFault(),
            new InflowDisagreementRule(limits),
            SensorFaultRule.AbdomenProbesLost(),
            SensorFaultRule.AbdomenProbeFault(),
            SensorFaultRule.CoreProbeFault(),
            new OcclusionRule(limits),
            SensorFaultRule.PressureSensorFault(),
            new AirRule(),
            SensorFaultRule.AirSensorFault(),
            ReservoirLevelRule.Critical(limits),
            ReservoirLevelRule.Low(limits),
            new ReservoirDropRule(limits),
            SensorFaultRule.ReservoirSensorFault(),
            new FlowDeviationRule(limits),
            SensorFaultRule.FlowSensorFault(),
        ];
    }
}
