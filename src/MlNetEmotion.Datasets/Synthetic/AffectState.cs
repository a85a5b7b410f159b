namespace MlNetEmotion.Datasets.Synthetic;

/// <summary>
/// The emotional state that drives every synthetic modality: valence and arousal on a centred scale
/// [−1, 1], where −1 is a self-report of 1, 0 is 5 and +1 is 9 on DEAP's 1..9 scale.
/// </summary>
/// <param name="Valence">Centred valence in [−1, 1].</param>
/// <param name="Arousal">Centred arousal in [−1, 1].</param>
public readonly record struct AffectState(double Valence, double Arousal)
{
    /// <summary>EAV's five classes in the order of its manifest.</summary>
    public static IReadOnlyList<string> EavClasses { get; } = ["Neutral", "Anger", "Happiness", "Sadness", "Calmness"];

    /// <summary>The state of a 1..9 rating pair: (rating − 5) / 4.</summary>
    /// <param name="valence">Valence on 1..9.</param>
    /// <param name="arousal">Arousal on 1..9.</param>
    public static AffectState FromRatings(double valence, double arousal) => new((valence - 5) / 4, (arousal - 5) / 4);

    /// <summary>
    /// The prototype state of an EAV class on the circumplex: Neutral (0, 0), Anger (−0.7, +0.8),
    /// Happiness (+0.8, +0.6), Sadness (−0.7, −0.5), Calmness (+0.5, −0.7).
    /// </summary>
    /// <param name="emotionClass">One of <see cref="EavClasses"/> (case-insensitive).</param>
    /// <exception cref="ArgumentException">The name is not an EAV class.</exception>
    public static AffectState ForEavClass(string emotionClass) => emotionClass.ToLowerInvariant() switch
    {
        "neutral" => new(0, 0),
        "anger" => new(-0.7, 0.8),
        "happiness" => new(0.8, 0.6),
        "sadness" => new(-0.7, -0.5),
        "calmness" => new(0.5, -0.7),
        _ => throw new ArgumentException($"'{emotionClass}' is not an EAV class ({string.Join(", ", EavClasses)}).", nameof(emotionClass)),
    };
}
