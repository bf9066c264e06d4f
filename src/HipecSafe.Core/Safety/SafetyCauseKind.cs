namespace HipecSafe.Core.Safety;

/// <summary>What kind of thing latched the safe state.</summary>
public enum SafetyCauseKind
{
    /// <summary>An interlock rule tripped (its source is the rule ID).</summary>
    Interlock,

    /// <summary>A controller component missed its health pings until the watchdog failed it.</summary>
    ComponentFailed,

    /// <summary>A controller component's actor crashed and was restarted.</summary>
    ComponentCrashed,

    /// <summary>The power-on self-test failed.</summary>
    SelfTest,

    /// <summary>The phase machine itself threw.</summary>
    PhaseMachine,

    /// <summary>Anything else a caller reports as a fault (tests, tools).</summary>
    Other,
}
