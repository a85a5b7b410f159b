namespace MlNetEmotion.Neural.Modules;

/// <summary>Thrown by <see cref="Module.load_state_dict"/>: lists every missing, unexpected and mis-shaped key at once.</summary>
public sealed class StateDictMismatchException : ArgumentException
{
    /// <summary>Creates the exception for module <paramref name="module"/>.</summary>
    public StateDictMismatchException(string module, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> misShaped)
        : base(Describe(module, missing, unexpected, misShaped))
    {
        MissingKeys = missing;
        UnexpectedKeys = unexpected;
        MisShapedKeys = misShaped;
    }

    /// <summary>Keys the module has but the state dict lacks.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>Keys the state dict has but the module lacks.</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>Keys present in both with different shapes, each with both shapes.</summary>
    public IReadOnlyList<string> MisShapedKeys { get; }

    private static string Describe(string module, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> misShaped)
    {
        var sb = new System.Text.StringBuilder($"Error(s) in loading state_dict for {module}:");
        if (missing.Count > 0) sb.Append(" Missing key(s): ").Append(string.Join(", ", missing)).Append('.');
        if (unexpected.Count > 0) sb.Append(" Unexpected key(s): ").Append(string.Join(", ", unexpected)).Append('.');
        if (misShaped.Count > 0) sb.Append(" Size mismatch: ").Append(string.Join("; ", misShaped)).Append('.');
        return sb.ToString();
    }
}
