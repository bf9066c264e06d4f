using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>A broken channel that a rule depends on never passes silently.</summary>
public class SensorFaultRuleTests
{
    private static InterlockRig Faulted(params SensorChannel[] channels)
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { ChannelFaultBits = (ushort)channels.Aggregate(0, (bits, c) => bits | Bit(c)) };
        return rig;
    }

    [Fact]
    [Verifies("SRS-IL-012")]
    public void One_faulted_inflow_probe_is_a_medium_alarm_after_200_ms_and_control_continues_on_the_other()
    {
        var rig = Faulted(SensorChannel.InflowA);

        rig.Run(Ms(200));
        Assert.False(rig.IsActive("IL-INFLOW-PROBE-FAULT"), "held 100 ms");
        rig.Step();

        var trip = rig.Trip("IL-INFLOW-PROBE-FAULT");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-008", trip.HazardId);
        Assert.Contains("inflow probe A: sensor board reports", trip.Measured.ToString(), StringComparison.Ordinal);
        Assert.False(rig.IsActive("IL-INFLOW-PROBES-LOST"));
        Assert.Equal(Running, rig.Constrained());
        Assert.Equal(SensorChannel.InflowB, rig.Last.Inflow.Channel);
    }

    [Fact]
    [Verifies("SRS-IL-012")]
    public void The_inflow_probe_alarm_clears_when_the_probe_has_recovered_for_2_s()
    {
        var rig = Faulted(SensorChannel.InflowB);
        rig.Run(Ms(300));

        rig.Frame = rig.Frame with { ChannelFaultBits = 0 };
        rig.Step();
        rig.Run(Ms(1900));
        Assert.True(rig.IsActive("IL-INFLOW-PROBE-FAULT"), "fault-free for 1.9 s");
        var evaluation = rig.Step();

        Assert.Empty(evaluation.Active);
        Assert.Equal("IL-INFLOW-PROBE-FAULT", Assert.Single(evaluation.Cleared).Trip.RuleId);
    }

    [Fact]
    [Verifies("SRS-IL-012", "SRS-IL-041")]
    public void An_intermittent_probe_keeps_one_alarm()
    {
        var rig = Faulted(SensorChannel.InflowB);
        rig.Run(Ms(300));
        var raised = 0;
        var cleared = 0;
        for (var i = 0; i < 100; i++)
        {
            // Fault-free for 1.5 s, faulted for 0.5 s: a loose contact.
            rig.Frame = rig.Frame with { ChannelFaultBits = i % 20 < 15 ? (ushort)0 : Bit(SensorChannel.InflowB) };
            var evaluation = rig.Step();
            raised += evaluation.Raised.Count;
            cleared += evaluation.Cleared.Count;
        }

        Assert.Equal((0, 0), (raised, cleared));
        Assert.True(rig.IsActive("IL-INFLOW-PROBE-FAULT"));
    }

    [Fact]
    [Verifies("SRS-IL-011")]
    public void Both_inflow_probes_faulted_trips_safe_state_latched()
    {
        var rig = Faulted(SensorChannel.InflowA, SensorChannel.InflowB);
        rig.Run(Ms(300));

        var trip = rig.Trip("IL-INFLOW-PROBES-LOST");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.True(rig.Last.RequiresSafeState);
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
        Assert.False(rig.Last.Inflow.IsAvailable);

        Assert.False(rig.Reset("IL-INFLOW-PROBES-LOST").Succeeded);
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.InflowA) };
        rig.Step();
        Assert.True(rig.IsActive("IL-INFLOW-PROBES-LOST"));
        Assert.True(rig.Reset("IL-INFLOW-PROBES-LOST").Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-015")]
    public void One_faulted_abdominal_probe_is_a_medium_alarm_and_the_heater_stays_on()
    {
        var rig = Faulted(SensorChannel.Abdomen2);
        rig.Run(Ms(300));

        var trip = rig.Trip("IL-ABDOMEN-PROBE-FAULT");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.False(rig.IsActive("IL-ABDOMEN-PROBES-LOST"));
        Assert.Equal(Running, rig.Constrained());

        rig.Frame = rig.Frame with { ChannelFaultBits = 0 };
        Assert.Empty(rig.Run(Ms(2100)).Active);
    }

    [Fact]
    [Verifies("SRS-IL-014", "SRS-IL-035")]
    public void Two_faulted_abdominal_probes_switch_the_heater_off_latched()
    {
        var rig = Faulted(SensorChannel.Abdomen1, SensorChannel.Abdomen4);
        rig.Run(Ms(300));

        var trip = rig.Trip("IL-ABDOMEN-PROBES-LOST");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal(InterlockResponse.HeaterOff, trip.Response);
        Assert.StartsWith("faulted abdominal probes 2 ≥ 2 (abdominal probe 1: sensor board", trip.Measured.ToString(), StringComparison.Ordinal);
        Assert.Equal(Running.WithHeaterOff(), rig.Constrained());

        rig.Frame = rig.Frame with { ChannelFaultBits = 0 };
        rig.Step();
        Assert.True(rig.IsActive("IL-ABDOMEN-PROBES-LOST"));
        Assert.True(rig.Reset("IL-ABDOMEN-PROBES-LOST").Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-014", "SRS-IL-031")]
    public void Two_abdominal_probes_jumping_implausibly_count_as_faulted()
    {
        var rig = new InterlockRig();

        rig.Frame = rig.Frame with { Abdomen1 = T(30.0), Abdomen2 = T(30.0) };
        rig.Run(Ms(300));

        Assert.True(rig.IsActive("IL-ABDOMEN-PROBES-LOST"));
        Assert.Contains("°C/s", rig.Trip("IL-ABDOMEN-PROBES-LOST").Measured.Detail, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-IL-016")]
    public void A_faulted_core_probe_is_a_medium_alarm_that_clears()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { Core = T(-5.0) };
        rig.Run(Ms(300));

        var trip = rig.Trip("IL-CORE-PROBE-FAULT");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal(Running, rig.Constrained());

        rig.Frame = rig.Frame with { Core = T(37.5) };
        Assert.Empty(rig.Run(Ms(2100)).Active);
    }

    [Fact]
    [Verifies("SRS-IL-018")]
    public void A_faulted_line_pressure_sensor_stops_pump_and_heater_latched()
    {
        var rig = Faulted(SensorChannel.InflowPressure);
        rig.Run(Ms(300));

        var trip = rig.Trip("IL-PRESSURE-SENSOR-FAULT");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-004", trip.HazardId);
        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: true, HeaterEnabled: false), rig.Constrained());

        rig.Frame = rig.Frame with { ChannelFaultBits = 0 };
        rig.Step();
        Assert.True(rig.IsActive("IL-PRESSURE-SENSOR-FAULT"));
        Assert.True(rig.Reset("IL-PRESSURE-SENSOR-FAULT").Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-020")]
    public void A_faulted_air_detector_acts_like_air_while_the_line_must_be_air_free()
    {
        var rig = Faulted(SensorChannel.AirDetected);
        rig.Run(Ms(300));

        var trip = rig.Trip("IL-AIR-SENSOR-FAULT");
        Assert.Equal("HAZ-005", trip.HazardId);
        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: false, HeaterEnabled: false), rig.Constrained());
        Assert.False(rig.IsActive("IL-AIR"), "an unreadable detector is not a detected bubble");
    }

    [Fact]
    [Verifies("SRS-IL-024")]
    public void A_faulted_reservoir_sensor_is_a_medium_alarm()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { ReservoirVolume = Volume.FromMilliliters(-100) };
        rig.Run(Ms(300));

        var trip = rig.Trip("IL-RESERVOIR-SENSOR-FAULT");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-007", trip.HazardId);
        Assert.False(rig.IsActive("IL-RESERVOIR-CRITICAL"), "a broken level is not an empty reservoir");
        Assert.Equal(Running, rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-026")]
    public void A_faulted_flow_meter_is_a_medium_alarm()
    {
        var rig = Faulted(SensorChannel.Flow);
        rig.Run(Ms(300));

        Assert.Equal(AlarmPriority.Medium, rig.Trip("IL-FLOW-SENSOR-FAULT").Priority);
        Assert.Equal(Running, rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-041", "SRS-IL-012", "SRS-IL-015")]
    public void Before_the_patient_is_connected_disconnected_probes_raise_nothing()
    {
        var rig = new InterlockRig(phase: Phase.Standby);
        rig.Frame = rig.Frame with
        {
            ChannelFaultBits = (ushort)(Bit(SensorChannel.Abdomen1) | Bit(SensorChannel.Abdomen2) | Bit(SensorChannel.Core) | Bit(SensorChannel.InflowB)),
        };

        rig.Run(TimeSpan.FromSeconds(1));

        Assert.Empty(rig.Last.Active);
    }

    [Fact]
    [Verifies("SRS-IL-041")]
    public void A_medium_probe_alarm_ends_when_the_procedure_is_complete()
    {
        var rig = Faulted(SensorChannel.Abdomen3);
        rig.Run(Ms(300));

        rig.Phase = Phase.Complete;
        var evaluation = rig.Step();

        Assert.Empty(evaluation.Active);
        Assert.Equal(ClearCause.NoLongerApplicable, Assert.Single(evaluation.Cleared).Cause);
    }

    [Fact]
    [Verifies("SRS-IL-041", "SRS-IL-042")]
    public void A_failed_read_in_the_clear_margin_neither_ends_nor_restarts_it()
    {
        var rig = Faulted(SensorChannel.Abdomen3);
        rig.Run(Ms(300));
        rig.Frame = rig.Frame with { ChannelFaultBits = 0 };
        rig.Step();
        var clearFrom = rig.Now;

        rig.Run(Ms(500));
        rig.SensorReadFails = true;
        rig.Run(Ms(500));
        rig.SensorReadFails = false;
        rig.RunUntil(clearFrom + Ms(1900));
        Assert.True(rig.IsActive("IL-ABDOMEN-PROBE-FAULT"), "clear for 1.9 s, half a second of it unread");

        var evaluation = rig.Step();
        Assert.Equal("IL-ABDOMEN-PROBE-FAULT", Assert.Single(evaluation.Cleared).Trip.RuleId);
    }

    [Fact]
    [Verifies("SRS-IL-041")]
    public void A_fault_back_in_the_clear_margin_restarts_it_and_a_phase_that_ends_the_rule_ends_the_alarm_at_once()
    {
        var rig = Faulted(SensorChannel.Abdomen3);
        rig.Run(Ms(300));
        rig.Frame = rig.Frame with { ChannelFaultBits = 0 };
        rig.Run(Ms(1500));
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.Abdomen3) };
        rig.Step();
        rig.Frame = rig.Frame with { ChannelFaultBits = 0 };
        rig.Run(Ms(1500));
        Assert.True(rig.IsActive("IL-ABDOMEN-PROBE-FAULT"), "the fault came back 1.5 s into the margin");

        rig.Phase = Phase.Standby;
        var evaluation = rig.Step();
        Assert.Equal(ClearCause.NoLongerApplicable, Assert.Single(evaluation.Cleared).Cause);
    }
}
