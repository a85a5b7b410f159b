namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// Shared part of <see cref="LSTM"/> and <see cref="GRU"/> (PyTorch's <c>RNNBase</c>): per layer <c>k</c> the parameters
/// <c>weight_ih_lk [G·H, I_k]</c>, <c>weight_hh_lk [G·H, H]</c>, <c>bias_ih_lk</c>, <c>bias_hh_lk [G·H]</c> with the gate blocks
/// stacked in PyTorch's order, all initialised U(−1/√H, 1/√H). The whole stack runs as one fused autograd op.
/// </summary>
public abstract class RecurrentBase : Module
{
    private readonly IRecurrentKernel kernel;
    private readonly Generator? generator;

    private protected RecurrentBase(string name, IRecurrentKernel kernel, long input_size, long hidden_size, long num_layers,
        bool bias, bool batch_first, double dropout, Generator? generator) : base(name)
    {
        if (input_size < 1) throw new ArgumentOutOfRangeException(nameof(input_size), input_size, $"{name}: input_size must be at least 1.");
        if (hidden_size < 1) throw new ArgumentOutOfRangeException(nameof(hidden_size), hidden_size, $"{name}: hidden_size must be at least 1.");
        if (num_layers < 1) throw new ArgumentOutOfRangeException(nameof(num_layers), num_layers, $"{name}: num_layers must be at least 1.");
        if (dropout < 0 || dropout > 1) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, $"{name}: dropout must be in [0, 1].");
        this.kernel = kernel;
        this.generator = generator;
        this.input_size = input_size;
        this.hidden_size = hidden_size;
        this.num_layers = num_layers;
        this.bias = bias;
        this.batch_first = batch_first;
        this.dropout = dropout;
        long gates = kernel.GateCount * hidden_size;
        for (long l = 0; l < num_layers; l++)
        {
            register_parameter($"weight_ih_l{l}", torch.empty(gates, l == 0 ? input_size : hidden_size));
            register_parameter($"weight_hh_l{l}", torch.empty(gates, hidden_size));
            if (bias)
            {
                register_parameter($"bias_ih_l{l}", torch.empty(gates));
                register_parameter($"bias_hh_l{l}", torch.empty(gates));
            }
        }

        reset_parameters(generator);
    }

    /// <summary>Features of the input.</summary>
    public long input_size { get; }

    /// <summary>Features of the hidden state.</summary>
    public long hidden_size { get; }

    /// <summary>Stacked layers.</summary>
    public long num_layers { get; }

    /// <summary>Whether the layers have biases.</summary>
    public bool bias { get; }

    /// <summary>Input and output are <c>[B, T, F]</c> when true, <c>[T, B, F]</c> otherwise.</summary>
    public bool batch_first { get; }

    /// <summary>Dropout probability on the outputs of every layer but the last, in training mode.</summary>
    public double dropout { get; }

    /// <summary>Re-draws every parameter from U(−1/√hidden_size, 1/√hidden_size) (PyTorch's default).</summary>
    public void reset_parameters(Generator? generator = null)
    {
        double k = 1 / Math.Sqrt(hidden_size);
        using var _ = torch.no_grad();
        foreach (var p in parameters()) torch.nn.init.uniform_(p, -k, k, generator);
    }

    /// <summary>Checks the shapes, supplies zero states where none are given and runs the fused stack.</summary>
    private protected (Tensor Output, Tensor HN, Tensor? CN) Run(Tensor input, Tensor? h0, Tensor? c0)
    {
        string op = GetName();
        if (input.ndim != 3 || input.size(2) != input_size)
            throw new ShapeMismatchException(op, input.Dims, [batch_first ? -1 : -1, -1, input_size],
                $"input must be 3-D ({(batch_first ? "[batch, seq, input_size]" : "[seq, batch, input_size]")}) with input_size {input_size}");
        long batch = batch_first ? input.size(0) : input.size(1), steps = batch_first ? input.size(1) : input.size(0);
        if (steps < 1 || batch < 1)
            throw new ShapeMismatchException(op, input.Dims, input.Dims, "the input needs at least one step and one batch item");
        long[] stateShape = [num_layers, batch, hidden_size];
        h0 = CheckState(op, "h0", h0, stateShape);
        if (kernel.HasCellState) c0 = CheckState(op, "c0", c0, stateShape);
        var layers = new List<Tensor?[]>();
        for (long l = 0; l < num_layers; l++)
        {
            layers.Add([GetParameter($"weight_ih_l{l}"), GetParameter($"weight_hh_l{l}"),
                GetParameter($"bias_ih_l{l}"), GetParameter($"bias_hh_l{l}")]);
        }

        var layout = new SequenceLayout((int)batch, (int)steps, batch_first);
        return RecurrentFunction.Apply(kernel, input, layout, [input.size(0), input.size(1), hidden_size], h0, c0, layers,
            training ? dropout : 0, generator);
    }

    private static Tensor CheckState(string op, string name, Tensor? state, long[] shape)
    {
        if (state is null) return torch.zeros(shape);
        if (!Shapes.Equal(state.Dims, shape))
            throw new ShapeMismatchException(op, state.Dims, shape, $"{name} must be [num_layers, batch, hidden_size]");
        return state;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{GetName()}({input_size}, {hidden_size}, num_layers={num_layers}, bias={bias}, batch_first={batch_first}, dropout={dropout})";
}
