using System.CommandLine;
using System.Text.Json;
using MlNetEmotion.Cli.Commands;

namespace MlNetEmotion.Cli.Tests.Demo;

public class DemoCommandTests
{
    [Fact]
    public void Small_demo_writes_metrics_json_well_above_chance()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"mlnemo-demo-{Guid.NewGuid():N}");
        var output = new StringWriter();
        int rc = DemoCommand.Create().Parse(["--subjects", "10", "--trials", "30", "--epochs", "40", "--out", dir])
            .Invoke(new InvocationConfiguration { Output = output });
        Assert.Equal(0, rc);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        var root = json.RootElement;
        Assert.Equal(5, root.GetProperty("folds").GetArrayLength());
        double accuracy = root.GetProperty("summary").GetProperty("MicroAccuracy").GetProperty("mean").GetDouble();
        var counts = root.GetProperty("pooledConfusionMatrix").GetProperty("counts").EnumerateArray()
            .Select(r => r.EnumerateArray().Sum(c => c.GetInt64())).ToArray();
        Assert.Equal(300, counts.Sum());
        double majority = counts.Max() / 300.0;
        Assert.True(accuracy > majority + 0.1, $"accuracy {accuracy:F3} vs majority rate {majority:F3}");
        Assert.Contains("mean ± sd", output.ToString());
        Assert.Contains("Pooled confusion matrix", output.ToString());
        Assert.DoesNotContain("\u001b[", output.ToString());
        Directory.Delete(dir, true);
    }
}
