using HipecSafe.Core.Operations;

namespace HipecSafe.Controller.Operations;

/// <summary>An operator command on its way to the component that answers it (the reply is an <see cref="OperatorReply"/>).</summary>
public sealed record OperatorCommand(OperatorAction Action);
