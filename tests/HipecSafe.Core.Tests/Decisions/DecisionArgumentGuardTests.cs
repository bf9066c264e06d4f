using HipecSafe.Core.Control;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Tests.Interlocks;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Bad arguments to the cycle's decision units are refused with an exception naming the argument, before any state is
/// touched (bad input gets a clear, specific error), rather than a NullReferenceException from somewhere inside.
/// </summary>
public class DecisionArgumentGuardTests
{
    private static ProcedureStep Procedure() => new(ProcedureRig.Profile, new ControlLaw(), InterlockRig.Cycle, ProcedureRig.ControlLoop);

    [Fact]
    public void The_procedure_step_refuses_a_missing_profile_law_or_component_and_a_period_that_is_not_positive()
    {
        var law = new ControlLaw();
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => new ProcedureStep(null!, law, InterlockRig.Cycle, "c")).ParamName);
        Assert.Equal("law", Assert.Throws<ArgumentNullException>(() => new ProcedureStep(ProcedureRig.Profile, null!, InterlockRig.Cycle, "c")).ParamName);
        Assert.Equal("cyclePeriod", Assert.Throws<ArgumentOutOfRangeException>(() => new ProcedureStep(ProcedureRig.Profile, law, TimeSpan.Zero, "c")).ParamName);
        Assert.Equal("controlComponent", Assert.Throws<ArgumentException>(() => new ProcedureStep(ProcedureRig.Profile, law, InterlockRig.Cycle, " ")).ParamName);
    }

    [Fact]
    public void A_procedure_step_without_state_or_input_is_refused()
    {
        var procedure = Procedure();
        var input = new ProcedureRig().Input(InterlockRig.Cycle, [], []);

        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => procedure.Step(null!, input)).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => procedure.Step(procedure.Initial, null!)).ParamName);
    }

    [Fact]
    public void A_gate_without_engine_and_a_decision_without_state_or_input_are_refused()
    {
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => new SafetyGate((HipecSafe.Core.Interlocks.InterlockEngine)null!)).ParamName);
        var gate = new SafetyGate(InterlockRig.Limits);
        var input = new GateInput(0, TimeSpan.Zero, null, HealthStatus.AllAnswered, null, []);

        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => gate.Decide(null!, input)).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => gate.Decide(gate.Initial, null!)).ParamName);
    }

    [Fact]
    public void A_cycle_without_state_or_input_is_refused_and_so_is_a_trace_of_no_rules()
    {
        var core = new CycleCore(Procedure(), new SafetyGate(InterlockRig.Limits));
        var input = new CycleInput(0, TimeSpan.Zero, new ProcedureRig().Readout(), HealthStatus.AllAnswered, [], []);

        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => core.Run(null!, input)).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => core.Run(core.Initial, null!)).ParamName);
        Assert.Equal("rules", Assert.Throws<ArgumentNullException>(() => GateTrace.Links(null!)).ParamName);
    }

    [Fact]
    public void The_restart_units_refuse_a_missing_resume_checkpoint_or_record_list()
    {
        Assert.Equal("resume", Assert.Throws<ArgumentNullException>(() => Procedure().ResumeFrom(null!)).ParamName);
        Assert.Equal("kept", Assert.Throws<ArgumentNullException>(() => CircuitVolumeBaseline.From(null!)).ParamName);
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => ProcedureResume.From(null!)).ParamName);
        Assert.Equal("checkpoint", Assert.Throws<ArgumentNullException>(
            () => ProcedureResume.WorkingPhase((HipecSafe.Core.HazardLog.ProcedureCheckpointEntry)null!)).ParamName);
    }

    [Fact]
    public void The_chemo_time_judges_refuse_a_missing_readout_sample_or_profile()
    {
        var rig = new ProcedureRig();
        var readout = rig.Readout();
        var sensors = new ValidatorRig(HipecSafe.Core.Sensors.Validation.SensorValidationLimits.For(ProcedureRig.Profile.Limits)).Validate(TimeSpan.Zero, readout.Frame);

        Assert.Equal("readout", Assert.Throws<ArgumentNullException>(() => PumpTurning.WhyNot(null!)).ParamName);
        Assert.Equal("readout", Assert.Throws<ArgumentNullException>(() => HyperthermicPerfusion.WhyNot(null!, sensors, ProcedureRig.Profile)).ParamName);
        Assert.Equal("sensors", Assert.Throws<ArgumentNullException>(() => HyperthermicPerfusion.WhyNot(readout, null!, ProcedureRig.Profile)).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => HyperthermicPerfusion.WhyNot(readout, sensors, null!)).ParamName);
    }
}
