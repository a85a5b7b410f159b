using MlNetEmotion.Models.Training;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Mlp;

/// <summary>The recipe of the MLP: Linear → activation → dropout per hidden layer, then a Linear output (optionally
/// tanh), over the concatenation of every feature column flattened. PyTorch's default initialisation, seeded.</summary>
/// <param name="inputSize">Inputs (the features of all columns together).</param>
/// <param name="hiddenSizes">Hidden layer sizes.</param>
/// <param name="outputSize">Outputs (classes or targets).</param>
/// <param name="activation">Hidden non-linearity.</param>
/// <param name="dropout">Dropout probability while training.</param>
/// <param name="tanhOutput">Whether the outputs pass through tanh.</param>
public sealed class MlpSpec(int inputSize, int[] hiddenSizes, int outputSize, MlpActivation activation, double dropout, bool tanhOutput) : NeuralNetworkSpec
{
    /// <summary>Inputs (the features of all columns together).</summary>
    public int InputSize { get; } = inputSize;

    /// <summary>Hidden layer sizes.</summary>
    public int[] HiddenSizes { get; } = hiddenSizes;

    /// <summary>Outputs (classes or targets).</summary>
    public int OutputSize { get; } = outputSize;

    /// <summary>Hidden non-linearity.</summary>
    public MlpActivation Activation { get; } = activation;

    /// <summary>Dropout probability while training.</summary>
    public double Dropout { get; } = dropout;

    /// <summary>Whether the outputs pass through tanh.</summary>
    public bool TanhOutput { get; } = tanhOutput;

    /// <inheritdoc />
    public override Module<NeuralBatch, Tensor> Create(Generator generator) => new MlpNetwork(this, generator);

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(InputSize);
        writer.Write(HiddenSizes.Length);
        foreach (int h in HiddenSizes) writer.Write(h);
        writer.Write(OutputSize);
        writer.Write((int)Activation);
        writer.Write(Dropout);
        writer.Write(TanhOutput);
    }

    /// <summary>Reads a recipe written by <see cref="Write"/>.</summary>
    /// <param name="reader">Source.</param>
    public static MlpSpec Read(BinaryReader reader)
    {
        int input = reader.ReadInt32();
        int layers = reader.ReadInt32();
        if (layers is < 0 or > 64) throw new InvalidDataException($"An MLP with {layers} hidden layers is not a saved MLP.");
        var hidden = new int[layers];
        for (int i = 0; i < hidden.Length; i++) hidden[i] = reader.ReadInt32();
        return new MlpSpec(input, hidden, reader.ReadInt32(), (MlpActivation)reader.ReadInt32(), reader.ReadDouble(), reader.ReadBoolean());
    }
}

/// <summary>The MLP module built from an <see cref="MlpSpec"/>: flattens and concatenates the batch's inputs, then runs
/// the layers.</summary>
public sealed class MlpNetwork : Module<NeuralBatch, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>Builds the network, drawing its weights and dropout masks from <paramref name="generator"/>.</summary>
    /// <param name="spec">The recipe.</param>
    /// <param name="generator">Random source.</param>
    public MlpNetwork(MlpSpec spec, Generator generator) : base("Mlp")
    {
        var modules = new List<Module<Tensor, Tensor>>();
        int width = spec.InputSize;
        foreach (int h in spec.HiddenSizes)
        {
            modules.Add(torch.nn.Linear(width, h, generator: generator));
            modules.Add(spec.Activation == MlpActivation.ReLU ? torch.nn.ReLU() : torch.nn.Tanh());
            if (spec.Dropout > 0) modules.Add(torch.nn.Dropout(spec.Dropout, generator));
            width = h;
        }
        modules.Add(torch.nn.Linear(width, spec.OutputSize, generator: generator));
        if (spec.TanhOutput) modules.Add(torch.nn.Tanh());
        _layers = torch.nn.Sequential([.. modules]);
        register_module("layers", _layers);
        Spec = spec;
    }

    /// <summary>The recipe.</summary>
    public MlpSpec Spec { get; }

    /// <inheritdoc />
    public override Tensor forward(NeuralBatch input)
    {
        int rows = input.Count;
        var flat = input.Inputs.Select(t => t.reshape(rows, -1)).ToArray();
        return _layers.forward(flat.Length == 1 ? flat[0] : torch.cat(flat, 1));
    }
}
