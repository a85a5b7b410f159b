using System.Globalization;
using MlNetEmotion.Fuzz.Tests.Harness;

namespace MlNetEmotion.Fuzz.Tests;

/// <summary>
/// 500 seeded mutations of every format's committed fixtures per run: each must end in the format's typed error or a
/// valid result, within 20 s and 1 GiB allocated. The seed is fixed (bit-identical inputs on every run) unless
/// <c>MLNEMO_FUZZ_SEED</c> sets another.
/// </summary>
public sealed class FuzzTests
{
    private const int InputsPerFormat = 500;

    public static TheoryData<string> Formats => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Mutated_fixtures_end_in_a_typed_error_or_a_valid_result(string format)
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("MLNEMO_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s)
            ? s : 20_261_208;
        var report = FuzzRunner.Run(FuzzTargets.Get(format), InputsPerFormat, seed + format.Length);

        Assert.Equal(InputsPerFormat, report.Inputs);
        Assert.True(report.Failures.Count == 0, string.Join("\n\n", report.Failures.Take(3).Select(f =>
            $"input {f.Index} ({f.Input.Length} bytes, seed {seed + format.Length}): {f.Outcome}: {f.Detail}")));
        // The mutations must exercise both paths: a run that only ever fails the magic check proves nothing.
        Assert.InRange(report.Counts[Outcome.TypedError], 1, InputsPerFormat - 1);
        Assert.InRange(report.Counts[Outcome.Valid], 1, InputsPerFormat - 1);
    }
}
