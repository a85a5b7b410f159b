using System.Diagnostics;

namespace MlNetEmotion.Benchmarks.Harness;

/// <summary>Median wall-clock timing of an action after warm-up runs.</summary>
public static class Timing
{
    /// <summary>Runs <paramref name="action"/> <paramref name="warmup"/> times untimed, then
    /// <paramref name="iterations"/> times timed, and returns the median time in milliseconds.</summary>
    public static double MedianMs(Action action, int warmup = 2, int iterations = 7)
    {
        for (int i = 0; i < warmup; i++) action();
        var times = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[iterations / 2];
    }
}
