using System.Reflection;
using System.Xml.Linq;
using HipecSafe.TestSupport;

namespace HipecSafe.DeviceHost.Tests;

/// <summary>
/// The shipped device (Core, Devices, Controller, DeviceHost and the hipecsafe-device executable) must never depend on
/// the rig: the plant, the board emulators, the Modbus slave engine, the in-memory serial line, the fault injector and
/// the operator scripts live under hil/ and are verification tools only.
/// </summary>
public class DeviceIndependenceTests
{
    public static TheoryData<string> DeviceProjects => new()
    {
        "HipecSafe.Core", "HipecSafe.Devices", "HipecSafe.Controller", "HipecSafe.DeviceHost", "HipecSafe.Device",
    };

    private static readonly string[] Assemblies = ["HipecSafe.Core", "HipecSafe.Devices", "HipecSafe.Controller", "HipecSafe.DeviceHost"];

    public static TheoryData<string> DeviceAssemblies => new(Assemblies);

    [Theory]
    [MemberData(nameof(DeviceProjects))]
    [Verifies("SRS-DH-001")]
    public void A_device_project_references_nothing_under_hil_directly_or_through_its_references(string project)
    {
        var hil = RepositoryLayout.PathOf("hil") + Path.DirectorySeparatorChar;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([RepositoryLayout.PathOf("src", project, project + ".csproj")]);
        while (pending.TryPop(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            Assert.False(path.StartsWith(hil, StringComparison.Ordinal), $"{project} depends on {path}");
            Assert.True(File.Exists(path), $"{path} (referenced from {project}'s tree) does not exist");
            foreach (var include in XDocument.Load(path).Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include") ?? ""))
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Replace('\\', '/'))));
            }
        }

        Assert.Contains(seen, p => p.EndsWith(project + ".csproj", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DeviceAssemblies))]
    [Verifies("SRS-DH-001")]
    public void A_device_assembly_loads_nothing_of_the_rig(string assembly)
    {
        var loaded = Assembly.Load(assembly);

        Assert.DoesNotContain(loaded.GetReferencedAssemblies(), r => r.Name!.StartsWith("HipecSafe.Hil", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-DH-001")]
    public void The_device_assemblies_hold_no_fault_injection()
    {
        foreach (var name in Assemblies)
        {
            var types = Assembly.Load(name).GetTypes().Select(t => t.Name).ToList();
            Assert.DoesNotContain(types, t => t.StartsWith("Inject", StringComparison.Ordinal) || t.Contains("FaultInjection", StringComparison.Ordinal));
        }
    }
}
