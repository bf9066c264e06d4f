using HipecSafe.Core.Control;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// The standard, ordered rule list (see README.md next to this file). Order is report order: loss of control and the
/// actuator board's feedback first, then temperatures and their probes, then the fluid circuit. Responses combine by
/// union, so order never weakens one.
/// </summary>
public static class InterlockRuleSet
{
    public static IReadOnlyList<InterlockRule> Standard(AlarmLimits limits) => Standard(limits, ControlPlantModel.Default.HeaterMaxPower);

    /// <param name="limits">The profile's alarm limits.</param>
    /// <param name="heaterMaxPower">The heater's power at 1000 ‰ (IL-HEATUP-STALLED's energy balance).</param>
    public static IReadOnlyList<InterlockRule> Standard(AlarmLimits limits, Power heaterMaxPower)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return
        [
            new BusFailureRule(limits, BusBoard.Sensor),
            new BusFailureRule(limits, BusBoard.Actuator),
            new HeartbeatEchoRule(),
            new SampleStaleRule(limits),
            BoardStatusRule.WatchdogLatch(),
            BoardStatusRule.LimiterTripped(),
            new HeaterRunawayRule(),
            new HeaterPowerMismatchRule(),
            new HeaterPowerLowRule(),
            new HeaterRelayOpenRule(),
            LimiterSensorRule.AtSelfTest(),
            LimiterSensorRule.InRun(),
            BoardStatusRule.PumpMotorFault(),
            new PumpNotRunningRule(),
            ClampPositionRule.NotOpen(),
            ClampPositionRule.NotClosed(),
            OverTemperatureRule.InflowHigh(limits),
            OverTemperatureRule.AbdomenHigh(limits),
            OverTemperatureRule.AbdomenWarning(limits),
            OverTemperatureRule.CoreHigh(limits),
            OverTemperatureRule.CoreWarning(limits),
            new AbdomenBelowBandRule(limits),
            new HeatUpStalledRule(heaterMaxPower),
            SensorFaultRule.InflowProbesLost(),
            SensorFaultRule.InflowProbeFault(),
            new InflowDisagreementRule(limits),
            SensorFaultRule.OutflowProbeFault(),
            SensorFaultRule.AbdomenProbesLost(),
            SensorFaultRule.AbdomenProbeFault(),
            new AbdominalSpreadRule(),
            SensorFaultRule.CoreProbeFault(),
            new CoreProbePlausibilityRule(),
            new OcclusionRule(limits),
            SensorFaultRule.PressureSensorFault(),
            new AbdominalPressureRule(),
            SensorFaultRule.AbdominalPressureSensorFault(),
            new AirRule(),
            SensorFaultRule.AirSensorFault(),
            new AirDetectorCheckRule(),
            ReservoirLevelRule.Critical(limits),
            ReservoirLevelRule.Low(limits),
            new ReservoirDropRule(limits),
            new DrainingReservoirFallRule(limits),
            SensorFaultRule.ReservoirSensorFault(),
            new FlowDeviationRule(limits),
            SensorFaultRule.FlowSensorFault(),
            PumpFlowRule.Mismatch(limits),
            PumpFlowRule.MeterHigh(limits),
        ];
    }
}
