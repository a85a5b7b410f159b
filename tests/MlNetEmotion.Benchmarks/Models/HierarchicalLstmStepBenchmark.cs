using MlNetEmotion.Models.GlimpseTraining;
using MlNetEmotion.Models.HierarchicalLstm;

namespace MlNetEmotion.Benchmarks.Models;

/// <summary>A hierarchical LSTM training step (Wu et al.) at the paper's sizes: batch 12, T = 48 frames of 3×32×32
/// topomaps and 64 face features, N_max = 40, M = 4, L = 3 layers of 64 with layer attention (d_a 32), band FC 128,
/// CE − λP with λ = 1, dropout 0.6.</summary>
public sealed class HierarchicalLstmStepBenchmark() : GlimpseStepBenchmark("models.hierarchical-lstm-step",
    "hierarchical LSTM step: batch 12, T 48, [3,32,32] + 64 face, N_max 40, M 4, L 3: sample+fwd+loss+bwd+Adam", "hierarchical_lstm_step", "hier", frames: 48)
{
    /// <inheritdoc />
    protected override GlimpseSpec CreateSpec()
    {
        var options = new HierarchicalLstmTrainerOptions();
        var network = new HierarchicalLstmOptions
        {
            FaceFeatures = FaceFeatures, ImageSize = ImageSize, LearnLocationStandardDeviation = true,
            BandHidden = options.BandHidden, Layers = options.Layers, CoreHidden = options.CoreHidden, AttentionSize = options.AttentionSize,
            MaxGlimpses = options.MaxGlimpses, Dropout = options.Dropout,
        };
        return new HierarchicalLstmSpec(network, GlimpseSettings.From(options, options.Lambda, options.LayerAttention));
    }
}
