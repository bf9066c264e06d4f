using System.Text.Json;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The <c>fields</c> object of each record kind: written and read in one fixed property order, so the canonical bytes
/// of a record never depend on how it was built.
/// </summary>
internal static class HazardLogEntryCodec
{
    public static void Write(Utf8JsonWriter json, HazardLogEntry entry)
    {
        json.WriteStartObject("fields");
        switch (entry)
        {
            case LogHeaderEntry header:
                json.WriteNumber("formatVersion", header.FormatVersion);
                json.WriteString("deviceId", header.DeviceId);
                json.WriteString("profileId", header.ProfileId);
                json.WriteString("logId", header.LogId);
                break;
            case PhaseTransitionEntry transition:
                json.WriteString("from", transition.From.ToString());
                json.WriteString("to", transition.To.ToString());
                json.WriteString("trigger", transition.Trigger);
                json.WriteString("requirementId", transition.RequirementId);
                json.WriteString("detail", transition.Detail);
                break;
            case AlarmEntry alarm:
                json.WriteString("alarmId", alarm.AlarmId);
                json.WriteString("alarmPriority", alarm.AlarmPriority?.ToString());
                json.WriteString("hazardId", alarm.HazardId);
                json.WriteString("message", alarm.Message);
                json.WriteString("measuredValue", alarm.MeasuredValue);
                json.WriteString("limit", alarm.Limit);
                json.WriteBoolean("audioPaused", alarm.AudioPaused);
                json.WriteString("detail", alarm.Detail);
                break;
            case OperatorCommandEntry command:
                json.WriteString("command", command.Command);
                json.WriteBoolean("accepted", command.Accepted);
                json.WriteString("refusalReason", command.RefusalReason);
                break;
            case FaultEntry fault:
                json.WriteString("source", fault.Source);
                json.WriteString("description", fault.Description);
                break;
            case InterlockEntry interlock:
                json.WriteString("ruleId", interlock.RuleId);
                json.WriteString("hazardId", interlock.HazardId);
                json.WriteString("response", interlock.Response);
                json.WriteString("detail", interlock.Detail);
                break;
            case SafeStateEntry safeState:
                json.WriteString("reason", safeState.Reason);
                break;
            case NoteEntry note:
                json.WriteString("text", note.Text);
                break;
            case LogSealedEntry seal:
                json.WriteString("reason", seal.Reason);
                break;
            case LogNotSealedEntry notSealed:
                WriteNullableNumber(json, "headRecords", notSealed.HeadRecordCount);
                json.WriteString("headLastHash", notSealed.HeadLastHash);
                json.WriteNumber("foundRecords", notSealed.FoundRecordCount);
                json.WriteString("foundLastHash", notSealed.FoundLastHash);
                json.WriteString("detail", notSealed.Detail);
                break;
            case ProcedureCheckpointEntry checkpoint:
                json.WriteString("phase", checkpoint.Phase.ToString());
                json.WriteString("interruptedIn", checkpoint.InterruptedIn?.ToString());
                json.WriteString("resumePhase", checkpoint.ResumePhase.ToString());
                WriteTime(json, "chemoElapsed", checkpoint.ChemoElapsed);
                WriteTime(json, "chemoDuration", checkpoint.ChemoDuration);
                WriteTime(json, "washoutElapsed", checkpoint.WashoutElapsed);
                WriteTime(json, "drainingElapsed", checkpoint.DrainingElapsed);
                json.WriteString("profileId", checkpoint.ProfileId);
                var volume = checkpoint.CircuitVolume;
                WriteNullableNumber(json, "circuitBaselineMl", volume.BaselineMl);
                json.WriteBoolean("circuitBaselineDue", volume.BaselineDue);
                json.WriteBoolean("washoutExchanging", volume.Exchanging);
                WriteNullableNumber(json, "washoutExchangeLowestMl", volume.ExchangeLowestMl);
                json.WriteBoolean("washoutExchangeConfirmed", volume.ExchangeConfirmed);
                json.WriteString("chemoHoldSince", checkpoint.ChemoHold is { } hold ? Time(hold.Since) : null);
                json.WriteString("chemoHeld", checkpoint.ChemoHold is { } h ? Time(h.Held) : null);
                WriteNullableNumber(json, "chemoHoldStretches", checkpoint.ChemoHold?.Stretches);
                WriteStrings(json, "latchedCauses", checkpoint.LatchedCauses);
                WriteStrings(json, "latchedTrips", checkpoint.LatchedTrips);
                break;
            case ChemoClockEntry clock:
                WriteTime(json, "chemoElapsed", clock.ChemoElapsed);
                break;
            default:
                throw new ArgumentException($"no log format for entry type {entry.GetType().Name}", nameof(entry));
        }

        json.WriteEndObject();
    }

