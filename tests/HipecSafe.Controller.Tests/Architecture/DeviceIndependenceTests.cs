using System.Reflection;
using System.Xml.Linq;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Architecture;

/// <summary>
/// The shipped device (Core, Devices, Controller) must never depend on the rig: the Modbus slave engine, the
/// in-memory serial line, the board emulators and the plant live under hil/ and are test tools only.
/// </summary>
public class DeviceIndependenceTests
{
    public static TheoryData<string> DeviceProjects => new() { "HipecSafe.Core", "HipecSafe.Devices", "HipecSafe.Controller" };

    [Theory]
    [MemberData(nameof(DeviceProjects))]
    public void A_device_project_references_no_project_under_hil(string project)
    {
        var path = RepositoryLayout.PathOf("src", project, project + ".csproj");
        var references = XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include") ?? "")
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Replace('\\', '/'))));

        var hil = RepositoryLayout.PathOf("hil") + Path.DirectorySeparatorChar;
        Assert.DoesNotContain(references, r => r.StartsWith(hil, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DeviceProjects))]
    public void A_device_assembly_loads_nothing_of_the_rig(string assembly)
    {
        var loaded = Assembly.Load(assembly);

        Assert.DoesNotContain(loaded.GetReferencedAssemblies(), r => r.Name!.StartsWith("HipecSafe.Hil", StringComparison.Ordinal));
    }
}
