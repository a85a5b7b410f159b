using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Mlp;

/// <summary>The network of the MLP trainers: Linear → activation → dropout per hidden layer, then a Linear output
/// (optionally tanh). PyTorch's default initialisation, seeded.</summary>
public sealed class MlpNetwork
{
    private readonly Sequential _layers;

    /// <summary>Builds a network.</summary>
    public MlpNetwork(int inputSize, IReadOnlyList<int> hiddenSizes, int outputSize, MlpActivation activation, double dropout, bool tanhOutput, long seed)
    {
        InputSize = inputSize;
        HiddenSizes = hiddenSizes.ToArray();
        OutputSize = outputSize;
        Activation = activation;
        DropoutProbability = dropout;
        TanhOutput = tanhOutput;
        var generator = new Generator(seed);
        var modules = new List<Module<Tensor, Tensor>>();
        int width = inputSize;
        foreach (int h in HiddenSizes)
        {
            modules.Add(torch.nn.Linear(width, h, generator: generator));
            modules.Add(activation == MlpActivation.ReLU ? torch.nn.ReLU() : torch.nn.Tanh());
            if (dropout > 0) modules.Add(torch.nn.Dropout(dropout, generator));
            width = h;
        }
        modules.Add(torch.nn.Linear(width, outputSize, generator: generator));
        if (tanhOutput) modules.Add(torch.nn.Tanh());
        _layers = torch.nn.Sequential(modules.ToArray());
    }

    /// <summary>Number of inputs.</summary>
    public int InputSize { get; }

    /// <summary>Hidden layer sizes.</summary>
    public IReadOnlyList<int> HiddenSizes { get; }

    /// <summary>Number of outputs (classes, or regression targets).</summary>
    public int OutputSize { get; }

    /// <summary>Hidden activation.</summary>
    public MlpActivation Activation { get; }

    /// <summary>Dropout probability while training.</summary>
    public double DropoutProbability { get; }

    /// <summary>Whether the outputs pass through tanh.</summary>
    public bool TanhOutput { get; }

    /// <summary>The layers as a module (parameters, train/eval, state_dict).</summary>
    public Module<Tensor, Tensor> Module => _layers;

    /// <summary>Outputs for a batch <c>[rows, InputSize]</c>.</summary>
    public Tensor Forward(Tensor input) => _layers.forward(input);

    /// <summary>Outputs for one row, without gradients, in evaluation mode.</summary>
    public float[] Predict(ReadOnlySpan<float> features)
    {
        using var _ = torch.no_grad();
        _layers.eval();
        return Forward(torch.tensor(features.ToArray(), 1, InputSize)).ToArray();
    }

    /// <summary>Writes the architecture and weights.</summary>
    public void Save(ModelSaveContext context)
    {
        var w = context.Writer;
        w.Write(InputSize);
        w.Write(HiddenSizes.Count);
        foreach (int h in HiddenSizes) w.Write(h);
        w.Write(OutputSize);
        w.Write((int)Activation);
        w.Write(DropoutProbability);
        w.Write(TanhOutput);
        var state = _layers.state_dict();
        w.Write(state.Count);
        foreach (var (name, tensor) in state)
        {
            w.Write(name);
            context.Write(tensor.AsSpan());
        }
    }

    /// <summary>Reads a network written by <see cref="Save"/>.</summary>
    public static MlpNetwork Load(ModelLoadContext context)
    {
        var r = context.Reader;
        int input = r.ReadInt32();
        var hidden = new int[r.ReadInt32()];
        for (int i = 0; i < hidden.Length; i++) hidden[i] = r.ReadInt32();
        int output = r.ReadInt32();
        var activation = (MlpActivation)r.ReadInt32();
        double dropout = r.ReadDouble();
        bool tanh = r.ReadBoolean();
        var network = new MlpNetwork(input, hidden, output, activation, dropout, tanh, seed: 0);
        var own = network._layers.state_dict();
        int count = r.ReadInt32();
        var loaded = new Dictionary<string, Tensor>();
        for (int i = 0; i < count; i++)
        {
            string name = r.ReadString();
            var values = context.ReadSingles();
            if (!own.TryGetValue(name, out var target))
                throw new InvalidDataException($"{context.Source}: MLP weight '{name}' is not part of the network.");
            loaded[name] = torch.tensor(values, target.shape);
        }
        network._layers.load_state_dict(loaded);
        return network;
    }

    /// <summary>A copy of every parameter's values (for keeping the best epoch).</summary>
    internal Dictionary<string, Tensor> Snapshot() =>
        _layers.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.DetachedClone());

    /// <summary>Restores values from <see cref="Snapshot"/>.</summary>
    internal void Restore(Dictionary<string, Tensor> snapshot) => _layers.load_state_dict(snapshot);
}
