using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Alarms;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Rig;

/// <summary>One rig step: the plant's physical truth after it and the controller's report of the cycle (null when the cycle stopped at a stalled actor).</summary>
/// <param name="Announced">What the alarm system annunciated outside the cycle's report during the step (the watchdog's
/// failed components, told to the alarms directly); null when nothing was.</param>
public sealed record RigCycle(TimeSpan Time, PlantState Truth, CycleReport? Report, Annunciation? Announced = null);
