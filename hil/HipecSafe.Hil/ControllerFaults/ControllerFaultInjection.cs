using System.Collections.Concurrent;
using Akka.Actor;
using HipecSafe.Controller;
using HipecSafe.Controller.Clock;
using HipecSafe.Controller.Topology;

namespace HipecSafe.Hil.ControllerFaults;

/// <summary>
/// The rig's fault injection into controller components: as the controller's component decorator it hosts every
/// component in a <see cref="FaultInjectionHost"/>, and it crashes or stalls a component on request. The device is
/// built without it, so it carries no fault-injection code at all.
/// </summary>
public sealed class ControllerFaultInjection(ClockMode mode, TimeSpan cyclePeriod) : IComponentDecorator
{
    private readonly ConcurrentDictionary<string, IActorRef> _hosts = new(StringComparer.Ordinal);
    private ControllerRuntime? _runtime;

    public Props Decorate(string component, Props props)
    {
        ArgumentNullException.ThrowIfNull(props);
        Action<string, IActorRef> register = (c, host) => _hosts[c] = host;
        return Props.Create<FaultInjectionHost>(component, props, mode == ClockMode.Lockstep, cyclePeriod, register);
    }

    /// <summary>The controller built with this decorator (a lockstep crash waits until its root has handled the crash).</summary>
    public void Attach(ControllerRuntime runtime) => _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));

    /// <summary>Crashes the component; in lockstep, returns once the controller's root has passed the crash on.</summary>
    public void Crash(string component, string reason)
    {
        var host = HostOf(component);
        var before = _runtime?.CrashesHandled ?? 0;
        host.Tell(new InjectCrash(reason));
        if (mode == ClockMode.Lockstep)
        {
            (_runtime ?? throw new InvalidOperationException("attach the controller before injecting a crash")).WaitForCrashHandled(before);
        }
    }

    /// <summary>Stalls the component for <paramref name="duration"/>.</summary>
    public void Stall(string component, TimeSpan duration) => HostOf(component).Tell(new InjectStall(duration));

    private IActorRef HostOf(string component) => _hosts.TryGetValue(component, out var host)
        ? host
        : throw new ArgumentException($"no controller component '{component}' (known: {string.Join(", ", ComponentNames.All)})", nameof(component));
}
