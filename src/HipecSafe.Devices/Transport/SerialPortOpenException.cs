namespace HipecSafe.Devices.Transport;

/// <summary>A serial port could not be opened; the message names the port, its settings and the reason.</summary>
public sealed class SerialPortOpenException : IOException
{
    public SerialPortOpenException()
    {
    }

    public SerialPortOpenException(string message)
        : base(message)
    {
    }

    public SerialPortOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
