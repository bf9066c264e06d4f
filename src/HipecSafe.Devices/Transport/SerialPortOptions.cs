using System.Globalization;
using System.IO.Ports;

namespace HipecSafe.Devices.Transport;

/// <summary>Line settings of a real serial port (docs/icd.md defaults: 115200 baud, 8 data bits, even parity, 1 stop bit).</summary>
public sealed record SerialPortOptions(string PortName)
{
    public const int DefaultBaudRate = 115200;

    public int BaudRate { get; init; } = DefaultBaudRate;

    public Parity Parity { get; init; } = Parity.Even;

    /// <summary>Modbus RTU carries 8-bit bytes; anything else is refused.</summary>
    public int DataBits { get; init; } = 8;

    public StopBits StopBits { get; init; } = StopBits.One;

    /// <summary>Longest a write may block (a stuck line or flow control) before it fails.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>"/dev/ttyUSB0 115200 8E1".</summary>
    public override string ToString()
    {
        var parity = Parity switch
        {
            Parity.None => "N",
            Parity.Even => "E",
            Parity.Odd => "O",
            Parity.Mark => "M",
            Parity.Space => "S",
            _ => "?",
        };
        var stop = StopBits switch
        {
            StopBits.One => "1",
            StopBits.OnePointFive => "1.5",
            StopBits.Two => "2",
            _ => "0",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{PortName} {BaudRate} {DataBits}{parity}{stop}");
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(PortName))
        {
            throw new ArgumentException("serial port name is empty", nameof(PortName));
        }

        if (BaudRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BaudRate), BaudRate, $"baud rate of '{PortName}' must be positive");
        }

        if (DataBits != 8)
        {
            throw new ArgumentOutOfRangeException(nameof(DataBits), DataBits, $"Modbus RTU on '{PortName}' needs 8 data bits");
        }

        if (StopBits == StopBits.None)
        {
            throw new ArgumentOutOfRangeException(nameof(StopBits), StopBits, $"'{PortName}' needs at least one stop bit");
        }

        if (WriteTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(WriteTimeout), WriteTimeout, "write timeout must be positive");
        }
    }
}
