using MlNetEmotion.Fuzz.Tests.Harness;

namespace MlNetEmotion.Fuzz.Tests;

/// <summary>Every input a fuzzing run found crashing, committed under <c>tests/data/fuzz/FORMAT/</c>: now a typed error.</summary>
public sealed class RegressionTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        string root = Path.Combine(FuzzTargets.DataRoot, "fuzz");
        foreach (string format in FuzzTargets.Names)
        {
            string folder = Path.Combine(root, format);
            if (!Directory.Exists(folder)) continue;
            foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal)) data.Add(format, Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Committed_crash_input_is_refused_with_the_typed_error(string format, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(FuzzTargets.DataRoot, "fuzz", format, file));
        string folder = Path.Combine(Path.GetTempPath(), $"mlnemo-regression-{Guid.NewGuid():N}");

        var (outcome, detail) = FuzzRunner.ReadOne(FuzzTargets.Get(format), input, folder, FuzzBounds.Default);

        Assert.True(outcome == Outcome.TypedError, $"{format}/{file}: {outcome}: {detail}");
    }
}
