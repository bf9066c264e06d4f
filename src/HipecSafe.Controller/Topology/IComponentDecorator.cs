using Akka.Actor;

namespace HipecSafe.Controller.Topology;

/// <summary>
/// Wraps a component's actor as the topology creates it. The shipped device uses none; a test rig uses one to host
/// fault injection around the real actor (the device itself carries no fault-injection code).
/// </summary>
public interface IComponentDecorator
{
    /// <summary>The props to create in place of <paramref name="props"/> for <paramref name="component"/>.</summary>
    Props Decorate(string component, Props props);
}
