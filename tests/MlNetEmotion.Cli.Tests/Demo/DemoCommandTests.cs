using System.CommandLine;
using System.Text.Json;
using MlNetEmotion.Cli.Commands;

namespace MlNetEmotion.Cli.Tests.Demo;

public class DemoCommandTests
{
    /// <summary>A small demo (8 subjects x 20 trials of 4 s, 3 face frames each) through the real EEG and face chains:
    /// every run is reported, the fused run beats the majority rate, and mixing subjects across folds is easier than
    /// holding subjects out (the synthetic corpus plants per-subject differences for exactly that).</summary>
    [Fact]
    public void Small_demo_reports_every_feature_set_and_beats_the_majority_rate()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"mlnemo-demo-{Guid.NewGuid():N}");
        var output = new StringWriter();
        int rc = DemoCommand.Create().Parse(["--subjects", "8", "--trials", "20", "--seconds", "4", "--fps", "0.75", "--epochs", "40", "--out", dir])
            .Invoke(new InvocationConfiguration { Output = output });
        Assert.Equal(0, rc);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(["EEG", "Face", "EEG + face", "EEG + face"], runs.Select(r => r.GetProperty("features").GetString()));
        Assert.Equal(["by subject", "by subject", "by subject", "subjects mixed"], runs.Select(r => r.GetProperty("split").GetString()));
        double Accuracy(JsonElement run) => run.GetProperty("summary").GetProperty("MicroAccuracy").GetProperty("mean").GetDouble();
        var fused = runs[2];
        Assert.Equal(5, fused.GetProperty("folds").GetArrayLength());
        var counts = fused.GetProperty("pooledConfusionMatrix").GetProperty("counts").EnumerateArray()
            .Select(r => r.EnumerateArray().Sum(c => c.GetInt64())).ToArray();
        Assert.Equal(160, counts.Sum());
        double majority = counts.Max() / 160.0;
        Assert.True(Accuracy(fused) > majority, $"accuracy {Accuracy(fused):F3} vs majority rate {majority:F3}");
        Assert.True(Accuracy(runs[3]) > Accuracy(fused), $"subjects mixed {Accuracy(runs[3]):F3} vs by subject {Accuracy(fused):F3}");
        Assert.Contains("Pooled confusion matrix", output.ToString());
        Assert.DoesNotContain("\u001b[", output.ToString());
        Directory.Delete(dir, true);
    }
}
