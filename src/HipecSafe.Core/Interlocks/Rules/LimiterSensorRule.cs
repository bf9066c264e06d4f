using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// The independent limiter's own sensor (limiter_temp, at the heater outlet) against the inflow probes, which sit
/// downstream of it on the same fluid. A limiter sensor reading low trips the 46 °C limiter late (at 46 °C plus its
/// error): the second thermal channel is lost without a sign (FMEA FM-K06). Either check switches the heater off, high,
/// latched: the heater must not run with only the software left to stop it. The hotter believable inflow reading is
/// used, as everywhere (SRS-IL-034). Unknown when the feedback, the held command or every inflow reading is missing.
/// </summary>
public sealed class LimiterSensorRule : InterlockRule
{
    /// <summary>
    /// How far the limiter may read from the inflow before it is implausible: the inflow probes' accuracy (±0.1 °C,
    /// clinical figure), the limiter sensor's (the ICD states none; ±0.15 °C assumed, as the rig's: offset ≤ 0.05,
    /// noise ≤ 0.08, quantisation) and the gradients and lags between outlet and inflow probe (at rest at self-test:
    /// ≤ 0.03 °C; while heating the limiter read ≥ 0.02 °C above the inflow in nominal runs, seeds 1–3, and ≥ 0.29 °C
    /// below it only transiently after a heater element opened), with margin. A limiter reading more than this low
    /// would trip at 47 °C or later.
    /// </summary>
    public static readonly TemperatureDelta Tolerance = TemperatureDelta.FromKelvins(1.0);

    private static readonly SensorChannel[] InflowProbes = [SensorChannel.InflowA, SensorChannel.InflowB];
    private static readonly IReadOnlySet<Phase> SelfTestOnly = new HashSet<Phase> { Phase.PowerOnSelfTest };

    private readonly bool _atSelfTest;

    private LimiterSensorRule(string id, string title, string requirementId, bool atSelfTest, Duration persistence, IReadOnlySet<Phase> phases, string condition)
        : base(id, title, Hazards.HeaterRunaway, requirementId, AlarmPriority.High, InterlockResponse.HeaterOff, ClearCondition.OperatorReset,
            persistence, phases, condition)
    {
        _atSelfTest = atSelfTest;
    }

    /// <summary>
    /// IL-LIMITER-SELF-TEST: at the power-on self-test, with the heater and the pump held off, nothing downstream of the
    /// heater outlet adds heat, so the limiter must not read more than <see cref="Tolerance"/> below the inflow: one
    /// reading low trips late. Above the inflow is not judged: after a stop (a restart mid-procedure) the heater block
    /// holds heat the fluid has already lost, and a limiter reading high trips early, on the safe side. An active trip
    /// fails the self-test (SRS-PH-001).
    /// </summary>
    public static LimiterSensorRule AtSelfTest() => new(
        "IL-LIMITER-SELF-TEST", "Limiter sensor disagrees with the inflow at self-test", "SRS-IL-057", atSelfTest: true,
        InterlockTimings.LimiterSelfTestPersistence, SelfTestOnly,
        $"limiter_temp < inflow (higher of A/B) − {Tolerance} with the heater and the pump held off");

    /// <summary>
    /// IL-LIMITER-SENSOR-LOW: while the heater heats (held on with power, relay contact closed, driver output > 0) and the
    /// pump runs, nothing between the heater outlet and the inflow probes adds heat — the line only loses it — so the
    /// limiter must not read more than <see cref="Tolerance"/> below the inflow.
    /// </summary>
    public static LimiterSensorRule InRun() => new(
        "IL-LIMITER-SENSOR-LOW", "Limiter sensor reads below the inflow", "SRS-IL-058", atSelfTest: false,
        InterlockTimings.LimiterInRunPersistence, InterlockPhases.All,
        $"limiter_temp < inflow (higher of A/B) − {Tolerance} while heating with the pump running");

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.BoardAndHeld(context, out var reason) is not var (feedback, held))
        {
            return RuleCheck.Unknown(reason);
        }

        var judged = _atSelfTest
            ? !held.HeaterEnabled && held.HeaterPowerPermille == 0 && !(held.PumpSpeedRpm > 0)
            : held.HeaterEnabled && held.HeaterPowerPermille > 0 && held.PumpSpeedRpm > 0
              && feedback.Has(BoardStatus.HeaterRelayClosed) && feedback.HeaterPowerActualPermille > 0;
        if (!judged)
        {
            return RuleCheck.Clear();
        }

        if (RuleReadings.Hottest(context, InflowProbes) is not { } inflow)
        {
            return RuleCheck.Unknown(RuleReadings.NoneUsable(context, InflowProbes));
        }

        var limiter = feedback.LimiterTemperature.DegreesCelsius;
        var difference = Math.Round(limiter - inflow.Value, 2);
        return RuleCheck.Compare(difference < -Tolerance.Kelvins,
            new DeferredMeasurement("limiter_temp − inflow", difference, "°C", "<", -Tolerance.Kelvins, context, static c => DescribeDetail(c)));
    }

    /// <summary>The readings the check compared, from the same context: formatted only when the engine shows them.</summary>
    private static string? DescribeDetail(InterlockContext context) =>
        context.Input.Actuators is { } feedback && RuleReadings.Hottest(context, InflowProbes) is { } inflow
            ? string.Create(CultureInfo.InvariantCulture,
                $"limiter_temp {feedback.LimiterTemperature.DegreesCelsius:0.00} °C, {ChannelValue.Name(inflow.Channel)} {inflow.Value:0.00} °C")
            : null;
}
