namespace MlNetEmotion.Datasets.Manifests;

/// <summary>The manifests of <c>data-manifests/</c>, shipped inside the assembly so that
/// <c>mlContext.Data.LoadManifest("deap", root)</c> works without the repository.</summary>
public static class BuiltInManifests
{
    private const string Prefix = "MlNetEmotion.Datasets.Manifests.BuiltIn.";

    /// <summary>Names of the built-in manifests (file names without <c>.json</c>), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(BuiltInManifests).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)
            && !n.EndsWith(".schema.json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length]).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The JSON of a built-in manifest, or null when <paramref name="name"/> (case-insensitive, with or without
    /// <c>.json</c>) is none of <see cref="Names"/>.</summary>
    public static Stream? Open(string name)
    {
        string key = name.Trim();
        if (key.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) key = key[..^".json".Length];
        string? match = Names.FirstOrDefault(n => n.Equals(key, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : typeof(BuiltInManifests).Assembly.GetManifestResourceStream(Prefix + match + ".json");
    }
}
