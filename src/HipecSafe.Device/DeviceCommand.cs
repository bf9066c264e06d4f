using System.CommandLine;
using System.Globalization;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Profile;
using HipecSafe.DeviceHost;
using HipecSafe.Devices.Transport;

namespace HipecSafe.Device;

/// <summary>
/// <c>hipecsafe-device</c>: the controller as a service (src/HipecSafe.Device/deploy/hipecsafe-device.service). It reads its configuration,
/// runs the controller in real time against the boards until SIGTERM or SIGINT, then writes the safe command, seals
/// the hazard log and exits 0. Operator actions are read from stdin when one is attached. Exit codes: 0 stopped on
/// request, 1 the controller stopped cycling, 2 cannot start (configuration, profile, port or log).
/// </summary>
internal static class DeviceCommand
{
    public static RootCommand Create()
    {
        var config = new Option<string>("--config") { Description = "the device configuration file", DefaultValueFactory = _ => DeviceConfig.DefaultPath };
        var check = new Option<bool>("--check") { Description = "check the configuration and its profile, then exit (0 usable, 2 not)" };
        var root = new RootCommand("HipecSafe HIPEC perfusion controller (device service)") { config, check };
        root.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(check)));
        return root;
    }

    private static int Run(string configPath, bool checkOnly)
    {
        DeviceConfig config;
        TreatmentProfile profile;
        try
        {
            config = DeviceConfigLoader.Load(configPath);
            profile = ProfileLoader.Load(config.Profile);
        }
        catch (DeviceConfigException e)
        {
            Console.Error.WriteLine($"hipecsafe-device: {e.Message}");
            return RunOutcome.CannotStart;
        }
        catch (ProfileException e)
        {
            Console.Error.WriteLine($"hipecsafe-device: profile: {e.Message}");
            return RunOutcome.CannotStart;
        }

        if (checkOnly)
        {
            Console.Out.WriteLine($"{configPath}: usable — device '{config.DeviceId}', boards on {config.Port}, profile '{profile.Name}', hazard logs in {config.LogDirectory}");
            return 0;
        }

        SerialDevice device;
        var logPath = Path.Combine(config.LogDirectory, string.Create(CultureInfo.InvariantCulture, $"hazard-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.jsonl"));
        try
        {
            Directory.CreateDirectory(config.LogDirectory);
            device = new SerialDevice(new SerialDeviceOptions(config.Port, profile, logPath)
            {
                DeviceId = config.DeviceId,
                ResponseTimeout = config.ResponseTimeout,
                PreviousRunLog = PreviousRunLog.Find(config.LogDirectory, "hazard-*.jsonl", logPath),
            });
        }
        catch (SerialPortOpenException e)
        {
            Console.Error.WriteLine($"hipecsafe-device: {e.Message}");
            return RunOutcome.CannotStart;
        }
        catch (HazardLogCorruptException e)
        {
            Console.Error.WriteLine($"hipecsafe-device: hazard log {logPath} is corrupt, refusing to append to it: {e.Message}");
            return RunOutcome.CannotStart;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"hipecsafe-device: cannot open hazard log {logPath}: {e.Message}");
            return RunOutcome.CannotStart;
        }

        using (device)
        using (var stop = new StopSignal())
        {
            Console.Out.WriteLine($"hipecsafe-device '{config.DeviceId}': boards on {config.Port}, profile '{profile.Name}', hazard log {logPath}");
            device.Start();
            var code = DeviceRun.Watch(device, stop, new DeviceRunOptions(Console.Out, Console.Error)
            {
                EndOnOutcome = false,
                Console = ConsoleOperator.Start(Console.In, Console.Out),
            });
            var failure = device.StopAndLeaveSafe(code == RunOutcome.Interrupted ? "stop requested (SIGTERM or SIGINT)" : "the controller stopped cycling");
            Console.Out.WriteLine(failure is null
                ? "stopped: safe command written, heartbeat stopped, hazard log sealed"
                : $"stopped: the final safe command did not reach the board ({failure}); the board's watchdog latches it safe; hazard log sealed");
            return code == RunOutcome.Interrupted ? 0 : code;
        }
    }
}