    public static HazardLogEntry Read(HazardLogKind kind, JsonElement fields)
    {
        var f = new JsonFieldReader(fields, $"fields of {kind}");
        HazardLogEntry entry;
        try
        {
            entry = kind switch
            {
                HazardLogKind.LogHeader => new LogHeaderEntry(
                    f.Int("formatVersion"), f.String("deviceId"), f.String("profileId"), f.String("logId")),
                HazardLogKind.PhaseTransition => new PhaseTransitionEntry(
                    f.Enum<Phase>("from"), f.Enum<Phase>("to"), f.String("trigger"), f.String("requirementId"), f.NullableString("detail")),
                HazardLogKind.OperatorCommand => new OperatorCommandEntry(
                    f.String("command"), f.Bool("accepted"), f.NullableString("refusalReason")),
                HazardLogKind.Fault => new FaultEntry(f.String("source"), f.String("description")),
                HazardLogKind.InterlockTripped => ReadInterlock(InterlockChange.Tripped, f),
                HazardLogKind.InterlockCleared => ReadInterlock(InterlockChange.Cleared, f),
                HazardLogKind.SafeStateEntered => new SafeStateEntry(SafeStateChange.Entered, f.String("reason")),
                HazardLogKind.SafeStateLeft => new SafeStateEntry(SafeStateChange.Left, f.String("reason")),
                HazardLogKind.Note => new NoteEntry(f.String("text")),
                HazardLogKind.LogSealed => new LogSealedEntry(f.String("reason")),
                HazardLogKind.LogNotSealed => new LogNotSealedEntry(
                    f.NullableLong("headRecords"), f.NullableString("headLastHash"), f.Long("foundRecords"), f.String("foundLastHash"), f.String("detail")),
                HazardLogKind.ProcedureCheckpoint => new ProcedureCheckpointEntry(
                    f.Enum<Phase>("phase"), f.NullableEnum<Phase>("interruptedIn"), f.Enum<Phase>("resumePhase"), f.TimeSpan("chemoElapsed"),
                    f.TimeSpan("chemoDuration"), f.TimeSpan("washoutElapsed"), f.TimeSpan("drainingElapsed"), f.String("profileId"),
                    new CheckpointCircuitVolume(f.NullableDouble("circuitBaselineMl"), f.Bool("circuitBaselineDue"), f.Bool("washoutExchanging"),
                        f.NullableDouble("washoutExchangeLowestMl"), f.Bool("washoutExchangeConfirmed")),
                    ChemoHoldOf(f.NullableTimeSpan("chemoHoldSince"), f.NullableTimeSpan("chemoHeld"), f.NullableLong("chemoHoldStretches")),
                    f.Strings("latchedCauses"), f.Strings("latchedTrips")),
                HazardLogKind.ChemoClock => new ChemoClockEntry(f.TimeSpan("chemoElapsed")),
                _ when AlarmEntry.TryGetChange(kind, out var change) => ReadAlarm(change, f),
                _ => throw new HazardLogFormatException($"no reader for record kind {kind}"),
            };
        }
        catch (ArgumentException invalid)
        {
            // The entry's own checks (empty id, refused without reason, ...) apply to what is read back, too.
            throw new HazardLogFormatException($"fields of {kind}: {invalid.Message}", invalid);
        }

        f.End();
        return entry;
    }

    /// <summary>A chemo hold is written whole or not at all: all three fields or none.</summary>
    private static CheckpointChemoHold? ChemoHoldOf(TimeSpan? since, TimeSpan? held, long? stretches) => (since, held, stretches) switch
    {
        (null, null, null) => null,
        ({ } s, { } h, { } n) when n is >= 1 and <= int.MaxValue => new CheckpointChemoHold(s, h, (int)n),
        _ => throw new HazardLogFormatException(
            "fields of ProcedureCheckpoint: chemoHoldSince, chemoHeld and chemoHoldStretches (≥ 1) are all set or all null"),
    };

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Time(TimeSpan value) => value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><see cref="Time"/> without the string: written every cycle of ChemoPerfusion.</summary>
    private static void WriteTime(Utf8JsonWriter json, string name, TimeSpan value)
    {
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var length, "c", System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new FormatException("a time did not fit its 32-character buffer");
        }

        json.WriteString(name, text[..length]);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static AlarmEntry ReadAlarm(AlarmEventKind change, JsonFieldReader f) => new(
        change,
        f.NullableString("alarmId"),
        f.NullableEnum<AlarmPriority>("alarmPriority"),
        f.NullableString("hazardId"),
        f.String("message"),
        f.String("measuredValue"),
        f.String("limit"),
        f.Bool("audioPaused"),
        f.String("detail"));

    private static InterlockEntry ReadInterlock(InterlockChange change, JsonFieldReader f) =>
        new(change, f.String("ruleId"), f.String("hazardId"), f.String("response"), f.NullableString("detail"));
}
