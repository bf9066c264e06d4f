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
                break;
            case AlarmEntry alarm:
                json.WriteString("alarmId", alarm.AlarmId);
                json.WriteString("alarmPriority", alarm.AlarmPriority.ToString());
                json.WriteString("hazardId", alarm.HazardId);
                WriteValue(json, "measured", alarm.Measured);
                WriteValue(json, "limit", alarm.Limit);
                json.WriteString("pauseState", alarm.PauseState.ToString());
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
                break;
            case SafeStateEntry safeState:
                json.WriteString("reason", safeState.Reason);
                break;
            case NoteEntry note:
                json.WriteString("text", note.Text);
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
                    f.Enum<Phase>("from"), f.Enum<Phase>("to"), f.String("trigger"), f.String("requirementId")),
                HazardLogKind.AlarmRaised => ReadAlarm(AlarmChange.Raised, f),
                HazardLogKind.AlarmAcknowledged => ReadAlarm(AlarmChange.Acknowledged, f),
                HazardLogKind.AlarmCleared => ReadAlarm(AlarmChange.Cleared, f),
                HazardLogKind.AlarmAudioPaused => ReadAlarm(AlarmChange.AudioPaused, f),
                HazardLogKind.OperatorCommand => new OperatorCommandEntry(
                    f.String("command"), f.Bool("accepted"), f.NullableString("refusalReason")),
                HazardLogKind.Fault => new FaultEntry(f.String("source"), f.String("description")),
                HazardLogKind.InterlockTripped => ReadInterlock(InterlockChange.Tripped, f),
                HazardLogKind.InterlockCleared => ReadInterlock(InterlockChange.Cleared, f),
                HazardLogKind.SafeStateEntered => new SafeStateEntry(SafeStateChange.Entered, f.String("reason")),
                HazardLogKind.SafeStateLeft => new SafeStateEntry(SafeStateChange.Left, f.String("reason")),
                HazardLogKind.Note => new NoteEntry(f.String("text")),
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

    private static AlarmEntry ReadAlarm(AlarmChange change, JsonFieldReader f) => new(
        change,
        f.String("alarmId"),
        f.Enum<AlarmPriority>("alarmPriority"),
        f.String("hazardId"),
        f.Value("measured"),
        f.Value("limit"),
        f.Enum<LoggedPauseState>("pauseState"));

    private static InterlockEntry ReadInterlock(InterlockChange change, JsonFieldReader f) =>
        new(change, f.String("ruleId"), f.String("hazardId"), f.String("response"));

    private static void WriteValue(Utf8JsonWriter json, string name, LoggedValue? value)
    {
        if (value is { } present)
        {
            json.WriteString(name, present.ToString());
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
