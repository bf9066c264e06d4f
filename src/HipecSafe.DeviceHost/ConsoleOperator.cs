using HipecSafe.Core.Operations;

namespace HipecSafe.DeviceHost;

/// <summary>
/// Operator actions typed on a text input (stdin), one per line, by name (case and '-'/'_' ignored, e.g.
/// "add-drug", "EmergencyStop"); an unknown word is answered on the output, never dropped silently.
/// </summary>
public sealed class ConsoleOperator
{
    private readonly Queue<OperatorAction> _queue = new();

    internal ConsoleOperator()
    {
    }

    /// <summary>Starts reading <paramref name="input"/> on a background thread, answering unknown words on <paramref name="output"/>.</summary>
    public static ConsoleOperator Start(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var console = new ConsoleOperator();
        var reader = new Thread(() => console.ReadAll(input, output)) { IsBackground = true, Name = "operator console" };
        reader.Start();
        return console;
    }

    /// <summary>The action a typed line names, or null (with the reason) when it names none.</summary>
    public static OperatorAction? Parse(string line, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        var word = line.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (word.Length > 0 && word.All(char.IsAsciiLetter) && Enum.TryParse<OperatorAction>(word, ignoreCase: true, out var action))
        {
            error = null;
            return action;
        }

        error = $"unknown operator action '{line.Trim()}'; known: {string.Join(", ", Enum.GetNames<OperatorAction>())}";
        return null;
    }

    public bool TryTake(out OperatorAction action)
    {
        lock (_queue)
        {
            return _queue.TryDequeue(out action);
        }
    }

    /// <summary>Reads lines until the input ends (the reading thread's loop).</summary>
    internal void ReadAll(TextReader input, TextWriter output)
    {
        while (input.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (Parse(line, out var error) is { } action)
            {
                lock (_queue)
                {
                    _queue.Enqueue(action);
                }
            }
            else
            {
                output.WriteLine(error);
            }
        }
    }
}
