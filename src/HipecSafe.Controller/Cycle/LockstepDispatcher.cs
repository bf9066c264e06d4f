using Akka.Configuration;
using Akka.Dispatch;

namespace HipecSafe.Controller.Cycle;

/// <summary>
/// Lockstep runs execute every actor's mailbox on the thread that sent it a message, like Akka.TestKit's
/// CallingThreadDispatcher: one cycle's whole message chain runs to completion inside the driver's Tell, in causal
/// order. That makes a simulated procedure deterministic and removes every thread hand-off from it.
/// A mailbox already running further up the stack only enqueues, so re-entrant sends are processed in order.
/// </summary>
public sealed class LockstepDispatcher(MessageDispatcherConfigurator configurator) : MessageDispatcher(configurator)
{
    protected override void ExecuteTask(IRunnable run) => run.Run();

    protected override void Shutdown()
    {
        // Nothing to stop: no threads of its own.
    }
}

/// <summary>Creates the single <see cref="LockstepDispatcher"/> (referenced by type name from HOCON).</summary>
public sealed class LockstepDispatcherConfigurator : MessageDispatcherConfigurator
{
    private readonly LockstepDispatcher _instance;

    public LockstepDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites)
        : base(config, prerequisites) => _instance = new LockstepDispatcher(this);

    public override MessageDispatcher Dispatcher() => _instance;
}
