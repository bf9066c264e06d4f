namespace HipecSafe.Core.HazardLog;

/// <summary>What the log's head file says about the log's end.</summary>
public enum HeadFinding
{
    /// <summary>There is no head file.</summary>
    Missing,

    /// <summary>The head file is not a well-formed head (damaged, or not a head at all).</summary>
    Unreadable,

    /// <summary>The log holds every record the head anchors, with the head's hash at its last one (more may follow).</summary>
    Confirmed,

    /// <summary>Fewer records verify than the head anchors: records were removed or lost from the end.</summary>
    RecordsMissing,

    /// <summary>The record at the head's position has another hash: the log was rewritten or replaced.</summary>
    HashDiffers,

    /// <summary>The head anchors a log with another log id.</summary>
    OtherLog,
}
