namespace Gazette.Cli;

/// <summary>
/// A verb's arguments read one way for every verb: options that take a value (<c>--email E</c>), switches
/// (<c>--download</c>), configuration overrides (<c>--Section:Key value</c>, as the web server takes them) and the
/// positional arguments, with a one-line reason for what is wrong (an unknown option, an option without its value, one
/// positional argument too many), so each verb only says which it takes.
/// </summary>
public sealed class VerbArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> switches = new(StringComparer.Ordinal);

    private VerbArguments()
    {
    }

    /// <summary>The positional arguments, in order.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>Configuration overrides (<c>--Gazette:DataDirectory /srv/site</c>) for the verb's host.</summary>
    public List<KeyValuePair<string, string?>> Settings { get; } = [];

    /// <summary>The value given to <paramref name="option"/>, or null when it was not given.</summary>
    public string? this[string option] => values.GetValueOrDefault(option);

    public bool Has(string switchName) => switches.Contains(switchName);

    /// <summary>Whether the arguments ask for the verb's usage (<c>--help</c> or <c>-h</c> anywhere).</summary>
    public static bool AskHelp(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h");

    /// <summary>
    /// Reads <paramref name="args"/>; null with the reason in <paramref name="problem"/> when they do not fit what the
    /// verb takes. An option given twice keeps its last value.
    /// </summary>
    public static VerbArguments? Read(IReadOnlyList<string> args, string[] options, string[]? switchNames, int positional, out string problem)
    {
        var read = new VerbArguments();
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (options.Contains(arg))
            {
                if (i + 1 >= args.Count || string.IsNullOrEmpty(args[i + 1]))
                {
                    problem = $"{arg} needs a value";
                    return null;
                }
                read.values[arg] = args[++i];
            }
            else if (switchNames?.Contains(arg) == true)
            {
                read.switches.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':') && i + 1 < args.Count)
            {
                read.Settings.Add(new(arg[2..], args[++i]));
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                problem = $"unknown argument '{arg}'";
                return null;
            }
            else if (read.Positional.Count < positional)
            {
                read.Positional.Add(arg);
            }
            else
            {
                problem = $"unexpected argument '{arg}'";
                return null;
            }
        }
        return read;
    }
}
