namespace HipecSafe.Core.HazardLog;

/// <summary>A log line that is not a well-formed record; the message names the field and what is wrong.</summary>
internal sealed class HazardLogFormatException : Exception
{
    public HazardLogFormatException() { }

    public HazardLogFormatException(string message) : base(message) { }

    public HazardLogFormatException(string message, Exception innerException) : base(message, innerException) { }
}
