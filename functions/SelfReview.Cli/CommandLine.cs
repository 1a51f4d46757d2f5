using System.CommandLine;
using System.Globalization;

namespace SelfReview.Cli;

/// <summary>
/// A command's parsed arguments as the commands read them: the positional values and the options by
/// name (<c>line["--out"]</c>, <c>line.Has("--quiet")</c>). Parsing, validation and help are
/// System.CommandLine's (<see cref="CliApp"/>); this only carries its result to the command.
/// </summary>
public sealed class CommandLine
{
    public List<string> Positional { get; } = [];
    public Dictionary<string, string> Options { get; } = [];

    public string? this[string option] => Options.GetValueOrDefault(option);

    public bool Has(string flag) => Options.ContainsKey(flag);

    /// <summary>The values of the invoked command's arguments and of the options given on the line.</summary>
    public static CommandLine From(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = new CommandLine();
        var command = result.CommandResult.Command;
        foreach (var argument in command.Arguments)
        {
            switch (result.GetResult(argument)?.GetValueOrDefault<object>())
            {
                case string[] values:
                    line.Positional.AddRange(values);
                    break;
                case string value:
                    line.Positional.Add(value);
                    break;
            }
        }

        foreach (var option in command.Options)
        {
            if (result.GetResult(option) is not { Implicit: false } given)
            {
                continue;
            }

            var value = given.GetValueOrDefault<object>();
            if (value is bool flag)
            {
                if (flag)
                {
                    line.Options[option.Name] = "true";
                }
            }
            else if (value is not null)
            {
                line.Options[option.Name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        return line;
    }
}
