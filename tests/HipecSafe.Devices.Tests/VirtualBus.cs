using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Bus.Modbus;
using HipecSafe.Hil.Bus.Transport;

namespace HipecSafe.Devices.Tests;

/// <summary>A deterministic bus: virtual-time link, one slave answering synchronously, a master.</summary>
internal sealed class VirtualBus : IDisposable
{
    public VirtualBus(ModbusMasterOptions? options = null, byte unit = 1, int holding = 10, int input = 15, bool withSlave = true)
    {
        Clock = new VirtualBusClock();
        Link = new InMemorySerialLink("virtual bus", Clock);
        Bank = new InMemoryRegisterBank(holding, input);
        Slave = new ModbusRtuSlave(unit, Bank);
        if (withSlave)
        {
            Slave.ServeSynchronously(Link.SlaveEnd);
        }

        Master = new ModbusRtuMaster(Link.MasterEnd, options);
    }

    public VirtualBusClock Clock { get; }

    public InMemorySerialLink Link { get; }

    public InMemoryRegisterBank Bank { get; }

    public ModbusRtuSlave Slave { get; }

    public ModbusRtuMaster Master { get; }

    /// <summary>Replace the slave with a scripted responder: request frame in, raw reply bytes out (or null).</summary>
    public void RespondWith(Func<byte[], byte[]?> respond) =>
        Link.SlaveEnd.AttachReceiver((bytes, _) =>
        {
            if (respond(bytes.ToArray()) is { } reply)
            {
                Link.SlaveEnd.Write(reply);
            }
        });

    public void Dispose() => Link.Dispose();
}
