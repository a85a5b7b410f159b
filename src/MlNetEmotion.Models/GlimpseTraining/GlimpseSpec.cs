using MlNetEmotion.Models.Training;
using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>The recipe of a trained glimpse network: its sizes (<see cref="Network"/>) and the trainer's
/// <see cref="Settings"/>. A concrete recipe names the network, its classification loss and the parameters an ablation
/// holds at zero.</summary>
public abstract class GlimpseSpec : NeuralNetworkSpec
{
    /// <summary>Creates the recipe.</summary>
    /// <param name="network">Sizes and settings of the network.</param>
    /// <param name="settings">Sampling, reward, ablations and penalty weight.</param>
    protected GlimpseSpec(GlimpseNetworkOptions network, GlimpseSettings settings)
    {
        Network = network;
        Settings = settings;
    }

    /// <summary>Sizes and settings of the network.</summary>
    public GlimpseNetworkOptions Network { get; }

    /// <summary>Sampling, reward, ablations and penalty weight.</summary>
    public GlimpseSettings Settings { get; }

    /// <summary>Builds the bare network from the trainer's generator.</summary>
    /// <param name="generator">Source of the weights and dropout masks.</param>
    public abstract GlimpseSequenceNetwork CreateNetwork(Generator generator);

    /// <summary>The paper's classification loss (with its penalty) of one glimpse sequence for class <paramref name="target"/> (<c>[1]</c> int64).</summary>
    /// <param name="output">The sequence's outputs.</param>
    /// <param name="target">The class.</param>
    public abstract Tensor ClassificationLoss(GlimpseSequenceOutput output, Tensor target);

    /// <summary>Parameters of the bare network held at zero by the ablations (which makes their attention uniform).</summary>
    public virtual IEnumerable<string> ZeroedParameters => Settings.BandAttention ? [] : ["band_attention.score.weight", "band_attention.score.bias"];

    /// <inheritdoc />
    public override Module<NeuralBatch, Tensor> Create(Generator generator) => new GlimpseTrainingNetwork(this, generator);

    /// <summary>Writes the shared sizes and the settings (after a concrete recipe's own fields).</summary>
    /// <param name="writer">Destination.</param>
    protected void WriteShared(BinaryWriter writer)
    {
        writer.Write(Network.FaceFeatures);
        writer.Write(Network.Bands);
        writer.Write(Network.ImageSize);
        writer.Write(Network.BandFeatures);
        writer.Write(Network.Features);
        writer.Write(Network.GlimpseHidden);
        writer.Write(Network.Classes);
        writer.Write(Network.LocationStandardDeviation);
        writer.Write(Network.LearnLocationStandardDeviation);
        writer.Write(Network.Dropout);
        writer.Write(Network.MaxGlimpses);
        Settings.Write(writer);
    }

    /// <summary>Reads the shared sizes into a copy of <paramref name="network"/> (which holds the concrete recipe's own fields) and the settings.</summary>
    /// <param name="reader">Source.</param>
    /// <param name="network">The concrete options with their own fields read.</param>
    protected static (T Network, GlimpseSettings Settings) ReadShared<T>(BinaryReader reader, T network) where T : GlimpseNetworkOptions
    {
        GlimpseNetworkOptions shared = network with
        {
            FaceFeatures = reader.ReadInt32(), Bands = reader.ReadInt32(), ImageSize = reader.ReadInt32(), BandFeatures = reader.ReadInt32(),
            Features = reader.ReadInt32(), GlimpseHidden = reader.ReadInt32(), Classes = reader.ReadInt32(),
            LocationStandardDeviation = reader.ReadDouble(), LearnLocationStandardDeviation = reader.ReadBoolean(), Dropout = reader.ReadDouble(),
            MaxGlimpses = reader.ReadInt32(),
        };
        return ((T)shared, GlimpseSettings.Read(reader));
    }

    /// <summary>The shared network sizes for the data's shapes: topomaps <c>[T, bands, S, S]</c> then faces <c>[T, F]</c>.</summary>
    /// <param name="options">The trainer's options.</param>
    /// <param name="shape">The data's shapes.</param>
    /// <param name="network">The concrete options to fill.</param>
    /// <exception cref="SchemaMismatchException">A feature column has another shape.</exception>
    internal static T Sized<T>(GlimpseTrainerOptions options, NeuralShape shape, T network) where T : GlimpseNetworkOptions
    {
        var (images, faces) = (shape.InputShapes[0], shape.InputShapes[1]);
        string imageColumn = options.FeatureColumnNames[0], faceColumn = options.FeatureColumnNames[1];
        if (images.Length != 4 || images[2] != images[3] || images[0] < 1)
            throw new SchemaMismatchException(imageColumn, "a topomap-sequence tensor [T, bands, S, S]", $"[{string.Join(", ", images)}]");
        if (faces.Length != 2 || faces[0] != images[0])
            throw new SchemaMismatchException(faceColumn, $"a face-feature tensor [T, F] with T = {images[0]} as in '{imageColumn}'", $"[{string.Join(", ", faces)}]");
        GlimpseNetworkOptions sized = network with
        {
            FaceFeatures = faces[1], Bands = images[1], ImageSize = images[2], BandFeatures = options.BandFeatures, Features = options.Features,
            GlimpseHidden = options.GlimpseHidden, Classes = shape.OutputSize, LocationStandardDeviation = options.LocationStandardDeviation,
            LearnLocationStandardDeviation = options.LearnLocationStandardDeviation, Dropout = options.Dropout, MaxGlimpses = options.MaxGlimpses,
        };
        return (T)sized;
    }
}
