using HipecSafe.Core.Profile;
using HipecSafe.Devices.Transport;
using HipecSafe.DeviceHost;
using HipecSafe.Hil.RealTime;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// <c>hipecsafe hil boards</c> and <c>hipecsafe run</c>: they exist, refuse a port they cannot use with an error
/// that names it and says why (exit 2), refuse bad option values by name, and run against each other over a pty
/// pair, the controller leaving the boards latched safe when it stops.
/// </summary>
[Collection(RealTimeSerialGroup.Name)]
[Trait("Category", RealTimeSerialGroup.Category)]
public sealed class CommandLineTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    [Fact]
    [Verifies("SRS-HS-003")]
    public void A_missing_port_is_refused_in_process_naming_the_port_and_no_hazard_log_is_started()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("no-such-tty");
        var log = dir.File("hazard.log");

        var boards = Assert.Throws<SerialPortOpenException>(() => new RealTimeBoards(new RealTimeBoardsOptions(new SerialPortOptions(missing))));
        Assert.Contains($"'{missing}'", boards.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", boards.Message, StringComparison.Ordinal);

        var controller = Assert.Throws<SerialPortOpenException>(() => new SerialDevice(new SerialDeviceOptions(new SerialPortOptions(missing), TreatmentProfile.Default, log)));
        Assert.Contains($"'{missing}'", controller.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", controller.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(log), "a run that cannot open its port must not start a hazard log");
    }

    [Theory]
    [Verifies("SRS-HS-003")]
    [InlineData("hil", "boards")]
    [InlineData("run")]
    public void A_missing_or_unusable_port_exits_2_with_an_error_that_names_it(params string[] command)
    {
        using var dir = new TempDirectory();
        var missing = dir.File("ttyUSB9");
        var file = dir.File("not-a-port.txt");
        File.WriteAllText(file, "");
        var log = dir.File("run.log");
        string[] Args(string port) => command[0] == "run" ? [.. command, "--port", port, "--log", log] : [.. command, "--port", port];

        using (var cli = CliUnderTest.Run(dir.Path, Guard, Args(missing)))
        {
            output.WriteLine(cli.Stderr);
            Assert.Equal(2, cli.ExitCode);
            Assert.Contains($"cannot open serial port '{missing}'", cli.Stderr, StringComparison.Ordinal);
            Assert.Contains("the device does not exist", cli.Stderr, StringComparison.Ordinal);
        }

        using (var cli = CliUnderTest.Run(dir.Path, Guard, Args(file)))
        {
            output.WriteLine(cli.Stderr);
            Assert.Equal(2, cli.ExitCode);
            Assert.Contains($"'{file}' is an ordinary file, not a serial device", cli.Stderr, StringComparison.Ordinal);
        }

        using (var cli = CliUnderTest.Run(dir.Path, Guard, Args(dir.Path)))
        {
            output.WriteLine(cli.Stderr);
            Assert.Equal(2, cli.ExitCode);
            Assert.Contains($"'{dir.Path}' is a directory, not a serial device", cli.Stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(log), "a run that cannot open its port must not start a hazard log");
    }

    [Theory]
    [Verifies("SRS-HS-003")]
    [InlineData("--port", new[] { "hil", "boards" })]
    [InlineData("--port", new[] { "run" })]
    [InlineData("--baud must be a positive number of bit/s, got 0", new[] { "hil", "boards", "--port", "/dev/null", "--baud", "0" })]
    [InlineData("--baud must be a positive number of bit/s, got -9600", new[] { "run", "--port", "/dev/null", "--baud", "-9600" })]
    [InlineData("--duration: '90' is not a duration", new[] { "run", "--port", "/dev/null", "--duration", "90" })]
    [InlineData("--duration must be longer than zero, got '0s'", new[] { "run", "--port", "/dev/null", "--duration", "0s" })]
    [InlineData("--parity must be even, odd or none, got 'mark'", new[] { "run", "--port", "/dev/null", "--parity", "mark" })]
    public void Bad_options_are_refused_by_name_before_anything_opens(string expected, string[] args)
    {
        using var dir = new TempDirectory();
        using var cli = CliUnderTest.Run(dir.Path, Guard, args);
        output.WriteLine(cli.Stderr);
        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains(expected, cli.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(dir.Path));
    }

    [Fact]
    [Verifies("SRS-HS-003")]
    public void Run_against_hil_boards_over_a_pty_pair_stops_at_its_duration_and_leaves_the_boards_latched_safe()
    {
        using var dir = new TempDirectory();
        using var pty = new PtyPair(dir.Path);
        var log = dir.File("run.log");
        using var boards = CliUnderTest.Start(dir.Path, "hil", "boards", "--port", pty.BoardsEnd, "--warm-start", "--seed", "5");
        Assert.True(boards.WaitForOutputOrExit("boards answering on", Guard), $"the boards did not start: {boards.Stdout} {boards.Stderr}");

        using (var run = CliUnderTest.Run(dir.Path, Guard, "run", "--port", pty.ControllerEnd, "--auto", "--duration", "12s", "--log", log))
        {
            output.WriteLine(run.Stdout);
            output.WriteLine(run.Stderr);
            Assert.Equal(3, run.ExitCode);
            Assert.Contains("phase PowerOnSelfTest → Standby", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("operator (auto): StartPriming: accepted", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("phase Standby → Priming", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("--duration 12s reached in Priming", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("controller stopped: safe command written", run.Stdout, StringComparison.Ordinal);
        }

        // The heartbeat stopped with the controller: the boards' own watchdog latches them.
        boards.WaitForOutput("actuator board SAFE-LATCHED by its watchdog", Guard);
        boards.Terminate();
        boards.WaitForExit(Guard);
        output.WriteLine(boards.Stdout);
        Assert.Equal(0, boards.ExitCode);
        Assert.Contains("pump 0.0 rpm, clamp closed, SAFE-LATCHED by watchdog", boards.Stdout, StringComparison.Ordinal);
        Assert.Contains("boards stopped", boards.Stdout, StringComparison.Ordinal);

        // The hazard log was closed cleanly.
        using var verify = CliUnderTest.Run(dir.Path, Guard, "log", "verify", log);
        output.WriteLine(verify.Stdout);
        Assert.Equal(0, verify.ExitCode);
    }
}
