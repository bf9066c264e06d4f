using HipecSafe.Core.Sensors;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Plant.Sensors;

namespace HipecSafe.Hil.Scenarios;

/// <summary>What the fault injector does to the rig for one scenario fault (built and validated by the loader).</summary>
public abstract record FaultAction
{
    private protected FaultAction()
    {
    }
}

/// <summary><c>sensor/&lt;register&gt;</c> with a channel fault: <see cref="SensorBoardModel.Inject"/>.</summary>
public sealed record SensorChannelFault(SensorChannel Channel, SensorFault Fault) : FaultAction;

/// <summary><c>sensor/&lt;any register&gt; frozen_board</c>: <see cref="SensorBoardModel.FreezeBoard"/>.</summary>
public sealed record SensorBoardFreeze : FaultAction;

/// <summary><c>actuator/heater</c>, <c>actuator/pump</c> and <c>plant</c> faults: <see cref="PerfusionPlant.Inject"/>.</summary>
public sealed record PlantFaultAction(PlantFault Fault) : FaultAction;

/// <summary><c>actuator/&lt;register&gt;</c> faults: what the actuator board reports, <see cref="ActuatorBoardEmulator.Inject"/>.</summary>
public sealed record ActuatorRegisterFaultAction(ActuatorRegisterFault Fault) : FaultAction;

/// <summary><c>bus</c> faults: the line's fault hook and noise injection.</summary>
public sealed record BusFaultAction(BusFault Fault) : FaultAction;

/// <summary><c>controller/&lt;actor&gt; crash</c>: the actor throws.</summary>
public sealed record ControllerCrash(string Component) : FaultAction;

/// <summary><c>controller/&lt;actor&gt; stall {ms}</c>: the actor stops answering for this long.</summary>
public sealed record ControllerStall(string Component, TimeSpan Duration) : FaultAction;
