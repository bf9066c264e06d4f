using System.IO.Ports;
using HipecSafe.TestSupport;

namespace HipecSafe.DeviceHost.Tests;

/// <summary>SRS-DH-002: the device's configuration file; every problem named with its field and line, all at once.</summary>
public class DeviceConfigLoaderTests
{
    private const string Valid = """
        device_id: hipecsafe-07
        serial:
          port: /dev/ttyUSB3
          baud: 57600
          parity: odd
          response_timeout_ms: 40
        profile: default
        log_directory: /var/lib/hipecsafe
        """;

    [Fact]
    [Verifies("SRS-DH-002")]
    public void A_complete_file_gives_every_value_as_written()
    {
        var config = DeviceConfigLoader.Parse(Valid, "device.yaml");

        Assert.Equal("hipecsafe-07", config.DeviceId);
        Assert.Equal("/dev/ttyUSB3", config.Port.PortName);
        Assert.Equal(57600, config.Port.BaudRate);
        Assert.Equal(Parity.Odd, config.Port.Parity);
        Assert.Equal(TimeSpan.FromMilliseconds(40), config.ResponseTimeout);
        Assert.Equal("default", config.Profile);
        Assert.Equal("/var/lib/hipecsafe", config.LogDirectory);
    }

    [Fact]
    [Verifies("SRS-DH-002")]
    public void Optional_serial_settings_default_to_the_icd_line_settings()
    {
        var config = DeviceConfigLoader.Parse("""
            device_id: d
            serial:
              port: /dev/ttyS0
            profile: default
            log_directory: logs
            """, "device.yaml");

        Assert.Equal(115200, config.Port.BaudRate); // docs/icd.md: 115200 baud, 8E1
        Assert.Equal(Parity.Even, config.Port.Parity);
        Assert.Equal(8, config.Port.DataBits);
        Assert.Equal(StopBits.One, config.Port.StopBits);
        Assert.Equal(TimeSpan.FromMilliseconds(30), config.ResponseTimeout); // docs/icd.md §3
    }

    [Fact]
    [Verifies("SRS-DH-002")]
    public void The_shipped_sample_configuration_is_usable()
    {
        var config = DeviceConfigLoader.Load(RepositoryLayout.PathOf("src", "HipecSafe.Device", "deploy", "device.yaml"));

        Assert.Equal("/dev/ttyUSB0", config.Port.PortName);
        Assert.Equal("default", config.Profile);
    }

    [Theory]
    [Verifies("SRS-DH-002")]
    [InlineData("device_id: d\nserial: {port: /dev/x}\nprofile: default\nlog_directory: l\nlog_dir: m\n", "log_dir (line 5): unknown key")]
    [InlineData("device_id: d\nserial: {port: /dev/x, speed: 9600}\nprofile: default\nlog_directory: l\n", "serial.speed (line 2): unknown key")]
    [InlineData("serial: {port: /dev/x}\nprofile: default\nlog_directory: l\n", "device_id (line 1): is required")]
    [InlineData("device_id: d\nprofile: default\nlog_directory: l\n", "serial (line 1): is required")]
    [InlineData("device_id: d\nserial: {baud: 9600}\nprofile: default\nlog_directory: l\n", "serial.port (line 2): is required")]
    [InlineData("device_id: d\nserial: {port: /dev/x, baud: 14400}\nprofile: default\nlog_directory: l\n", "serial.baud (line 2): 14400 is not one of")]
    [InlineData("device_id: d\nserial: {port: /dev/x, baud: fast}\nprofile: default\nlog_directory: l\n", "serial.baud (line 2): must be a whole positive number, found 'fast'")]
    [InlineData("device_id: d\nserial: {port: /dev/x, parity: mark}\nprofile: default\nlog_directory: l\n", "serial.parity (line 2): 'mark' is not even, odd or none")]
    [InlineData("device_id: d\nserial: {port: /dev/x, response_timeout_ms: 20}\nprofile: default\nlog_directory: l\n", "serial.response_timeout_ms (line 2): 20 ms is outside 30..100 ms")]
    [InlineData("device_id: d\nserial: {port: /dev/x, response_timeout_ms: 101}\nprofile: default\nlog_directory: l\n", "serial.response_timeout_ms (line 2): 101 ms is outside 30..100 ms")]
    [InlineData("device_id: d\nserial: /dev/x\nprofile: default\nlog_directory: l\n", "serial (line 2): must be a mapping")]
    [InlineData("device_id: [a, b]\nserial: {port: /dev/x}\nprofile: default\nlog_directory: l\n", "device_id (line 1): must be a text value")]
    [InlineData("device_id: '  '\nserial: {port: /dev/x}\nprofile: default\nlog_directory: l\n", "device_id (line 1): is empty")]
    [InlineData("- a\n- b\n", "expected a device configuration mapping")]
    [InlineData("", "the file is empty")]
    public void A_bad_file_is_refused_naming_the_field_the_line_and_the_value(string text, string expected)
    {
        var e = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Parse(text, "device.yaml"));

        Assert.Contains(e.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-DH-002")]
    public void Every_problem_is_reported_at_once()
    {
        var e = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Parse("""
            serial:
              port: /dev/x
              baud: 1
              parity: mark
            colour: blue
            """, "device.yaml"));

        Assert.Contains(e.Problems, p => p.StartsWith("colour (line 5)", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("serial.baud (line 3)", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("serial.parity (line 4)", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("device_id", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("profile", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("log_directory", StringComparison.Ordinal));
        Assert.Contains("device.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-DH-002")]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "hipecsafe-no-such-config-" + Guid.NewGuid().ToString("N") + ".yaml");

        var e = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load(path));

        Assert.Contains(path, e.Problems.Single(), StringComparison.Ordinal);
    }
}
