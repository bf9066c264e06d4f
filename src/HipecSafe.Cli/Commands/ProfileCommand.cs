using System.CommandLine;
using HipecSafe.Core.Profile;

namespace HipecSafe.Cli.Commands;

/// <summary><c>hipecsafe profile show|check</c>: print the embedded default, or validate a profile file.</summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var show = new Command("show", "Print the embedded default profile (a starting point for your own)");
        show.SetAction(_ =>
        {
            Console.Out.Write(ProfileLoader.EmbeddedDefaultText);
            return 0;
        });

        var path = new Argument<string>("path") { Description = "YAML or JSON profile file" };
        var check = new Command("check", "Validate a profile file against the hard bounds; lists every problem") { path };
        check.SetAction(parse =>
        {
            try
            {
                var profile = Load(parse.GetValue(path)!);
                Console.Out.WriteLine($"profile '{profile.Name}' is valid");
                return 0;
            }
            catch (ProfileException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
        });

        return new Command("profile", "Treatment profiles") { show, check };
    }

    /// <summary>"default" is the embedded profile; anything else is a file path.</summary>
    public static TreatmentProfile Load(string nameOrPath) => ProfileLoader.Load(nameOrPath);
}
