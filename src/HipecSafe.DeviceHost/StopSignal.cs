using System.Runtime.InteropServices;

namespace HipecSafe.DeviceHost;

/// <summary>
/// Ctrl+C (SIGINT) or SIGTERM as a request to stop, instead of killing the process: a real-time command then ends
/// its run in order (the controller leaves the boards safe, the hazard log is flushed, the port is closed).
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly ManualResetEventSlim _requested = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public StopSignal()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public bool IsRequested => _requested.IsSet;

    /// <summary>Waits up to <paramref name="timeout"/>; true once a stop was requested.</summary>
    public bool Wait(TimeSpan timeout) => _requested.Wait(timeout);

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // keep running until the command has shut down cleanly
        _requested.Set();
    }

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _requested.Dispose();
    }
}
