using MlNetEmotion.Models.GlimpseTraining;
using MlNetEmotion.Models.VisEegLstm;

namespace MlNetEmotion.Benchmarks.Models;

/// <summary>A vis-EEG-LSTM training step (Liu et al.) at the paper's sizes: batch 12, T = 32 frames of 3×32×32 topomaps and
/// 64 face features, N_max = 30, M = 4, band CNN 8/16 channels, core 128, eq. 3 with μ = 0.02, dropout 0.5.</summary>
public sealed class VisEegLstmStepBenchmark() : GlimpseStepBenchmark("models.vis-eeg-lstm-step",
    "vis-EEG-LSTM step: batch 12, T 32, [3,32,32] + 64 face, N_max 30, M 4: sample+fwd+loss+bwd+Adam", "vis_eeg_lstm_step", "vis", frames: 32)
{
    /// <inheritdoc />
    protected override GlimpseSpec CreateSpec()
    {
        var options = new VisEegLstmTrainerOptions();
        var network = new VisEegLstmOptions
        {
            FaceFeatures = FaceFeatures, ImageSize = ImageSize, LearnLocationStandardDeviation = true,
            ConvolutionChannels = options.ConvolutionChannels, CoreHidden = options.CoreHidden,
            MaxGlimpses = options.MaxGlimpses, Dropout = options.Dropout,
        };
        return new VisEegLstmSpec(network, GlimpseSettings.From(options, options.Mu, layerAttention: true));
    }
}
