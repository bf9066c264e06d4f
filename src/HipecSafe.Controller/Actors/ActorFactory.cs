using Akka.Actor;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Props that create an actor by calling a delegate. <c>Props.Create(() =&gt; new T(a, b))</c> takes the expression
/// apart and compiles every constructor argument into a dynamic method, each time a controller is built: measurable
/// in a campaign that builds one controller per scenario, and a cold start's worth of expression compiler JIT.
/// A restart calls the delegate again, so the actor gets the same arguments, as with the expression.
/// </summary>
internal static class ActorFactory
{
    public static Props Props<TActor>(Func<TActor> create)
        where TActor : ActorBase => Akka.Actor.Props.CreateBy(new Producer<TActor>(create));

    private sealed class Producer<TActor>(Func<TActor> create) : IIndirectActorProducer
        where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => create();

        public void Release(ActorBase actor)
        {
            // Nothing to release: the actor owns no resources the producer handed it.
        }
    }
}
