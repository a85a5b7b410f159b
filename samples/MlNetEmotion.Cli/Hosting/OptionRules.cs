using System.CommandLine;
using System.Globalization;

namespace MlNetEmotion.Cli.Hosting;

/// <summary>Range rules for numeric options, checked while parsing so that a value out of range is a usage error
/// (exit code 2) naming the option, the value and the range, before any work starts.</summary>
internal static class OptionRules
{
    /// <summary>Requires an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> Within(this Option<int> option, int min, int max = int.MaxValue) =>
        option.Require(v => v >= min && v <= max, Range(min, max));

    /// <summary>Requires an integer in [<paramref name="min"/>, <paramref name="max"/>] when given.</summary>
    public static Option<int?> Within(this Option<int?> option, int min, int max = int.MaxValue) =>
        option.Require(v => v is null || (v >= min && v <= max), Range(min, max));

    /// <summary>Requires a finite number above <paramref name="min"/> (or equal to it when <paramref name="minIncluded"/>)
    /// and below <paramref name="max"/> (or equal to it when <paramref name="maxIncluded"/>).</summary>
    public static Option<double> Within(this Option<double> option, double min, double max, bool minIncluded = false, bool maxIncluded = true) =>
        option.Require(v => InInterval(v, min, max, minIncluded, maxIncluded), Interval(min, max, minIncluded, maxIncluded));

    /// <summary>As <see cref="Within(Option{double}, double, double, bool, bool)"/>, when given.</summary>
    public static Option<double?> Within(this Option<double?> option, double min, double max, bool minIncluded = false, bool maxIncluded = true) =>
        option.Require(v => v is not { } x || InInterval(x, min, max, minIncluded, maxIncluded), Interval(min, max, minIncluded, maxIncluded));

    /// <summary>Requires the value given to satisfy <paramref name="valid"/>; <paramref name="expected"/> says what is
    /// accepted (defaults are not checked).</summary>
    public static Option<T> Require<T>(this Option<T> option, Func<T, bool> valid, string expected)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            T value = result.GetValueOrDefault<T>();
            if (!valid(value))
                result.AddError($"{option.Name} must be {expected}; got '{string.Join(' ', result.Tokens.Select(t => t.Value))}'.");
        });
        return option;
    }

    private static bool InInterval(double v, double min, double max, bool minIncluded, bool maxIncluded) =>
        double.IsFinite(v) && (minIncluded ? v >= min : v > min) && (maxIncluded ? v <= max : v < max);

    private static string Range(int min, int max) => max == int.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"an integer >= {min}")
        : string.Create(CultureInfo.InvariantCulture, $"an integer in {min}..{max}");

    private static string Interval(double min, double max, bool minIncluded, bool maxIncluded) => double.IsPositiveInfinity(max)
        ? string.Create(CultureInfo.InvariantCulture, $"a finite number {(minIncluded ? ">=" : ">")} {min}")
        : string.Create(CultureInfo.InvariantCulture, $"a number in {(minIncluded ? '[' : '(')}{min}, {max}{(maxIncluded ? ']' : ')')}");
}
