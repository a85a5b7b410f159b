using Spectre.Console;

namespace MlNetEmotion.Cli.Terminal;

/// <summary>A Spectre console on the command's output (plain text when redirected) that shows one progress bar per
/// progress stage the context reports, created as stages appear.</summary>
internal static class ProgressConsole
{
    /// <summary>A console writing to <paramref name="output"/>: ANSI and live bars only on an interactive terminal.</summary>
    public static IAnsiConsole Create(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 120;
        return console;
    }

    /// <summary>Runs <paramref name="work"/> while the context's progress events (<c>ml.Progress()</c>) drive one bar per stage.</summary>
    public static void Run(IAnsiConsole console, MLContext ml, Action work)
    {
        console.Progress().AutoClear(true).Start(progress =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            var gate = new Lock();
            void OnProgress(object? sender, ProgressEventArgs e)
            {
                lock (gate)
                {
                    if (!tasks.TryGetValue(e.Stage, out var task)) tasks[e.Stage] = task = progress.AddTask(e.Stage, maxValue: Math.Max(1, e.Total));
                    if (e.Total > 0) task.MaxValue = e.Total;
                    task.Value = e.Completed;
                }
            }
            var reporter = ml.Progress();
            reporter.Changed += OnProgress;
            try { work(); }
            finally { reporter.Changed -= OnProgress; }
        });
    }
}
