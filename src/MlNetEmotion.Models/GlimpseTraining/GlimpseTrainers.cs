using Microsoft.ML.Runtime;
using MlNetEmotion.Models.HierarchicalLstm;
using MlNetEmotion.Models.Training;
using MlNetEmotion.Models.VisEegLstm;

namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>The vis-EEG-LSTM trainer (Liu et al.): eq. 3 plus the REINFORCE surrogate with a learned baseline over M
/// sampled glimpse sequences. Score and PredictedLabel as ML.NET's multiclass trainers, plus BandAttention, FramesRead.</summary>
/// <param name="environment">The ML.NET environment of the catalog.</param>
/// <param name="options">The options.</param>
public sealed class VisEegLstmTrainer(IHostEnvironment environment, VisEegLstmTrainerOptions options) : NeuralTrainer<VisEegLstmTrainerOptions>(environment, options)
{
    /// <inheritdoc />
    public override NeuralTask Task => NeuralTask.MulticlassClassification;

    /// <inheritdoc />
    protected override NeuralNetworkSpec CreateSpec(NeuralShape shape) => new VisEegLstmSpec(
        GlimpseSpec.Sized(Options, shape, new VisEegLstmOptions { ConvolutionChannels = Options.ConvolutionChannels, CoreHidden = Options.CoreHidden }),
        GlimpseSettings.From(Options, Options.Mu, layerAttention: true));
}

/// <summary>The hierarchical LSTM trainer (Wu et al.): CE − λP (eq. 10) plus the REINFORCE surrogate with a learned
/// baseline over M sampled glimpse sequences. Score and PredictedLabel, plus BandAttention, FramesRead and LayerAttention.</summary>
/// <param name="environment">The ML.NET environment of the catalog.</param>
/// <param name="options">The options.</param>
public sealed class HierarchicalLstmTrainer(IHostEnvironment environment, HierarchicalLstmTrainerOptions options) : NeuralTrainer<HierarchicalLstmTrainerOptions>(environment, options)
{
    /// <inheritdoc />
    public override NeuralTask Task => NeuralTask.MulticlassClassification;

    /// <inheritdoc />
    protected override NeuralNetworkSpec CreateSpec(NeuralShape shape) => new HierarchicalLstmSpec(
        GlimpseSpec.Sized(Options, shape, new HierarchicalLstmOptions
        {
            BandHidden = Options.BandHidden, Layers = Options.Layers, CoreHidden = Options.CoreHidden, AttentionSize = Options.AttentionSize,
        }),
        GlimpseSettings.From(Options, Options.Penalty ? Options.Lambda : 0, Options.LayerAttention));
}
