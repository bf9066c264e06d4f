using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Plant;

/// <summary>
/// The physical HIPEC circuit and patient: reservoir → roller pump → heater/heat exchanger → inflow line → clamp →
/// abdomen → outflow drain → reservoir, with the peritoneal tissue and the patient core. Deterministic: time only
/// advances through <see cref="Step"/>, no randomness (sensor noise lives in the sensor models), no I/O, and Step
/// allocates nothing. Every equation and parameter is documented in hil/PLANT.md.
/// </summary>
public sealed class PerfusionPlant
{
    /// <summary>Below this the abdominal fluid is a film at tissue temperature (keeps the mixing update bounded).</summary>
    private const double EmptyAbdomenMilliliters = 0.5;

    private readonly PlantParameters _p;

    // Constants derived once from the parameters (internal units: mL, mL/s, °C, W, J/K, mmHg, s).
    private readonly double _cv;
    private readonly double _maxSubStep;
    private readonly double _pumpMlPerRevPerSecond;
    private readonly double _lineResistance;
    private readonly double _reliefSpan;
    private readonly double _tissueCapacity;
    private readonly double _coreCapacity;
    private readonly double _drainRate;
    private readonly double _outflowCapacity;
    private readonly double _probeGain1, _probeGain2, _probeGain3, _probeGain4;

    // State.
    private double _time;
    private double _vRes, _tRes;
    private double _tHx;
    private double _tLine;
    private double _pLine;
    private double _vAb, _tAb;
    private double _tOutCell;
    private double _tTissue, _tCore;
    private bool _drainOpen;

    // Values of the last sub-step, reported in the snapshot.
    private double _heaterPower, _heatToFluid, _tHeaterOut, _rpm;
    private double _qPump, _qIn, _qOut, _qLeak, _pAb, _heatToPatient, _inflowHeat;
    private bool _clampOpen, _air;
    private double _leaked;
    private int _driverPermille;
    private bool _relayContactClosed;

    // Active faults, kept both as records (for reporting) and as plain numbers (for a cheap Step).
    private readonly PlantFault?[] _faults = new PlantFault?[Enum.GetValues<PlantFaultSlot>().Length];
    private int _stuckPermille = -1;
    private bool _relayWelded;
    private bool _heaterFailedOff;
    private double _pumpFactor = 1.0;
    private bool _pumpStopped, _motorFault;
    private double _resistanceFactor = 1.0;
    private double _leakRate;
    private double _airSlugRemaining;

    // The saline exchange under way (an operator action), and what it has moved so far.
    private SalineExchange? _exchange;
    private double _exchangeTime, _exchangeRate, _exchangeVolume, _exchangeLag, _salineTemperature;
    private double _drainedToWaste, _salinePoured;

    // Energy ledger (J, relative to 0 °C) used to prove conservation.
    private double _heaterEnergy, _roomLossEnergy, _coreLossEnergy, _leakEnthalpy, _lineStoreEnthalpy, _exchangeEnthalpy;

    public PerfusionPlant(PlantParameters? parameters = null)
    {
        _p = parameters ?? PlantParameters.Default;
        _p.Validate();
        _cv = _p.FluidHeatCapacityJoulesPerMilliliterKelvin;
        _maxSubStep = _p.MaxSubStep.Seconds;
        _pumpMlPerRevPerSecond = _p.TubingMillilitersPerRevolution / 60.0;
        _lineResistance = _p.InflowLineResistanceMmHgPerMillilitersPerMinute * 60.0; // mmHg per mL/s
        _reliefSpan = _p.PumpStallPressure.MillimetersOfMercury - _p.PumpReliefPressure.MillimetersOfMercury;
        _tissueCapacity = _p.PeritonealTissueMassKilograms * _p.TissueSpecificHeatJoulesPerKilogramKelvin;
        _coreCapacity = _p.CoreMassKilograms * _p.TissueSpecificHeatJoulesPerKilogramKelvin;
        _drainRate = _p.OutflowDrainRatePerMinute / 60.0;
        _outflowCapacity = _p.OutflowCapacity.MillilitersPerMinute / 60.0;
        _probeGain1 = _p.ProbeSpatialGainKelvinPerWatt[0];
        _probeGain2 = _p.ProbeSpatialGainKelvinPerWatt[1];
        _probeGain3 = _p.ProbeSpatialGainKelvinPerWatt[2];
        _probeGain4 = _p.ProbeSpatialGainKelvinPerWatt[3];

        var fill = _p.InitialFluidTemperature.DegreesCelsius;
        _vRes = _p.InitialReservoirVolume.Milliliters;
        _tRes = _tHx = _tLine = _tAb = _tOutCell = _tHeaterOut = fill;
        _vAb = _p.InitialAbdominalVolume.Milliliters;
        _pAb = AbdominalPressureOf(_vAb);
        _pLine = _pAb;
        _tTissue = _p.InitialTissueTemperature.DegreesCelsius;
        _tCore = _p.InitialCoreTemperature.DegreesCelsius;
    }

