namespace HipecSafe.Hil.Bus.Transport;

/// <summary>Which way bytes travel on an <see cref="InMemorySerialLink"/>.</summary>
public enum LinkDirection
{
    MasterToSlave,
    SlaveToMaster,
}
