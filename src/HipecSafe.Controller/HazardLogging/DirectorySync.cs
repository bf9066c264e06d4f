using System.Runtime.InteropServices;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// fsync of a directory, so that a newly created log file's name is on stable storage. .NET cannot open a directory
/// as a file on Unix, hence the three libc calls. On Windows the file system journals the name itself.
/// </summary>
internal static class DirectorySync
{
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        int descriptor;
        try
        {
            descriptor = NativeMethods.open(directory, 0 /* O_RDONLY */);
        }
        catch (Exception missing) when (missing is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call (an unusual runtime image): the file itself is still synced; only its name is not.
            return;
        }

        if (descriptor < 0)
        {
            throw new IOException($"cannot open directory '{directory}' to sync it", Marshal.GetLastPInvokeError());
        }

        try
        {
            if (NativeMethods.fsync(descriptor) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed", Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            _ = NativeMethods.close(descriptor);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int fsync(int descriptor);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int close(int descriptor);
    }
}