    public PlantParameters Parameters => _p;

    /// <summary>Operator action with no actuator in the ICD: open the abdominal drains so the abdomen empties into the reservoir (Draining phase).</summary>
    public bool AbdominalDrainOpen
    {
        get => _drainOpen;
        set => _drainOpen = value;
    }

    /// <summary>
    /// Operator action with no actuator in the ICD: exchange the perfusate for saline at the reservoir (Washout). Starts
    /// now; a later call replaces an exchange still under way, keeping what it has moved.
    /// </summary>
    public void ExchangeForSaline(SalineExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        exchange.Validate();
        _exchange = exchange;
        _exchangeTime = 0;
        _exchangeRate = exchange.Rate.MillilitersPerMinute / 60.0;
        _exchangeVolume = exchange.Volume.Milliliters;
        _exchangeLag = exchange.Lag.Seconds;
        _salineTemperature = exchange.Saline.DegreesCelsius;
    }

    /// <summary>The saline exchange under way; null once it is over (or before one began).</summary>
    public SalineExchange? ExchangeUnderWay => _exchange;

    /// <summary>Faults currently active, one per slot at most.</summary>
    public IEnumerable<PlantFault> ActiveFaults => _faults.OfType<PlantFault>();

    /// <summary>Activates <paramref name="fault"/>, replacing any fault in the same slot.</summary>
    public void Inject(PlantFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Clear(fault.Slot);
        _faults[(int)fault.Slot] = fault;
        switch (fault)
        {
            case HeaterStuckOn stuck:
                _stuckPermille = stuck.PowerPermille;
                _relayWelded = stuck.RelayWelded;
                break;
            case HeaterFailedOff:
                _heaterFailedOff = true;
                break;
            case PumpDegraded degraded:
                _pumpFactor = degraded.Factor;
                break;
            case PumpStopped:
                _pumpStopped = true;
                break;
            case PumpMotorFault:
                _pumpStopped = true;
                _motorFault = true;
                break;
            case LineOcclusion occlusion:
                _resistanceFactor = occlusion.ResistanceFactor;
                break;
            case FluidLeak leak:
                _leakRate = leak.Rate.MillilitersPerMinute / 60.0;
                break;
            case AirSlug slug:
                _airSlugRemaining = slug.Duration.Seconds;
                break;
            default:
                throw new ArgumentException($"unknown plant fault kind {fault.GetType().Name}", nameof(fault));
        }
    }

