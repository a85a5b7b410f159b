using MlNetEmotion.Models.GlimpseTraining;
using MlNetEmotion.Models.Mlp;
using MlNetEmotion.Models.Training;

namespace MlNetEmotion.Samples.VideoEeg;

/// <summary>The models of the comparison by key: <c>mlp</c> (flattened topomaps and faces); <c>vis</c> and <c>hier</c>
/// (vis-EEG-LSTM, hierarchical LSTM), each also with a suffix for the papers' ablations: <c>-noband</c> (without band
/// attention), <c>-notemporal</c> (without temporal attention: N_max evenly spaced frames), <c>-none</c> (without both),
/// <c>-face</c> (face only), <c>-eeg</c> (EEG only).</summary>
internal static class SampleModels
{
    /// <summary>Every key this sample knows.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["mlp", .. new[] { "vis", "hier" }.SelectMany(m => new[] { "", "-noband", "-notemporal", "-none", "-face", "-eeg" }.Select(a => m + a))];

    /// <summary>The estimator (after the label step) of <paramref name="key"/>, with the protocol's shared training settings.</summary>
    public static IEstimator<ITransformer> Create(MLContext ml, SampleSettings s, string key)
    {
        if (key == "mlp")
            return ml.Transforms.Concatenate("Features", "Topomaps", "Faces")
                .Append(ml.MulticlassClassification.Trainers.Mlp(Protocol(new MlpOptions { HiddenSizes = [64], Dropout = 0.5 }, s)));
        string[] parts = key.Split('-', 2);
        string ablation = parts.Length > 1 ? parts[1] : "";
        return parts[0] switch
        {
            "vis" => ml.MulticlassClassification.Trainers.VisEegLstm(Ablate(new VisEegLstmTrainerOptions { MaxGlimpses = s.Glimpses }, ablation, s)),
            "hier" => ml.MulticlassClassification.Trainers.HierarchicalLstm(Ablate(new HierarchicalLstmTrainerOptions { MaxGlimpses = s.Glimpses }, ablation, s)),
            _ => throw new ArgumentException($"Unknown model '{key}'; use {string.Join(", ", Keys)}."),
        };
    }

    /// <summary>The display name of <paramref name="key"/>.</summary>
    public static string Name(string key) => key.Replace("vis", "vis-EEG-LSTM").Replace("hier", "hierarchical LSTM").Replace("mlp", "MLP (flattened)")
        .Replace("-noband", " w/o band att.").Replace("-notemporal", " w/o temporal att.").Replace("-none", " w/o both att.")
        .Replace("-face", " face only").Replace("-eeg", " EEG only");

    private static T Ablate<T>(T options, string ablation, SampleSettings s) where T : GlimpseTrainerOptions
    {
        options.BandAttention = ablation is not ("noband" or "none");
        options.TemporalAttention = ablation is not ("notemporal" or "none");
        options.SampledSequences = s.Sequences;
        options.Modalities = ablation switch { "face" => GlimpseModalities.FaceOnly, "eeg" => GlimpseModalities.EegOnly, _ => GlimpseModalities.Both };
        if (ablation is not ("" or "noband" or "notemporal" or "none" or "face" or "eeg"))
            throw new ArgumentException($"Unknown ablation '{ablation}'; use noband, notemporal, none, face or eeg.");
        return Protocol(options, s);
    }

    private static T Protocol<T>(T options, SampleSettings s) where T : NeuralTrainerOptions
    {
        options.Epochs = s.Epochs;
        options.LearningRate = s.LearningRate;
        options.Seed = s.Seed;
        options.ValidationGroupColumnName = "Subject";
        options.ValidationFraction = 1.0 / 6;
        options.EarlyStoppingMetric = "Accuracy";
        return options;
    }
}
