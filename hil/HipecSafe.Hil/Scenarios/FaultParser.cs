using HipecSafe.Controller;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Yaml;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Plant.Sensors;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// Reads one entry of <c>faults:</c> — <c>at</c>, <c>target</c>, <c>kind</c>, <c>for</c>, <c>params</c> — and checks the
/// target, the kind allowed for it and every parameter the kind needs (docs/scenario-format.md, hil/PLANT.md §8).
/// </summary>
internal static class FaultParser
{
    private const string FaultKeys = "a fault has at, target, kind, for, params";

    private static readonly string[] SensorKinds = ["stuck", "offset", "drift", "noise", "spike", "dropout", "frozen_board"];
    private static readonly string[] HeaterKinds = ["stuck_on", "failed_off"];
    private static readonly string[] PumpKinds = ["degraded", "stopped", "motor_fault"];
    private static readonly string[] PlantKinds = ["occlusion", "leak", "air"];
    private static readonly string[] StatusKinds = ["stuck", "bit_stuck"];
    private static readonly string[] RegisterKinds = ["stuck", "offset", "dropout"];
    private static readonly string[] BusKinds = ["crc_errors", "delay", "loss", "garbage"];
    private static readonly string[] ControllerKinds = ["crash", "stall"];

    /// <summary>The most characters per second the 115200-baud line can carry (11 bits each).</summary>
    private static readonly double LineBytesPerSecond = 1.0 / SerialLineTiming.Default.CharacterTime.TotalSeconds;

    /// <summary>ICD register names (docs/icd.md, sensor board input registers 0..14).</summary>
    public static IReadOnlyList<string> SensorRegisterNames { get; } =
        [.. Enumerable.Range(0, SensorBoardRegisters.Count).Select(r => SensorBoardRegisters.NameOf((ushort)r))];

    public static string TargetHint =>
        $"targets are sensor/<register> ({string.Join(", ", SensorRegisterNames)}), actuator/heater, actuator/pump, plant, bus, "
        + $"actuator/<register> ({string.Join(", ", ActuatorRegisterNames.Keys)}), controller/<actor> ({string.Join(", ", ComponentNames.All)})";

    /// <summary>Actuator-board input registers by their ICD name (docs/icd.md §6.2), with the unit and range of an offset.</summary>
    public static IReadOnlyDictionary<string, (ActuatorFeedbackRegister Register, string Unit, double MaxDelta)> ActuatorRegisterNames { get; } =
        new Dictionary<string, (ActuatorFeedbackRegister, string, double)>(StringComparer.Ordinal)
        {
            ["board_status"] = (ActuatorFeedbackRegister.BoardStatus, "", 0),
            ["heater_power_actual"] = (ActuatorFeedbackRegister.HeaterPowerActual, "‰", 1000),
            ["pump_speed_actual"] = (ActuatorFeedbackRegister.PumpSpeedActual, "rpm", 6553.5),
            ["limiter_temp"] = (ActuatorFeedbackRegister.LimiterTemp, "°C", 300),
            ["heartbeat_echo"] = (ActuatorFeedbackRegister.HeartbeatEcho, "", 65535),
        };

    public static FaultSpec? Parse(YamlNode node, int index, Duration scenarioDuration, List<ScenarioError> errors)
    {
        var path = $"faults[{index}]";
        if (FieldSet.Of(node, path, errors) is not { } f)
        {
            return null;
        }

        var at = ParseTrigger(f, scenarioDuration, errors);
        var target = f.Text("target", required: true);
        var kind = f.Text("kind", required: true);
        var forDuration = f.Time("for", required: false, Duration.FromMilliseconds(50), Duration.FromHours(24));
        var paramsNode = f.Take("params", required: false);
        FieldSet? parameters = paramsNode is null
            ? FieldSet.Of(new YamlMapping([], f.LineOf("kind")), f.PathOf("params"), errors)
            : FieldSet.Of(paramsNode, f.PathOf("params"), errors);
        f.RejectUnknown(FaultKeys);
        if (target is null || kind is null || parameters is null)
        {
            return null;
        }

        var errorsBefore = errors.Count;
        var action = ParseAction(f, target, kind, parameters, forDuration);
        if (action is null || at is null || errors.Count > errorsBefore)
        {
            return null;
        }

        return new FaultSpec(index, at, target, kind, ParamsText(paramsNode), forDuration, action);
    }

