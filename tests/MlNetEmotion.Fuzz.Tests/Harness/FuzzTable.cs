using System.Globalization;
using System.Text;

namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>Formats the per-format counts of a run as a Markdown table.</summary>
public static class FuzzTable
{
    /// <summary>The table: one row per format and a total row; "other" adds untyped exceptions, timeouts and memory overruns.</summary>
    public static string Format(IReadOnlyList<FuzzReport> reports)
    {
        var text = new StringBuilder();
        text.AppendLine("| format | inputs | typed errors | valid results | other (untyped / timeout / memory) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in reports) Row(text, r.Target, r.Inputs, r.Counts[Outcome.TypedError], r.Counts[Outcome.Valid], Others(r));
        Row(text, "**all**", reports.Sum(r => r.Inputs), reports.Sum(r => r.Counts[Outcome.TypedError]), reports.Sum(r => r.Counts[Outcome.Valid]),
            (reports.Sum(r => r.Counts[Outcome.Other]), reports.Sum(r => r.Counts[Outcome.Timeout]), reports.Sum(r => r.Counts[Outcome.OverMemory])));
        return text.ToString();
    }

    private static (int Other, int Timeout, int Memory) Others(FuzzReport r) =>
        (r.Counts[Outcome.Other], r.Counts[Outcome.Timeout], r.Counts[Outcome.OverMemory]);

    private static void Row(StringBuilder text, string name, int inputs, int typed, int valid, (int Other, int Timeout, int Memory) others) =>
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {inputs} | {typed} | {valid} | {others.Other + others.Timeout + others.Memory} ({others.Other} / {others.Timeout} / {others.Memory}) |"));
}
