namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// Shared part of <see cref="LSTMCell"/> and <see cref="GRUCell"/> (PyTorch's <c>RNNCellBase</c>): parameters
/// <c>weight_ih [G·H, I]</c>, <c>weight_hh [G·H, H]</c>, <c>bias_ih</c>, <c>bias_hh [G·H]</c>, initialised
/// U(−1/√H, 1/√H); one step runs the same fused kernel as the full layers.
/// </summary>
public abstract class RecurrentCellBase : Module
{
    private readonly IRecurrentKernel kernel;

    private protected RecurrentCellBase(string name, IRecurrentKernel kernel, long input_size, long hidden_size, bool bias,
        Generator? generator) : base(name)
    {
        if (input_size < 1) throw new ArgumentOutOfRangeException(nameof(input_size), input_size, $"{name}: input_size must be at least 1.");
        if (hidden_size < 1) throw new ArgumentOutOfRangeException(nameof(hidden_size), hidden_size, $"{name}: hidden_size must be at least 1.");
        this.kernel = kernel;
        this.input_size = input_size;
        this.hidden_size = hidden_size;
        this.bias = bias;
        long gates = kernel.GateCount * hidden_size;
        register_parameter("weight_ih", torch.empty(gates, input_size));
        register_parameter("weight_hh", torch.empty(gates, hidden_size));
        if (bias)
        {
            register_parameter("bias_ih", torch.empty(gates));
            register_parameter("bias_hh", torch.empty(gates));
        }

        reset_parameters(generator);
    }

    /// <summary>Features of the input.</summary>
    public long input_size { get; }

    /// <summary>Features of the hidden state.</summary>
    public long hidden_size { get; }

    /// <summary>Whether the cell has biases.</summary>
    public bool bias { get; }

    /// <summary>Re-draws every parameter from U(−1/√hidden_size, 1/√hidden_size) (PyTorch's default).</summary>
    public void reset_parameters(Generator? generator = null)
    {
        double k = 1 / Math.Sqrt(hidden_size);
        using var _ = torch.no_grad();
        foreach (var p in parameters()) torch.nn.init.uniform_(p, -k, k, generator);
    }

    /// <summary>One step from <paramref name="h"/> (and <paramref name="c"/>), zeros when null.</summary>
    private protected (Tensor H, Tensor? C) Step(Tensor input, Tensor? h, Tensor? c)
    {
        string op = GetName();
        if (input.ndim != 2 || input.size(1) != input_size)
            throw new ShapeMismatchException(op, input.Dims, [-1, input_size], $"input must be [batch, {input_size}]");
        long batch = input.size(0);
        long[] stateShape = [batch, hidden_size];
        h = CheckState(op, "hx", h, stateShape);
        if (kernel.HasCellState) c = CheckState(op, "cx", c, stateShape);
        Tensor?[] weights = [GetParameter("weight_ih"), GetParameter("weight_hh"), GetParameter("bias_ih"), GetParameter("bias_hh")];
        var (output, _, cn) = RecurrentFunction.Apply(kernel, input, new SequenceLayout((int)batch, 1, true), stateShape, h, c,
            [weights], 0, null);
        return (output, cn);
    }

    private static Tensor CheckState(string op, string name, Tensor? state, long[] shape)
    {
        if (state is null) return torch.zeros(shape);
        if (!Shapes.Equal(state.Dims, shape))
            throw new ShapeMismatchException(op, state.Dims, shape, $"{name} must be [batch, hidden_size]");
        return state;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetName()}({input_size}, {hidden_size}, bias={bias})";
}
