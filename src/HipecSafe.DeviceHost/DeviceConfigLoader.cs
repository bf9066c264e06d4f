using System.Globalization;
using System.IO.Ports;
using HipecSafe.Core.Yaml;
using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;

namespace HipecSafe.DeviceHost;

/// <summary>
/// Reads the device configuration (YAML). Every problem is reported with its field, line and value, all at once;
/// unknown keys are refused (a misspelt key must not silently fall back to a default).
/// <code>
/// device_id: hipecsafe-01
/// serial:
///   port: /dev/ttyUSB0          # required
///   baud: 115200                # optional
///   parity: even                # optional: even, odd or none
///   response_timeout_ms: 30     # optional, 30..100 (docs/icd.md §3: 30 ms)
/// profile: default              # 'default' or the path of a profile file
/// log_directory: /var/lib/hipecsafe
/// </code>
/// </summary>
public static class DeviceConfigLoader
{
    private static readonly int[] BaudRates = [9600, 19200, 38400, 57600, 115200, 230400];

    public static DeviceConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DeviceConfigException(path, [$"(file): '{path}' does not exist"]);
        }

        var info = new FileInfo(path);
        if (info.Length > YamlTreeReader.MaxCharacters)
        {
            throw new DeviceConfigException(path, [$"(file): {info.Length} bytes is more than a device configuration can be ({YamlTreeReader.MaxCharacters})"]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static DeviceConfig Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var yamlProblems = new List<YamlProblem>();
        var root = YamlTreeReader.ReadMapping(text, "a device configuration mapping (device_id, serial, profile, log_directory)", yamlProblems);
        var problems = yamlProblems.Select(p => $"{p.Field} (line {p.Line}): {p.Message}").ToList();
        if (root is null)
        {
            throw new DeviceConfigException(source, problems);
        }

        var top = new Fields(root, "", problems, ["device_id", "serial", "profile", "log_directory"]);
        var deviceId = top.Text("device_id", required: true);
        var profile = top.Text("profile", required: true);
        var logDirectory = top.Text("log_directory", required: true);
        string? port = null;
        var baud = SerialPortOptions.DefaultBaudRate;
        var parity = Parity.Even;
        var timeout = ModbusMasterOptions.DefaultResponseTimeout;
        if (top.Mapping("serial") is { } serialNode)
        {
            var serial = new Fields(serialNode, "serial.", problems, ["port", "baud", "parity", "response_timeout_ms"]);
            port = serial.Text("port", required: true);
            if (serial.Integer("baud") is { } b)
            {
                if (BaudRates.Contains(b))
                {
                    baud = b;
                }
                else
                {
                    serial.Problem("baud", $"{b} is not one of {string.Join(", ", BaudRates)}");
                }
            }

            switch (serial.Text("parity", required: false))
            {
                case null or "even":
                    break;
                case "odd":
                    parity = Parity.Odd;
                    break;
                case "none":
                    parity = Parity.None;
                    break;
                case var other:
                    serial.Problem("parity", $"'{other}' is not even, odd or none");
                    break;
            }

            if (serial.Integer("response_timeout_ms") is { } ms)
            {
                var t = TimeSpan.FromMilliseconds(ms);
                if (t < DeviceConfig.MinResponseTimeout || t > DeviceConfig.MaxResponseTimeout)
                {
                    serial.Problem("response_timeout_ms", string.Create(CultureInfo.InvariantCulture,
                        $"{ms} ms is outside {DeviceConfig.MinResponseTimeout.TotalMilliseconds:0}..{DeviceConfig.MaxResponseTimeout.TotalMilliseconds:0} ms"));
                }
                else
                {
                    timeout = t;
                }
            }
        }
        else if (!top.Has("serial"))
        {
            problems.Add("serial (line 1): is required (the boards' port: serial.port)");
        }

        if (problems.Count > 0)
        {
            throw new DeviceConfigException(source, problems);
        }

        return new DeviceConfig(deviceId!, new SerialPortOptions(port!) { BaudRate = baud, Parity = parity }, profile!, logDirectory!, timeout);
    }

    /// <summary>Typed reads of one mapping's fields; every unknown key and every bad value becomes a problem.</summary>
    private sealed class Fields
    {
        private readonly YamlMapping _mapping;
        private readonly string _prefix;
        private readonly List<string> _problems;

        public Fields(YamlMapping mapping, string prefix, List<string> problems, IReadOnlyList<string> known)
        {
            _mapping = mapping;
            _prefix = prefix;
            _problems = problems;
            foreach (var entry in mapping.Entries.Where(e => !known.Contains(e.Key, StringComparer.Ordinal)))
            {
                problems.Add($"{prefix}{entry.Key} (line {entry.KeyLine}): unknown key; known here: {string.Join(", ", known)}");
            }
        }

        public bool Has(string key) => Find(key) is not null;

        public string? Text(string key, bool required)
        {
            switch (Find(key))
            {
                case null:
                    if (required)
                    {
                        _problems.Add($"{_prefix}{key} (line {_mapping.Line}): is required");
                    }

                    return null;
                case { Value: YamlScalar { IsNull: false } s }:
                    return s.Value.Trim().Length == 0 ? Bad(key, s.Line, "is empty") : s.Value;
                case var e:
                    return Bad(key, e.KeyLine, $"must be a text value, found {e.Value.Describe()}");
            }
        }

        public int? Integer(string key)
        {
            if (Find(key) is not { } entry)
            {
                return null;
            }

            if (entry.Value is YamlScalar { IsNull: false } s && int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            _problems.Add($"{_prefix}{key} (line {entry.KeyLine}): must be a whole positive number, found {entry.Value.Describe()}");
            return null;
        }

        public YamlMapping? Mapping(string key)
        {
            if (Find(key) is not { } entry)
            {
                return null;
            }

            if (entry.Value is YamlMapping m)
            {
                return m;
            }

            _problems.Add($"{_prefix}{key} (line {entry.KeyLine}): must be a mapping, found {entry.Value.Describe()}");
            return null;
        }

        public void Problem(string key, string message) =>
            _problems.Add($"{_prefix}{key} (line {Find(key)?.KeyLine ?? _mapping.Line}): {message}");

        private string? Bad(string key, int line, string message)
        {
            _problems.Add($"{_prefix}{key} (line {line}): {message}");
            return null;
        }

        private YamlEntry? Find(string key) => _mapping.Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));
    }
}
