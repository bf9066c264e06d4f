using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;
using HipecSafe.Hil.Bus.Modbus;
using Xunit.Abstractions;

namespace HipecSafe.Devices.Tests.Serial;

/// <summary>
/// Real serial ports (System.IO.Ports on a socat pty pair, 115200 8E1): our slave against the third-party master
/// mbpoll, and our master against our slave. Success timeouts are generous; nothing asserts on wall-clock speed.
/// </summary>
public partial class RealSerialTests(ITestOutputHelper output)
{
    private static readonly ModbusMasterOptions Patient = new() { ResponseTimeout = TimeSpan.FromSeconds(2) };

    private static SensorFrame Sample() => new(
        SampleCounter: 4711,
        ChannelFaultBits: 0b100,
        InflowA: Temperature.FromDegreesCelsius(42.37),
        InflowB: Temperature.FromDegreesCelsius(42.31),
        Outflow: Temperature.FromDegreesCelsius(40.95),
        Abdomen1: Temperature.FromDegreesCelsius(41.5),
        Abdomen2: Temperature.FromDegreesCelsius(41.62),
        Abdomen3: Temperature.FromDegreesCelsius(41.71),
        Abdomen4: Temperature.FromDegreesCelsius(-1.5),
        Core: Temperature.FromDegreesCelsius(37.8),
        InflowPressure: Pressure.FromMillimetersOfMercury(-12.3),
        Flow: VolumetricFlow.FromMillilitersPerMinute(1800),
        ReservoirVolume: Volume.FromMilliliters(2500),
        AirDetected: true,
        AbdominalPressure: Pressure.FromMillimetersOfMercury(11.4));

    // "[9]: \t65386 (-150)": mbpoll prints a register unsigned, adding the signed value when it is negative.
    [GeneratedRegex(@"^\s*\[(\d+)\]:\s+(\d+)(?:\s+\((-?\d+)\))?", RegexOptions.Multiline)]
    private static partial Regex MbpollValue();

    private (int ExitCode, string Output) RunMbpoll(params string[] args)
    {
        var start = new ProcessStartInfo(ExternalTool.Find("mbpoll")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var mbpoll = Process.Start(start)!;
        var stderr = mbpoll.StandardError.ReadToEndAsync();
        var stdout = mbpoll.StandardOutput.ReadToEnd();
        if (!mbpoll.WaitForExit(30_000))
        {
            mbpoll.Kill();
        }

        var text = stdout + stderr.Result;
        output.WriteLine($"mbpoll {string.Join(' ', args)} → exit {mbpoll.ExitCode}\n{text}");
        return (mbpoll.ExitCode, text);
    }

    [RequiresToolsFact("socat", "mbpoll")]
    public void Mbpoll_reads_the_sensor_boards_input_registers_from_our_slave()
    {
        using var pty = new SocatPtyPair();
        var bank = new InMemoryRegisterBank(0, SensorBoardRegisters.Count);
        var registers = RegisterCodec.EncodeSensorFrame(Sample());
        bank.SetInputs(0, registers);
        using var port = new SerialPortTransport(new SerialPortOptions(pty.PathB));
        var slave = new ModbusRtuSlave(BoardAddresses.DefaultSensorBoard, bank);
        using var runner = new ModbusSlaveRunner(port, slave).Start();

        // -t 3: input registers (FC 0x04); -r 1: first reference, 1-based, so register 0; -c 15: registers 0..14.
        var (exit, text) = RunMbpoll("-m", "rtu", "-a", "1", "-b", "115200", "-P", "even", "-t", "3", "-r", "1", "-c", "15", "-1", "-o", "2", pty.PathA);

        Assert.Equal(0, exit);
        var matches = MbpollValue().Matches(text);
        var values = matches.ToDictionary(
            m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1, // reference n is register n - 1
            m => ushort.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, 15), values.Keys.Order());
        Assert.All(values, v => Assert.Equal(registers[v.Key], v.Value));
        Assert.Equal(4237, values[SensorBoardRegisters.InflowTemperatureA]); // 42.37 °C
        var pressure = matches.Single(m => m.Groups[1].Value == $"{SensorBoardRegisters.InflowPressure + 1}");
        Assert.Equal("-123", pressure.Groups[3].Value); // -12.3 mmHg, as mbpoll reads it signed
        Assert.Equal(1, slave.Statistics.RequestsAnswered);
        Assert.Equal(0, slave.Statistics.CrcErrors);
    }

