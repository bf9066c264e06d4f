using System.CommandLine;
using HipecSafe.Device;

return DeviceCommand.Create().Parse(args).Invoke();
