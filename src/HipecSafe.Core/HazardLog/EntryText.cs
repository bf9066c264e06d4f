namespace HipecSafe.Core.HazardLog;

/// <summary>Argument checks shared by the entry types, so a bad entry fails where it is built, naming the field.</summary>
internal static class EntryText
{
    public static string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be empty.", field);
        }

        return value;
    }

    public static T Defined<T>(T value, string field)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(field, value, $"{field} is not a defined {typeof(T).Name}.");
        }

        return value;
    }
}
