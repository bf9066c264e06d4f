using System.Globalization;
using HipecSafe.Core.Actuators;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// Whether the board shows the pump turning in one cycle: it holds a pump speed of at least one count of
/// pump_speed_cmd (0.1 rpm, docs/icd.md §6.1) and reports the pump running — board_status bit3 set and
/// pump_speed_actual at least one count. Without actuator feedback nothing shows it turning.
/// </summary>
public static class PumpTurning
{
    /// <summary>Why the pump is not shown turning; null when it is.</summary>
    public static string? WhyNot(BoardReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        var held = readout.BoardHolds.PumpSpeedRpm;
        if (!(held >= GateRules.PumpTurnsFromRpm))
        {
            return string.Create(CultureInfo.InvariantCulture, $"pump stopped: the board holds pump speed {held:0.0} rpm");
        }

        if (readout.Feedback is not { } fb)
        {
            return $"pump not shown turning: no actuator board feedback ({readout.ActuatorFailure ?? "not read"})";
        }

        if (!fb.Has(BoardStatus.PumpRunning))
        {
            return "pump stopped: the board reports it not running (board_status bit3 clear)";
        }

        return fb.PumpSpeedActualRpm >= GateRules.PumpTurnsFromRpm
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"pump stopped: pump_speed_actual {fb.PumpSpeedActualRpm:0.0} rpm");
    }
}
