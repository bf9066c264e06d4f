using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using HipecSafe.Hil.Bus.Transport;

namespace HipecSafe.Devices.Tests.Modbus;

/// <summary>
/// Master and slave on their own threads over a real-time in-memory link, as on a real bus. Timeouts that must
/// succeed are generous (a loaded CI host must not fail them); nothing asserts on elapsed wall-clock time.
/// </summary>
public class MasterSlaveRealTimeTests
{
    private static readonly ModbusMasterOptions Patient = new() { ResponseTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public void A_runner_serves_two_boards_sharing_one_bus()
    {
        using var link = new InMemorySerialLink("real-time bus");
        var sensors = new InMemoryRegisterBank(0, 15);
        var actuators = new InMemoryRegisterBank(6, 5);
        sensors.SetInputs(0, [7, 0, 4200]);
        using var runner = new ModbusSlaveRunner(link.SlaveEnd, new ModbusRtuSlave(1, sensors), new ModbusRtuSlave(2, actuators)).Start();
        var master = new ModbusRtuMaster(link.MasterEnd, Patient);

        var read = master.ReadInputRegisters(1, 0, 3);
        var write = master.WriteMultipleRegisters(2, 0, [500, 1200, 1, 1, 77]);

        Assert.Equal(new ushort[] { 7, 0, 4200 }, read.Value);
        Assert.True(write.IsSuccess, write.ToString());
        Assert.Equal(new ushort[] { 500, 1200, 1, 1, 77, 0 }, actuators.HoldingSnapshot());
        Assert.Null(runner.Fault);
    }

    [Fact]
    public void An_absent_unit_times_out_while_the_others_keep_answering()
    {
        using var link = new InMemorySerialLink("real-time bus");
        using var runner = new ModbusSlaveRunner(link.SlaveEnd, new ModbusRtuSlave(1, new InMemoryRegisterBank(1, 1))).Start();
        var quick = new ModbusRtuMaster(link.MasterEnd, new ModbusMasterOptions { ResponseTimeout = TimeSpan.FromMilliseconds(20) });

        Assert.Equal(ModbusFailureKind.Timeout, quick.ReadInputRegisters(9, 0, 1).Failure?.Kind);

        var patient = new ModbusRtuMaster(link.MasterEnd, Patient);
        Assert.True(patient.ReadInputRegisters(1, 0, 1).IsSuccess);
    }

    [Fact]
    public void Concurrent_callers_get_one_transaction_at_a_time()
    {
        using var link = new InMemorySerialLink("real-time bus");
        var bank = new InMemoryRegisterBank(0, 125);
        for (ushort i = 0; i < 125; i++)
        {
            bank.SetInput(i, i);
        }

        using var runner = new ModbusSlaveRunner(link.SlaveEnd, new ModbusRtuSlave(1, bank)).Start();
        var master = new ModbusRtuMaster(link.MasterEnd, Patient);

        var results = new ModbusResult<ushort[]>[8];
        var threads = Enumerable.Range(0, results.Length)
            .Select(i => new Thread(() => results[i] = master.ReadInputRegisters(1, (ushort)i, (ushort)(100 + i))))
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(Enumerable.Range(i, 100 + i).Select(v => (ushort)v), results[i].Value);
        }

        Assert.Equal(8, master.StatisticsOf(1).Succeeded);
    }

    [Fact]
    public void Stopping_the_runner_ends_its_thread_and_leaves_the_transport_open()
    {
        using var link = new InMemorySerialLink("real-time bus");
        var runner = new ModbusSlaveRunner(link.SlaveEnd, new ModbusRtuSlave(1, new InMemoryRegisterBank(1, 1))).Start();
        runner.Dispose();
        Assert.False(runner.IsRunning);
        link.MasterEnd.Write([1]); // still usable
    }

    [Fact]
    public void A_transport_closed_under_the_runner_is_reported_as_its_fault()
    {
        using var link = new InMemorySerialLink("real-time bus");
        using var runner = new ModbusSlaveRunner(link.SlaveEnd, new ModbusRtuSlave(1, new InMemoryRegisterBank(1, 1))).Start();
        link.SlaveEnd.Dispose();
        Assert.True(runner.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.IsType<ObjectDisposedException>(runner.Fault);
    }

    [Fact]
    public void Two_slaves_with_one_address_are_refused()
    {
        using var link = new InMemorySerialLink();
        var ex = Assert.Throws<ArgumentException>(() => new ModbusSlaveRunner(link.SlaveEnd,
            new ModbusRtuSlave(1, new InMemoryRegisterBank(1, 1)), new ModbusRtuSlave(1, new InMemoryRegisterBank(1, 1))));
        Assert.Contains("share a unit address", ex.Message, StringComparison.Ordinal);
    }
}
