using System.CommandLine;
using System.CommandLine.Parsing;
using MlNetEmotion.Cli.Commands;

namespace MlNetEmotion.Cli.Hosting;

/// <summary>The whole <c>mlnet-emotion</c> command tree and its entry point: parse errors (unknown options, values of
/// the wrong type or out of range) become one line on stderr and exit code 2, before any command runs.</summary>
internal static class CliApp
{
    /// <summary>The command tree, with the recursive <c>--verbose</c> option.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("mlnet-emotion: multimodal emotion recognition experiments (EEG, face video, speech).");
        root.Options.Add(CommandRunner.Verbose);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(MetricsCommand.Create());
        root.Subcommands.Add(EegCommands.Create());
        root.Subcommands.Add(FacesCommands.Create());
        root.Subcommands.Add(AudioCommands.Create());
        root.Subcommands.Add(SynthCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count == 0) return parse.Invoke(configuration);
        string command = string.Join(' ', Enumerable.Reverse(CommandPath(parse.CommandResult)));
        configuration.Error.WriteLine($"error: {Describe(parse.Errors[0])} (see '{command} --help')");
        return ExitCodes.Usage;
    }

    /// <summary>The error on one line, prefixed with the option it concerns when the parser's message does not name it.</summary>
    private static string Describe(ParseError error)
    {
        string message = string.Join(' ', error.Message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var option = (error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult)?.Option;
        return option is null || message.Contains(option.Name, StringComparison.Ordinal) ? message : $"{option.Name}: {message}";
    }

    private static IEnumerable<string> CommandPath(CommandResult? result)
    {
        for (; result is not null; result = result.Parent as CommandResult)
            yield return result.Command is RootCommand ? "mlnet-emotion" : result.Command.Name;
    }
}
