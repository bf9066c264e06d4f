using HipecSafe.Controller.Cycle;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Rig;

/// <summary>One rig step: the plant's physical truth after it and the controller's report of the cycle (null when the cycle stopped at a stalled actor).</summary>
public sealed record RigCycle(TimeSpan Time, PlantState Truth, CycleReport? Report);
