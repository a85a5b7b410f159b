using System.Collections.Concurrent;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>Collects the worst parity error per quantity so the summary test can print them.</summary>
internal static class ErrorLog
{
    private static readonly ConcurrentDictionary<string, double> Worst = new();

    /// <summary>Remembers <paramref name="error"/> for <paramref name="what"/>.</summary>
    public static void Record(string what, double error) => Worst.AddOrUpdate(what, error, (_, old) => Math.Max(old, error));

    /// <summary>All recorded errors, largest first.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Snapshot() => Worst.OrderByDescending(kv => kv.Value);
}
