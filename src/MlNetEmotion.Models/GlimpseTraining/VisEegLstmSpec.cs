using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Models.VisEegLstm;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>The recipe of a trained vis-EEG-LSTM (Liu et al.): a <see cref="VisEegLstmNetwork"/> whose classification loss
/// is eq. 3 as printed (<see cref="VisEegLstmLoss"/>, μ = <see cref="GlimpseSettings.PenaltyWeight"/>).</summary>
/// <param name="network">Sizes.</param>
/// <param name="settings">Sampling, reward, ablations, μ.</param>
public sealed class VisEegLstmSpec(VisEegLstmOptions network, GlimpseSettings settings) : GlimpseSpec(network, settings)
{
    private VisEegLstmOptions Sizes => (VisEegLstmOptions)Network;

    /// <inheritdoc />
    public override GlimpseSequenceNetwork CreateNetwork(Generator generator) => new VisEegLstmNetwork(Sizes, generator);

    /// <inheritdoc />
    public override Tensor ClassificationLoss(GlimpseSequenceOutput output, Tensor target) =>
        VisEegLstmLoss.Compute(output.Logits, target, output.BandWeights, (float)Settings.PenaltyWeight);

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(Sizes.ConvolutionChannels.First);
        writer.Write(Sizes.ConvolutionChannels.Second);
        writer.Write(Sizes.CoreHidden);
        WriteShared(writer);
    }

    /// <summary>Reads a recipe written by <see cref="Write"/>.</summary>
    /// <param name="reader">Source.</param>
    public static VisEegLstmSpec Read(BinaryReader reader)
    {
        var own = new VisEegLstmOptions { ConvolutionChannels = (reader.ReadInt32(), reader.ReadInt32()), CoreHidden = reader.ReadInt32() };
        var (network, settings) = ReadShared(reader, own);
        return new VisEegLstmSpec(network, settings);
    }
}