    /// <summary>Ends the fault in <paramref name="slot"/> (no effect when none is active).</summary>
    public void Clear(PlantFaultSlot slot)
    {
        _faults[(int)slot] = null;
        switch (slot)
        {
            case PlantFaultSlot.Heater:
                _stuckPermille = -1;
                _relayWelded = false;
                _heaterFailedOff = false;
                break;
            case PlantFaultSlot.Pump:
                _pumpFactor = 1.0;
                _pumpStopped = false;
                _motorFault = false;
                break;
            case PlantFaultSlot.Occlusion:
                _resistanceFactor = 1.0;
                break;
            case PlantFaultSlot.Leak:
                _leakRate = 0;
                break;
            case PlantFaultSlot.Air:
                _airSlugRemaining = 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(slot), slot, "unknown plant fault slot");
        }
    }

    /// <summary>Advances the plant by <paramref name="dt"/> under <paramref name="inputs"/>, in equal sub-steps no longer than <see cref="PlantParameters.MaxSubStep"/>.</summary>
    public void Step(Duration dt, in PlantInputs inputs)
    {
        var seconds = dt.Seconds;
        if (!(seconds > 0) || double.IsInfinity(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(dt), seconds, "plant step dt must be a positive finite duration");
        }

        if (inputs.HeaterPowerPermille is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs.HeaterPowerPermille, "HeaterPowerPermille must be 0..1000 ‰");
        }

        if (!(inputs.PumpSpeedRpm >= 0) || double.IsInfinity(inputs.PumpSpeedRpm))
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs.PumpSpeedRpm, "PumpSpeedRpm must be a finite number ≥ 0");
        }

        // 1e-9 keeps exact multiples of the sub-step (0.1 s = 2 × 50 ms) from rounding up to an extra sub-step.
        var n = Math.Max(1, (int)Math.Ceiling(seconds / _maxSubStep - 1e-9));
        var h = seconds / n;
        for (var i = 0; i < n; i++)
        {
            SubStep(h, inputs);
        }
    }

    public PlantState State => new()
    {
        Time = Duration.FromSeconds(_time),
        ReservoirVolume = Volume.FromMilliliters(_vRes),
        ReservoirTemperature = Temperature.FromDegreesCelsius(_tRes),
        HeaterPowerDelivered = Power.FromWatts(_heaterPower),
        HeaterDriverPermille = _driverPermille,
        HeaterRelayContactClosed = _relayContactClosed,
        HeatExchangerTemperature = Temperature.FromDegreesCelsius(_tHx),
        HeaterInletTemperature = Temperature.FromDegreesCelsius(_tRes),
        HeaterOutletTemperature = Temperature.FromDegreesCelsius(_tHeaterOut),
        HeatToFluid = Power.FromWatts(_heatToFluid),
        PumpSpeedRpm = _rpm,
        PumpMotorFault = _motorFault,
        PumpFlow = VolumetricFlow.FromMillilitersPerMinute(_qPump * 60.0),
        InflowFlow = VolumetricFlow.FromMillilitersPerMinute(_qIn * 60.0),
        InflowLinePressure = Pressure.FromMillimetersOfMercury(_pLine),
        ClampOpen = _clampOpen,
        InflowTemperature = Temperature.FromDegreesCelsius(_tLine),
        OutflowTemperature = Temperature.FromDegreesCelsius(_tOutCell),
        OutflowFlow = VolumetricFlow.FromMillilitersPerMinute(_qOut * 60.0),
        AirInLine = _air,
        AbdominalVolume = Volume.FromMilliliters(_vAb),
        AbdominalPressure = Pressure.FromMillimetersOfMercury(_pAb),
        AbdominalTemperature = Temperature.FromDegreesCelsius(_tAb),
        AbdomenProbe1 = Temperature.FromDegreesCelsius(_tAb + (_probeGain1 * _inflowHeat)),
        AbdomenProbe2 = Temperature.FromDegreesCelsius(_tAb + (_probeGain2 * _inflowHeat)),
        AbdomenProbe3 = Temperature.FromDegreesCelsius(_tAb + (_probeGain3 * _inflowHeat)),
        AbdomenProbe4 = Temperature.FromDegreesCelsius(_tAb + (_probeGain4 * _inflowHeat)),
        LeakFlow = VolumetricFlow.FromMillilitersPerMinute(_qLeak * 60.0),
        LeakedVolume = Volume.FromMilliliters(_leaked),
        DrainedToWaste = Volume.FromMilliliters(_drainedToWaste),
        SalinePoured = Volume.FromMilliliters(_salinePoured),
        PeritonealTissueTemperature = Temperature.FromDegreesCelsius(_tTissue),
        CoreTemperature = Temperature.FromDegreesCelsius(_tCore),
        HeatToPatient = Power.FromWatts(_heatToPatient),
    };

    /// <summary>Fluid stored in the distended inflow line above its unpressurised volume.</summary>
    internal double LineStoredVolumeMilliliters => _p.InflowLineComplianceMillilitersPerMmHg * _pLine;

    /// <summary>Enthalpy of every node (J, relative to 0 °C) plus what left or entered the system; constant if energy is conserved.</summary>
    internal double EnergyBalanceJoules =>
        (_cv * ((_vRes * _tRes) + (_p.InflowLineVolume.Milliliters * _tLine) + (_vAb * _tAb) + (_p.OutflowProbeCellVolume.Milliliters * _tOutCell)))
        + (_p.HeatExchangerCapacityJoulesPerKelvin * _tHx) + (_tissueCapacity * _tTissue) + (_coreCapacity * _tCore)
        + _lineStoreEnthalpy - _heaterEnergy + _roomLossEnergy + _coreLossEnergy + _leakEnthalpy + _exchangeEnthalpy;

    internal double HeaterEnergyJoules => _heaterEnergy;

    private double AbdominalPressureOf(double volume)
    {
        var fill = _p.AbdominalFillVolume.Milliliters;
        var atFill = _p.AbdominalPressureAtFill.MillimetersOfMercury;
        return volume <= fill
            ? atFill * volume / fill
            : atFill + ((volume - fill) / _p.AbdominalComplianceAboveFillMillilitersPerMmHg);
    }

    private void SubStep(double h, in PlantInputs u)
    {
        var room = _p.RoomTemperature.DegreesCelsius;

        // Heater: the series relay gates the driver's power; a stuck driver ignores the command, a welded relay ignores
        // the enable, a failed element delivers nothing.
        var relayClosed = u.HeaterRelayClosed || _relayWelded;
        var driver = _stuckPermille >= 0 ? _stuckPermille : u.HeaterPowerPermille;
        double permille = !relayClosed || _heaterFailedOff ? 0 : driver;
        _driverPermille = driver;
        _relayContactClosed = relayClosed;
        var heaterPower = permille / 1000.0 * _p.HeaterMaxPower.Watts;

        // Roller pump: positive displacement, flow = rpm × mL/rev (× degradation); an emptying reservoir feeds it air.
        _rpm = _pumpStopped ? 0 : Math.Min(u.PumpSpeedRpm, _p.PumpMaxRpm);
        var nominal = _rpm * _pumpMlPerRevPerSecond * _pumpFactor;
        var liquidFraction = Math.Clamp(_vRes / _p.ReservoirAirEntrainmentVolume.Milliliters, 0, 1);
        var liquid = nominal * liquidFraction;
        _airSlugRemaining = Math.Max(0, _airSlugRemaining - h);
        _air = _airSlugRemaining > 0 || (nominal > 0 && liquidFraction < 1);

        // Inflow line pressure: C dP/dt = Qpump(P) − G(P − Pab) − Gback·P, linear in P within each pump regime,
        // so it is integrated exactly (unconditionally stable however stiff the line is).
        _clampOpen = u.ClampOpen;
        var pAb = AbdominalPressureOf(_vAb);
        var g = u.ClampOpen ? 1.0 / (_lineResistance * _resistanceFactor) : 0.0;
        var back = _p.PumpBackLeakMillilitersPerSecondPerMmHg;
        var compliance = _p.InflowLineComplianceMillilitersPerMmHg;
        var relief = _p.PumpReliefPressure.MillimetersOfMercury;
        var slipping = _pLine >= relief;
        var a = (slipping ? liquid * _p.PumpStallPressure.MillimetersOfMercury / _reliefSpan : liquid) + (g * pAb);
        var b = (slipping ? liquid / _reliefSpan : 0) + g + back;
        double pNew, pAvg;
        if (b > 0)
        {
            var k = b / compliance;
            var pInf = a / b;
            var decay = Math.Exp(-k * h);
            pNew = pInf + ((_pLine - pInf) * decay);
            pAvg = pInf + ((_pLine - pInf) * (1 - decay) / (k * h));
        }
        else
        {
            pNew = _pLine + (a * h / compliance);
            pAvg = 0.5 * (_pLine + pNew);
        }

        var delivered = slipping ? liquid * (_p.PumpStallPressure.MillimetersOfMercury - pAvg) / _reliefSpan : liquid;
        var qPump = delivered - (back * pAvg);
        var qIn = g * (pAvg - pAb);
        _pLine = pNew;

        // Heater / heat exchanger: wall node with thermal mass; fluid leaves at T_hx − (T_hx − T_in)·exp(−NTU).
        var qHx = Math.Max(qPump, 0);
        var qBack = Math.Max(-qPump, 0);
        double outlet, heatToFluid;
        if (qHx > 1e-9)
        {
            var mc = _cv * qHx;
            outlet = _tHx - ((_tHx - _tRes) * Math.Exp(-_p.HeatExchangerConductanceWattsPerKelvin / mc));
            heatToFluid = mc * (outlet - _tRes);
        }
        else
        {
            outlet = _tHx;
            heatToFluid = 0;
        }

        var hxLoss = _p.HeatExchangerLossWattsPerKelvin * (_tHx - room);
        var tHxNew = _tHx + ((heaterPower - heatToFluid - hxLoss) * h / _p.HeatExchangerCapacityJoulesPerKelvin);

        // Inflow line: fixed-volume mixed node fed by the exchanger; loses heat to the room.
        var lineVolume = _p.InflowLineVolume.Milliliters;
        var lineLoss = _p.InflowLineLossWattsPerKelvin * (_tLine - room);
        var tLineNew = _tLine + (((_cv * qHx * (outlet - _tLine)) - lineLoss) * h / (_cv * lineVolume));

        // Abdomen: overflow drain above the fill level, leak, inflow (or back-siphon when qIn < 0).
        var qInPos = Math.Max(qIn, 0);
        var qInNeg = Math.Max(-qIn, 0);
        var available = Math.Max(0, (_vAb / h) + qIn);
        var qLeak = Math.Min(_leakRate, available);
        var spill = _drainOpen ? 0 : _p.AbdominalFillVolume.Milliliters;
        var qOut = Math.Min(Math.Min(_drainRate * Math.Max(0, _vAb - spill), _outflowCapacity), available - qLeak);
        var vAbNew = Math.Max(0, _vAb + ((qIn - qOut - qLeak) * h));

        var wetted = Math.Min(1, _vAb / _p.AbdominalFillVolume.Milliliters);
        var heatToPatient = _p.FluidToTissueWattsPerKelvin * wetted * (_tAb - _tTissue);
        double tAbNew;
        if (vAbNew > EmptyAbdomenMilliliters)
        {
            var exchange = heatToPatient * h / (_cv * vAbNew);
            tAbNew = _tAb + (qInPos * h * (_tLine - _tAb) / vAbNew) - exchange;
        }
        else
        {
            // A (nearly) empty abdomen: the remaining film takes tissue temperature; its heat goes into the tissue,
            // which keeps the mixing formula from dividing by a vanishing volume.
            heatToPatient = (_cv * ((_vAb * _tAb) + (qInPos * h * _tLine) - ((qOut + qLeak + qInNeg) * h * _tAb))) / h;
            tAbNew = _tTissue;
            heatToPatient -= _cv * vAbNew * tAbNew / h;
        }

        // Patient: peritoneal tissue shell between the fluid and the core; the core loses heat to the environment.
        var heatToCore = _p.TissueToCoreWattsPerKelvin * (_tTissue - _tCore);
        var coreLoss = _p.CoreLossWattsPerKelvin * (_tCore - _p.CoreEquilibriumTemperature.DegreesCelsius);
        var tTissueNew = _tTissue + ((heatToPatient - heatToCore) * h / _tissueCapacity);
        var tCoreNew = _tCore + ((heatToCore - coreLoss) * h / _coreCapacity);

        // Outflow probe cell: fixed-volume mixed node on the outflow line.
        var cellVolume = _p.OutflowProbeCellVolume.Milliliters;
        var cellLoss = _p.OutflowProbeCellLossWattsPerKelvin * (_tOutCell - room);
        var tCellNew = _tOutCell + (((_cv * qOut * (_tAb - _tOutCell)) - cellLoss) * h / (_cv * cellVolume));

        // Saline exchange (operator): perfusate drained to waste at the reservoir's temperature, saline poured in.
        var (qDrain, qSaline) = ExchangeFlows(h, Math.Max(0, _vRes + ((qOut + qBack - qHx) * h)));

        // Reservoir: receives the outflow (and any roller back-leak), feeds the pump; loses heat to the room.
        var vResNew = Math.Max(0, _vRes + ((qOut + qBack + qSaline - qHx - qDrain) * h));
        var reservoirWetted = Math.Min(1, _vRes / Math.Max(_p.InitialReservoirVolume.Milliliters, _p.ReservoirAirEntrainmentVolume.Milliliters));
        var reservoirLoss = _p.ReservoirLossWattsPerKelvin * reservoirWetted * (_tRes - room);
        var tResNew = vResNew > 1e-6
            ? _tRes + ((((qOut * h * (_tOutCell - _tRes)) + (qBack * h * (_tLine - _tRes)) + (qSaline * h * (_salineTemperature - _tRes)))
                        - (reservoirLoss * h / _cv)) / vResNew)
            : _tRes;

        // Ledger: what crossed the system boundary, and what the distended line stored.
        _heaterEnergy += heaterPower * h;
        _roomLossEnergy += (hxLoss + lineLoss + cellLoss + (vResNew > 1e-6 ? reservoirLoss : 0)) * h;
        _coreLossEnergy += coreLoss * h;
        _leakEnthalpy += _cv * qLeak * h * _tAb;
        _lineStoreEnthalpy += _cv * h * (((qHx - qInPos - qBack) * _tLine) + (qInNeg * _tAb));
        _leaked += qLeak * h;
        _exchangeEnthalpy += _cv * h * ((qDrain * _tRes) - (qSaline * _salineTemperature));
        _drainedToWaste += qDrain * h;
        _salinePoured += qSaline * h;

        _tHx = tHxNew;
        _tLine = tLineNew;
        _vAb = vAbNew;
        _tAb = tAbNew;
        _tTissue = tTissueNew;
        _tCore = tCoreNew;
        _tOutCell = tCellNew;
        _vRes = vResNew;
        _tRes = tResNew;
        _time += h;

        _heaterPower = heaterPower;
        _heatToFluid = heatToFluid;
        _tHeaterOut = outlet;
        _qPump = qPump;
        _qIn = qIn;
        _qOut = qOut;
        _qLeak = qLeak;
        _pAb = AbdominalPressureOf(_vAb);
        _heatToPatient = heatToPatient;
        _inflowHeat = _cv * qInPos * (_tLine - _tAb);
    }

    /// <summary>
    /// This sub-step's drain and pour rates (mL/s) of the exchange under way: draining from its start until its volume is
    /// gone (never more than the reservoir holds), pouring from its lag until its volume is in; the exchange ends then.
    /// </summary>
    private (double Drain, double Pour) ExchangeFlows(double h, double reservoirBeforeExchange)
    {
        if (_exchange is null)
        {
            return (0, 0);
        }

        var t = _exchangeTime;
        var drainUntil = _exchangeVolume / _exchangeRate;
        var drain = t < drainUntil ? Math.Min(_exchangeRate * Math.Min(h, drainUntil - t) / h, reservoirBeforeExchange / h) : 0;
        var pourFrom = _exchangeLag;
        var pourUntil = pourFrom + drainUntil;
        var pourTime = Math.Max(0, Math.Min(t + h, pourUntil) - Math.Max(t, pourFrom));
        var pour = _exchangeRate * pourTime / h;
        _exchangeTime = t + h;
        // Sub-steps summed in floating point land a hair short of the end: within a nanosecond (≈ 1e-8 mL) it is over.
        const double endWithin = 1e-9;
        if (_exchangeTime >= pourUntil - endWithin && _exchangeTime >= drainUntil - endWithin)
        {
            _exchange = null;
        }

        return (drain, pour);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"t={_time:0.0}s res={_vRes:0}mL/{_tRes:0.00}°C in={_tLine:0.00}°C ab={_vAb:0}mL/{_tAb:0.00}°C core={_tCore:0.00}°C P={_pLine:0}mmHg");
}