    internal static FaultTrigger? ParseTrigger(FieldSet f, Duration scenarioDuration, List<ScenarioError> errors)
    {
        var line = f.LineOf("at");
        switch (f.Take("at", required: true))
        {
            case null:
                return null;
            case YamlScalar scalar:
                var time = FieldSet.ParseTime(scalar.Value, Duration.Zero, Duration.FromHours(24), m => f.Error("at", line, m));
                if (time is { } t && t >= scenarioDuration)
                {
                    f.Error("at", line, $"{DurationText.Format(t)} is not before the end of the run (duration {DurationText.Format(scenarioDuration)}): the fault would never fire");
                    return null;
                }

                return time is { } ok ? new AtTime(ok) : null;
            case YamlMapping mapping:
                var p = FieldSet.Of(mapping, f.PathOf("at"), errors)!;
                var phaseLine = p.LineOf("phase");
                var phaseName = p.Text("phase", required: true);
                var after = p.Time("after", required: true, Duration.Zero, Duration.FromHours(24));
                p.RejectUnknown("at: is a duration from the start, or { phase, after }");
                Phase? phase = null;
                if (phaseName is not null)
                {
                    if (PhaseNamed(phaseName) is { } parsed)
                    {
                        phase = parsed;
                    }
                    else
                    {
                        p.Error("phase", phaseLine, $"'{phaseName}' is not a phase; phases are {string.Join(", ", Enum.GetNames<Phase>())}");
                    }
                }

                return phase is { } ph && after is { } a ? new AfterPhaseEntry(ph, a) : null;
            case var other:
                f.Error("at", other.Line, $"expected a duration from the start (e.g. 35m) or {{ phase, after }}, found {other.Describe()}");
                return null;
        }
    }

