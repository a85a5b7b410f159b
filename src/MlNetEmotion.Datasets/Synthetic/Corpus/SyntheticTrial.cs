namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>One planned trial of a synthetic corpus: who, which stimulus, the state that drives the signals and the labels
/// a participant reported.</summary>
/// <param name="Subject">Subject number, 1-based.</param>
/// <param name="Trial">Trial number, 1-based: DEAP's Experiment_id (the stimulus video, the order of the .mat files), EAV's clip NUM.</param>
/// <param name="Affect">The felt state that drives EEG, face and voice.</param>
public sealed record SyntheticTrial(int Subject, int Trial, AffectState Affect)
{
    /// <summary>DEAP: the position (1-based) at which this stimulus was shown to the subject, which names the face video.</summary>
    public int Presentation { get; init; }

    /// <summary>DEAP: reported valence, arousal, dominance and liking on 1..9 (felt state plus report noise, 2 decimals).</summary>
    public (float Valence, float Arousal, float Dominance, float Liking) Ratings { get; init; }

    /// <summary>EAV: the emotion class (one of <see cref="AffectState.EavClasses"/>); null for DEAP.</summary>
    public string? Emotion { get; init; }

    /// <summary>EAV: <c>Listening</c> or <c>Speaking</c>; null for DEAP.</summary>
    public string? Task { get; init; }

    /// <summary>EAV: the repetition number of this (emotion, task) pair, 1-based.</summary>
    public int Repeat { get; init; }
}
