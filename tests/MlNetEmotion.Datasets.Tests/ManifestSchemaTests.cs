using System.Text.Json.Nodes;
using Json.Schema;

namespace MlNetEmotion.Datasets.Tests;

/// <summary>Every shipped manifest validates against <c>manifest.schema.json</c> (JSON Schema 2020-12, checked by
/// JsonSchema.Net), and the schema rejects what the loader rejects.</summary>
public class ManifestSchemaTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data-manifests");

    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "manifest.schema.json")));

    private static EvaluationResults Evaluate(JsonNode manifest) =>
        Schema.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults results) => string.Join("; ", results.Details
        .Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    public static TheoryData<string> Manifests() =>
        [.. Directory.GetFiles(Folder, "*.json").Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal)).Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Shipped_manifest_validates_against_the_schema(string file)
    {
        var results = Evaluate(JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!);
        Assert.True(results.IsValid, $"{file}: {Errors(results)}");
    }

    [Fact]
    public void All_eight_manifests_are_checked() => Assert.Equal(8, Manifests().Count);

    [Theory]
    [InlineData("modalities.eeg.samplingRate", "\"fast\"")]          // wrong type
    [InlineData("modalities.eeg.rate", "128")]                       // unknown property
    [InlineData("labels.0.source", "\"Json\"")]                      // not one of the sources
    [InlineData("trials.subjects", "[1]")]                           // not [first, last]
    [InlineData("protocol.ratios", "[5, 1]")]                        // not train:validation:test
    public void Schema_rejects_a_broken_manifest(string path, string value)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "deap.json")))!;
        var parts = path.Split('.');
        JsonNode node = manifest;
        foreach (var part in parts[..^1]) node = int.TryParse(part, out int i) ? node[i]! : node[part]!;
        node[parts[^1]] = JsonNode.Parse(value);
        Assert.False(Evaluate(manifest).IsValid, path);
    }
}