    /// <summary>The phase of that exact (case-sensitive) name, or null.</summary>
    internal static Phase? PhaseNamed(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && !name.StartsWith('-') && Enum.TryParse<Phase>(name, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;

    private static FaultAction? ParseAction(FieldSet f, string target, string kind, FieldSet p, Duration? forDuration)
    {
        var targetLine = f.LineOf("target");
        var kindLine = f.LineOf("kind");
        string[] kinds;
        Func<FaultAction?> build;
        if (target.StartsWith("sensor/", StringComparison.Ordinal))
        {
            var name = target["sensor/".Length..];
            var register = SensorRegisterNames.ToList().IndexOf(name);
            if (register < 0)
            {
                f.Error("target", targetLine, $"'{name}' is not a sensor-board register; registers (docs/icd.md) are {string.Join(", ", SensorRegisterNames)}");
                return null;
            }

            if (register < SensorBoardRegisters.FirstChannelRegister && kind != "frozen_board" && SensorKinds.Contains(kind))
            {
                f.Error("kind", kindLine, $"{name} is not a measured channel: the only fault it takes is frozen_board");
                return null;
            }

            kinds = SensorKinds;
            build = () => Sensor(f, p, kind, (ushort)register, forDuration);
        }
        else
        {
            (kinds, build) = target switch
            {
                "actuator/heater" => (HeaterKinds, () => Heater(p, kind)),
                "actuator/pump" => (PumpKinds, () => Pump(p, kind)),
                "plant" => (PlantKinds, () => PlantFault(p, kind)),
                "bus" => (BusKinds, () => Bus(p, kind)),
                _ when target.StartsWith("actuator/", StringComparison.Ordinal) && ActuatorRegisterNames.TryGetValue(target["actuator/".Length..], out var r) =>
                    (r.Register == ActuatorFeedbackRegister.BoardStatus ? StatusKinds : RegisterKinds, () => ActuatorRegister(p, kind, r)),
                _ when target.StartsWith("controller/", StringComparison.Ordinal) => (ControllerKinds, () => Controller(f, p, kind, target["controller/".Length..])),
                _ => (Array.Empty<string>(), new Func<FaultAction?>(() => null)),
            };
            if (kinds.Length == 0)
            {
                f.Error("target", targetLine, $"'{target}' is not a fault target; {TargetHint}");
                return null;
            }
        }

        if (!kinds.Contains(kind))
        {
            f.Error("kind", kindLine, $"'{kind}' is not a fault kind of {target}; its kinds are {string.Join(", ", kinds)}");
            return null;
        }

        if (forDuration is not null && kind is "crash" or "stall" or "air")
        {
            f.Error("for", f.LineOf("for"), kind switch
            {
                "crash" => "a crash is instantaneous (the actor throws once); `for` does not apply",
                "stall" => "a stall lasts params.ms; `for` does not apply",
                _ => "an air slug clears itself after params.duration; `for` does not apply",
            });
            return null;
        }

        var action = build();
        p.RejectUnknown($"{kind} takes {ParamsHint(kind)}");
        return action;
    }

    private static FaultAction? Sensor(FieldSet f, FieldSet p, string kind, ushort register, Duration? forDuration)
    {
        if (kind == "frozen_board")
        {
            return new SensorBoardFreeze();
        }

        var channel = (SensorChannel)(register - SensorBoardRegisters.FirstChannelRegister);
        var temperature = register <= SensorBoardRegisters.CoreTemperature;
        var unit = UnitOf(channel);
        SensorFault? fault = kind switch
        {
            "stuck" => new SensorStuck(),
            "dropout" => new SensorDropout(),
            "offset" => p.Number("delta", required: true, -1e4, 1e4, unit) is { } delta ? new SensorOffset(delta) : null,
            "noise" => Positive(p, "sigma", 1e4, unit) is { } sigma ? new SensorNoise(sigma) : null,
            "spike" => p.Number("value", required: true, -1e5, 1e5, unit) is { } value
                ? new SensorSpike(value, forDuration is { } d ? Math.Max(1, (int)Math.Round(d.Seconds / SensorBoardModel.SamplePeriod.Seconds)) : 1)
                : null,
            "drift" => Drift(f, p, temperature, unit),
            _ => null,
        };
        return fault is null ? null : new SensorChannelFault(channel, fault);
    }

    private static SensorDrift? Drift(FieldSet f, FieldSet p, bool temperature, string unit)
    {
        var hasC = p.Has("rate_c_per_min");
        var hasAny = p.Has("rate_per_min");
        // Both are drift's own keys whatever goes wrong below: never report them as unknown too.
        p.Take("rate_c_per_min", required: false);
        p.Take("rate_per_min", required: false);
        if (hasC && hasAny)
        {
            p.Error("rate_per_min", p.LineOf("rate_per_min"), "give either rate_c_per_min or rate_per_min, not both");
            return null;
        }

        if (hasC && !temperature)
        {
            p.Error("rate_c_per_min", p.LineOf("rate_c_per_min"), $"rate_c_per_min is for temperature registers; this channel is in {unit}: use rate_per_min");
            return null;
        }

        if (!hasC && !hasAny)
        {
            f.Error("params", p.Line, temperature
                ? "drift needs params.rate_c_per_min (°C per minute) or params.rate_per_min"
                : $"drift needs params.rate_per_min ({unit} per minute)");
            return null;
        }

        var rate = hasC
            ? p.Number("rate_c_per_min", required: true, -100, 100, "°C/min")
            : p.Number("rate_per_min", required: true, -1e5, 1e5, $"{unit}/min");
        return rate is { } r ? new SensorDrift(r) : null;
    }

    private static PlantFaultAction? Heater(FieldSet p, string kind)
    {
        if (kind == "failed_off")
        {
            return new PlantFaultAction(new HeaterFailedOff());
        }

        var power = p.Integer("power_permille", required: true, 0, 1000, "‰");
        var welded = p.Flag("relay_welded", required: false) ?? false;
        return power is { } w ? new PlantFaultAction(new HeaterStuckOn((int)w, welded)) : null;
    }

    private static PlantFaultAction? Pump(FieldSet p, string kind) => kind switch
    {
        "stopped" => new PlantFaultAction(new PumpStopped()),
        "motor_fault" => new PlantFaultAction(new PumpMotorFault()),
        _ => p.Number("factor", required: true, 0, 1, "") is { } factor ? new PlantFaultAction(new PumpDegraded(factor)) : null,
    };

    private static PlantFaultAction? PlantFault(FieldSet p, string kind) => kind switch
    {
        "occlusion" => p.Number("resistance_factor", required: true, 1, 1e6, "") is { } factor ? new PlantFaultAction(new LineOcclusion(factor)) : null,
        "leak" => Positive(p, "ml_per_min", 10_000, "mL/min") is { } rate
            ? new PlantFaultAction(new FluidLeak(VolumetricFlow.FromMillilitersPerMinute(rate)))
            : null,
        _ => p.Time("duration", required: true, Duration.FromMilliseconds(50), Duration.FromHours(24)) is { } d ? new PlantFaultAction(new AirSlug(d)) : null,
    };

    private static ActuatorRegisterFaultAction? ActuatorRegister(FieldSet p, string kind, (ActuatorFeedbackRegister Register, string Unit, double MaxDelta) r)
    {
        ActuatorRegisterFault? fault = kind switch
        {
            "stuck" => new ActuatorRegisterStuck(r.Register),
            "dropout" => new ActuatorRegisterDropout(r.Register),
            "bit_stuck" => StatusBit(p),
            // Counts and ‰ are whole numbers on the wire; rpm and °C have their register's resolution.
            _ when r.Register is ActuatorFeedbackRegister.HeaterPowerActual or ActuatorFeedbackRegister.HeartbeatEcho =>
                p.Integer("delta", required: true, -(long)r.MaxDelta, (long)r.MaxDelta, r.Unit) is { } d ? new ActuatorRegisterOffset(r.Register, d) : null,
            _ => p.Number("delta", required: true, -r.MaxDelta, r.MaxDelta, r.Unit) is { } d ? new ActuatorRegisterOffset(r.Register, d) : null,
        };
        return fault is null ? null : new ActuatorRegisterFaultAction(fault);
    }

    private static StatusBitStuck? StatusBit(FieldSet p)
    {
        var bit = p.Integer("bit", required: true, 0, 5, "");
        var valueLine = p.LineOf("value");
        var value = p.Text("value", required: true) switch
        {
            null => (bool?)null,
            "0" => false,
            "1" => true,
            var other => Invalid(p, "value", valueLine, $"'{other}' is not 0 or 1 (the level the bit reads)"),
        };
        return bit is { } b && value is { } v ? new StatusBitStuck((int)b, v) : null;
    }

    private static bool? Invalid(FieldSet p, string key, int line, string message)
    {
        p.Error(key, line, message);
        return null;
    }

    private static BusFaultAction? Bus(FieldSet p, string kind) => kind switch
    {
        "loss" => new BusFaultAction(new BusLoss()),
        "crc_errors" => Positive(p, "rate", 1, "") is { } rate ? new BusFaultAction(new BusCrcErrors(rate)) : null,
        "delay" => Positive(p, "ms", 60_000, "ms") is { } ms ? new BusFaultAction(new BusDelay(TimeSpan.FromMilliseconds(ms))) : null,
        _ => Positive(p, "bytes_per_s", Math.Floor(LineBytesPerSecond), "B/s (what a 115200-baud line can carry)") is { } rate
            ? new BusFaultAction(new BusGarbage(rate))
            : null,
    };

    private static FaultAction? Controller(FieldSet f, FieldSet p, string kind, string component)
    {
        if (!ComponentNames.All.Contains(component))
        {
            f.Error("target", f.LineOf("target"), $"'{component}' is not a controller actor; actors are {string.Join(", ", ComponentNames.All)}");
            return null;
        }

        return kind == "crash"
            ? new ControllerCrash(component)
            : Positive(p, "ms", 3_600_000, "ms") is { } ms ? new ControllerStall(component, TimeSpan.FromMilliseconds(ms)) : null;
    }

    /// <summary>A number greater than 0 and at most <paramref name="max"/>.</summary>
    private static double? Positive(FieldSet p, string key, double max, string unit)
    {
        var line = p.LineOf(key);
        var value = p.Number(key, required: true, 0, max, unit);
        if (value is 0)
        {
            p.Error(key, line, "must be greater than 0");
            return null;
        }

        return value;
    }

    private static string UnitOf(SensorChannel channel) => channel switch
    {
        SensorChannel.InflowPressure or SensorChannel.AbdominalPressure => "mmHg",
        SensorChannel.Flow => "mL/min",
        SensorChannel.ReservoirVolume => "mL",
        SensorChannel.AirDetected => "(0/1)",
        _ => "°C",
    };

    private static string ParamsHint(string kind) => kind switch
    {
        "offset" => "delta",
        "bit_stuck" => "bit (0-5) and value (0 or 1)",
        "drift" => "rate_c_per_min or rate_per_min",
        "noise" => "sigma",
        "spike" => "value",
        "stuck_on" => "power_permille and optionally relay_welded",
        "degraded" => "factor",
        "occlusion" => "resistance_factor",
        "leak" => "ml_per_min",
        "air" => "duration",
        "crc_errors" => "rate",
        "delay" or "stall" => "ms",
        "garbage" => "bytes_per_s",
        _ => "no params",
    };

    /// <summary>The params as written, e.g. <c>{delta: 2.0}</c>, for reports.</summary>
    private static string ParamsText(YamlNode? node) => node is YamlMapping { Entries.Count: > 0 } m
        ? "{" + string.Join(", ", m.Entries.Select(e => $"{e.Key}: {(e.Value as YamlScalar)?.Value}")) + "}"
        : "";
}
