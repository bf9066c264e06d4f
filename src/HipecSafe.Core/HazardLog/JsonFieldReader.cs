using System.Globalization;
using System.Text.Json;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// Reads a JSON object's properties strictly in the canonical order, so a record with a missing, extra, renamed or
/// reordered property is rejected with the property's name rather than silently accepted.
/// </summary>
internal sealed class JsonFieldReader
{
    private readonly string _where;
    private JsonElement.ObjectEnumerator _properties;

    public JsonFieldReader(JsonElement element, string where)
    {
        _where = where;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new HazardLogFormatException($"{where} must be a JSON object, found {element.ValueKind}");
        }

        _properties = element.EnumerateObject();
    }

    public JsonElement Next(string name)
    {
        if (!_properties.MoveNext())
        {
            throw new HazardLogFormatException($"{_where}: property '{name}' is missing");
        }

        var property = _properties.Current;
        if (property.Name != name)
        {
            throw new HazardLogFormatException($"{_where}: expected property '{name}' here, found '{property.Name}'");
        }

        return property.Value;
    }

    public string String(string name)
    {
        var value = Next(name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Wrong(name, "a string", value);
    }

    public string? NullableString(string name)
    {
        var value = Next(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw Wrong(name, "a string or null", value),
        };
    }

    public long Long(string name)
    {
        var value = Next(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Wrong(name, "a whole number", value);
    }

    public long? NullableLong(string name)
    {
        var value = Next(name);
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.Null => null,
            _ => throw Wrong(name, "a whole number or null", value),
        };
    }

    public double Double(string name)
    {
        var value = Next(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Wrong(name, "a number", value);
    }

    public double? NullableDouble(string name)
    {
        var value = Next(name);
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => number,
            JsonValueKind.Null => null,
            _ => throw Wrong(name, "a number or null", value),
        };
    }

    public IReadOnlyList<string> Strings(string name)
    {
        var value = Next(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, "an array of strings", value);
        }

        var strings = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            strings.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Wrong(name, "an array of strings", value));
        }

        return strings;
    }

    public int Int(string name)
    {
        var value = Next(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Wrong(name, "a whole number", value);
    }

    public bool Bool(string name)
    {
        var value = Next(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "true or false", value),
        };
    }

    public T Enum<T>(string name)
        where T : struct, Enum => ParseEnum<T>(name, String(name));

    public T? NullableEnum<T>(string name)
        where T : struct, Enum => NullableString(name) is { } text ? ParseEnum<T>(name, text) : null;

    public TimeSpan TimeSpan(string name)
    {
        return ParseTimeSpan(name, String(name));
    }

    private TimeSpan ParseTimeSpan(string name, string text)
    {
        return System.TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new HazardLogFormatException($"{_where}: property '{name}' is '{text}', not a time span like \"01:02:03.5000000\"");
    }

    public TimeSpan? NullableTimeSpan(string name) => NullableString(name) is { } text ? ParseTimeSpan(name, text) : null;

    public DateTimeOffset Utc(string name)
    {
        var text = String(name);
        return DateTimeOffset.TryParseExact(
            text, HazardLogFormat.UtcFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new HazardLogFormatException(
                $"{_where}: property '{name}' is '{text}', not a UTC time like \"2026-01-31T12:34:56.1234567Z\"");
    }

    /// <summary>Rejects properties after the last expected one.</summary>
    public void End()
    {
        if (_properties.MoveNext())
        {
            throw new HazardLogFormatException($"{_where}: unexpected property '{_properties.Current.Name}'");
        }
    }

    private T ParseEnum<T>(string name, string text)
        where T : struct, Enum
    {
        // Enum.TryParse also takes numbers and case variants; the canonical form is the exact member name.
        if (System.Enum.TryParse<T>(text, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed) && parsed.ToString() == text)
        {
            return parsed;
        }

        throw new HazardLogFormatException(
            $"{_where}: property '{name}' is '{text}', not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }

    private HazardLogFormatException Wrong(string name, string expected, JsonElement found) =>
        new($"{_where}: property '{name}' must be {expected}, found {found.ValueKind}");
}
