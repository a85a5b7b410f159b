using MlNetEmotion.Models.Training;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>Which of paper 001's networks a <see cref="FaceSequenceSpec"/> builds.</summary>
public enum FaceSequenceArchitecture
{
    /// <summary><see cref="ConvLstmRegressor"/>.</summary>
    ConvLstm,

    /// <summary><see cref="CnnLstmRegressor"/>.</summary>
    CnnLstm,

    /// <summary><see cref="CnnGruRegressor"/>.</summary>
    CnnGru,
}

/// <summary>The recipe of a per-frame valence/arousal network over <c>[T, C, H, W]</c> feature maps, saved with its
/// weights.</summary>
/// <param name="architecture">The network.</param>
/// <param name="channels">Channels C of each frame's maps.</param>
/// <param name="height">Height H of the maps.</param>
/// <param name="width">Width W of the maps.</param>
/// <param name="outputs">Targets per frame.</param>
/// <param name="pool">Max-pooling window and stride.</param>
/// <param name="filters">ConvLSTM filters per layer (ConvLSTM only).</param>
/// <param name="kernelSize">ConvLSTM kernel size (ConvLSTM only).</param>
/// <param name="hidden">Fully connected hidden units (ConvLSTM) or recurrent hidden size (baselines).</param>
/// <param name="layers">Recurrent layers (baselines only).</param>
public sealed class FaceSequenceSpec(FaceSequenceArchitecture architecture, int channels, int height, int width, int outputs, int pool,
    int[] filters, int kernelSize, int hidden, int layers) : NeuralNetworkSpec
{
    /// <summary>The network.</summary>
    public FaceSequenceArchitecture Architecture { get; } = architecture;

    /// <summary>Channels C of each frame's maps.</summary>
    public int Channels { get; } = channels;

    /// <summary>Height H of the maps.</summary>
    public int Height { get; } = height;

    /// <summary>Width W of the maps.</summary>
    public int Width { get; } = width;

    /// <summary>Targets per frame.</summary>
    public int Outputs { get; } = outputs;

    /// <summary>Max-pooling window and stride.</summary>
    public int Pool { get; } = pool;

    /// <summary>ConvLSTM filters per layer (ConvLSTM only).</summary>
    public int[] Filters { get; } = filters;

    /// <summary>ConvLSTM kernel size (ConvLSTM only).</summary>
    public int KernelSize { get; } = kernelSize;

    /// <summary>Fully connected hidden units (ConvLSTM) or recurrent hidden size (baselines).</summary>
    public int Hidden { get; } = hidden;

    /// <summary>Recurrent layers (baselines only).</summary>
    public int Layers { get; } = layers;

    /// <inheritdoc />
    public override Module<NeuralBatch, Tensor> Create(Generator generator) => new FaceSequenceNetwork(this, BuildRegressor(generator));

    /// <summary>The bare network (<c>[B, T, C, H, W]</c> → <c>[B, T, outputs]</c>).</summary>
    /// <param name="generator">Random source of the initial weights.</param>
    public Module<Tensor, Tensor> BuildRegressor(Generator generator) => Architecture switch
    {
        FaceSequenceArchitecture.ConvLstm => new ConvLstmRegressor(Channels, Height, Width, [.. Filters.Select(f => (long)f)], KernelSize, Pool, Hidden, Outputs, generator),
        FaceSequenceArchitecture.CnnLstm => new CnnLstmRegressor(Channels, Height, Width, Hidden, Layers, Pool, Outputs, generator),
        FaceSequenceArchitecture.CnnGru => new CnnGruRegressor(Channels, Height, Width, Hidden, Layers, Pool, Outputs, generator),
        _ => throw new ArgumentOutOfRangeException(nameof(Architecture), Architecture, "Unknown architecture."),
    };

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write((int)Architecture);
        foreach (int v in (int[])[Channels, Height, Width, Outputs, Pool, KernelSize, Hidden, Layers, Filters.Length]) writer.Write(v);
        foreach (int f in Filters) writer.Write(f);
    }

    /// <summary>Reads a recipe written by <see cref="Write"/>.</summary>
    /// <param name="reader">Source.</param>
    public static FaceSequenceSpec Read(BinaryReader reader)
    {
        var architecture = (FaceSequenceArchitecture)reader.ReadInt32();
        if (!Enum.IsDefined(architecture)) throw new InvalidDataException($"Unknown face-sequence architecture {(int)architecture}.");
        var v = new int[9];
        for (int i = 0; i < v.Length; i++) v[i] = reader.ReadInt32();
        if (v[8] is < 0 or > 64) throw new InvalidDataException($"A ConvLSTM with {v[8]} layers is not a saved face-sequence network.");
        var filters = new int[v[8]];
        for (int i = 0; i < filters.Length; i++) filters[i] = reader.ReadInt32();
        return new FaceSequenceSpec(architecture, v[0], v[1], v[2], v[3], v[4], filters, v[5], v[6], v[7]);
    }
}

/// <summary>Adapts a per-frame regressor to the trainer: feeds the batch's one feature tensor <c>[B, T, C, H, W]</c>.
/// The networks are causal, so padded frames after a row's length do not change its valid frames' outputs.</summary>
public sealed class FaceSequenceNetwork : Module<NeuralBatch, Tensor>
{
    private readonly Module<Tensor, Tensor> _network;

    /// <summary>Wraps <paramref name="network"/>, registered as <c>network</c>.</summary>
    /// <param name="spec">The recipe.</param>
    /// <param name="network">The bare network.</param>
    public FaceSequenceNetwork(FaceSequenceSpec spec, Module<Tensor, Tensor> network) : base("FaceSequenceNetwork")
    {
        Spec = spec;
        _network = network;
        register_module("network", network);
    }

    /// <summary>The recipe.</summary>
    public FaceSequenceSpec Spec { get; }

    /// <inheritdoc />
    public override Tensor forward(NeuralBatch input) => _network.forward(input.Inputs[0]);
}