    [RequiresToolsFact("socat", "mbpoll")]
    public void Mbpoll_writes_an_actuator_command_and_is_refused_an_illegal_value()
    {
        using var pty = new SocatPtyPair();
        var bank = new InMemoryRegisterBank(ActuatorBoardRegisters.HoldingCount, ActuatorBoardRegisters.InputCount,
            (register, value) => RegisterCodec.CheckActuatorHoldingValue(register, value) is null);
        using var port = new SerialPortTransport(new SerialPortOptions(pty.PathB));
        var slave = new ModbusRtuSlave(BoardAddresses.DefaultActuatorBoard, bank);
        using var runner = new ModbusSlaveRunner(port, slave).Start();

        // -t 4: holding registers; several values → FC 0x10 to registers 0..4.
        var (exit, _) = RunMbpoll("-m", "rtu", "-a", "2", "-b", "115200", "-P", "even", "-t", "4", "-r", "1", "-1", "-o", "2", pty.PathA, "650", "1204", "1", "1", "77");
        Assert.Equal(0, exit);
        Assert.Equal((new ActuatorCommand(650, 120.4, true, true), (ushort)77), RegisterCodec.DecodeActuatorCommand(bank.HoldingSnapshot().AsSpan(0, 5)));

        // heater_enable = 2 is not 0/1: the board answers exception 0x03 and changes nothing.
        var (refusedExit, refusedText) = RunMbpoll("-m", "rtu", "-a", "2", "-b", "115200", "-P", "even", "-t", "4", "-r", "4", "-1", "-o", "2", pty.PathA, "2");
        Assert.NotEqual(0, refusedExit);
        Assert.Contains("Illegal data value", refusedText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, bank.GetHolding(ActuatorBoardRegisters.HeaterEnable));
        Assert.Equal(1, slave.Statistics.ExceptionRepliesSent);
    }

    [RequiresToolsFact("socat")]
    public void Our_master_and_our_slaves_talk_over_real_serial_ports()
    {
        using var pty = new SocatPtyPair();
        var sensorBank = new InMemoryRegisterBank(0, SensorBoardRegisters.Count);
        sensorBank.SetInputs(0, RegisterCodec.EncodeSensorFrame(Sample()));
        var actuatorBank = new InMemoryRegisterBank(ActuatorBoardRegisters.HoldingCount, ActuatorBoardRegisters.InputCount);
        using var slavePort = new SerialPortTransport(new SerialPortOptions(pty.PathB));
        using var runner = new ModbusSlaveRunner(slavePort,
            new ModbusRtuSlave(BoardAddresses.DefaultSensorBoard, sensorBank),
            new ModbusRtuSlave(BoardAddresses.DefaultActuatorBoard, actuatorBank)).Start();
        using var masterPort = new SerialPortTransport(new SerialPortOptions(pty.PathA));
        var master = new ModbusRtuMaster(masterPort, Patient);
        var sensors = new SensorBoardClient(master);
        var actuators = new ActuatorBoardClient(master);

        for (ushort cycle = 0; cycle < 5; cycle++)
        {
            Assert.Equal(Sample(), sensors.Read().Value);
            var write = actuators.Write(new ActuatorCommand(300 + cycle, 100, true, true), cycle);
            Assert.True(write.IsSuccess, write.ToString());
            Assert.Equal(cycle, actuatorBank.GetHolding(ActuatorBoardRegisters.Heartbeat));
        }

        Assert.True(actuators.ResetLatch().IsSuccess);
        Assert.Equal(0, master.StatisticsOf(1).Failed + master.StatisticsOf(2).Failed);
        Assert.Null(runner.Fault);
    }

    [RequiresToolsFact("socat")]
    public void A_unit_nobody_answers_for_times_out_on_a_real_port()
    {
        using var pty = new SocatPtyPair();
        using var masterPort = new SerialPortTransport(new SerialPortOptions(pty.PathA));
        var master = new ModbusRtuMaster(masterPort, new ModbusMasterOptions { ResponseTimeout = TimeSpan.FromMilliseconds(20) });

        var result = master.ReadInputRegisters(9, 0, 1);

        Assert.Equal(ModbusFailureKind.Timeout, result.Failure?.Kind);
        Assert.Contains(pty.PathA, result.Failure!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_missing_port_names_the_port_and_says_it_does_not_exist()
    {
        var path = $"/tmp/hipecsafe-no-such-port-{Guid.NewGuid():N}";
        var ex = Assert.Throws<SerialPortOpenException>(() => new SerialPortTransport(new SerialPortOptions(path)));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("115200 8E1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(OperatingSystem.IsWindows() ? "" : "does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_settings_are_validated_before_opening()
    {
        Assert.Contains("8 data bits", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SerialPortTransport(new SerialPortOptions("/dev/ttyS0") { DataBits = 7 })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SerialPortTransport(new SerialPortOptions("/dev/ttyS0") { BaudRate = 0 }));
    }
}
