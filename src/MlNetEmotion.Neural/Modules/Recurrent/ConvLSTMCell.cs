namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// Convolutional LSTM cell with peephole (Hadamard) terms, paper 001 eq. 6–10 (after Shi et al. 2015):
/// <code>
/// i_t = σ(W_xi * X_t + W_hi * H_{t−1} + W_ci ∘ C_{t−1} + b_i)      (6)
/// f_t = σ(W_xf * X_t + W_hf * H_{t−1} + W_cf ∘ C_{t−1} + b_f)      (7)
/// C_t = f_t ∘ C_{t−1} + i_t ∘ tanh(W_xc * X_t + W_hc * H_{t−1} + b_c) (8)
/// o_t = σ(W_xo * X_t + W_ho * H_{t−1} + W_co ∘ C_t + b_o)          (9)
/// H_t = o_t ∘ tanh(C_t)                                             (10)
/// </code>
/// where * is a "same"-padded convolution and ∘ the Hadamard product.
/// </summary>
/// <remarks>
/// Parameterisation: all eight convolutions are one <c>conv</c> (<see cref="Conv2d"/>, weight
/// <c>[4·hidden, in + hidden, k, k]</c>, bias <c>[4·hidden]</c>) over <c>cat(X_t, H_{t−1})</c>, its output blocks in the
/// order i, f, g (the tanh candidate of eq. 8), o; the peepholes <c>weight_ci</c>, <c>weight_cf</c>, <c>weight_co</c> are
/// full <c>[hidden, height, width]</c> maps, so the cell is built for one spatial size. The output-gate peephole
/// reads the new cell C_t as in Shi et al. (the paper's printed eq. 9 shows C_{t−1}; eq. 9 follows eq. 8 there and
/// cites Shi et al., whose model uses C_t). Init: <c>conv</c> as PyTorch's Conv2d, peepholes zero.
/// tests/data/neural/make_fixtures.py builds the same cell in PyTorch for the parity tests (3×3 and 7×7 kernels). A step
/// runs as one fused op (the gate convolution, then the gate math in one pass; see <c>ConvLstmStep</c>); a null state is
/// treated as zeros without convolving them. Kernels of 5 or more run the gate convolution through the discrete Fourier
/// transform where AVX2 + FMA exist (<c>ConvLstmSpectral</c>: for the paper's 7×7 on 14×14 maps about a tenth of the
/// multiply-adds of im2col + GEMM), smaller kernels as one GEMM over the columns of X_t and H_{t−1}.
/// </remarks>
public sealed class ConvLSTMCell : Module
{
    /// <summary>Creates the cell.</summary>
    /// <param name="in_channels">Channels of X_t.</param>
    /// <param name="hidden_channels">Channels of H_t and C_t (the paper's filter count: 32, 16, 8).</param>
    /// <param name="kernel_size">Square kernel size (the paper uses 7).</param>
    /// <param name="height">Spatial height of the inputs and states.</param>
    /// <param name="width">Spatial width of the inputs and states.</param>
    /// <param name="bias">Whether the gate convolution has a bias (default true).</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public ConvLSTMCell(long in_channels, long hidden_channels, long kernel_size, long height, long width, bool bias = true,
        Generator? generator = null) : base("ConvLSTMCell")
    {
        if (in_channels < 1 || hidden_channels < 1 || kernel_size < 1 || height < 1 || width < 1)
            throw new ArgumentOutOfRangeException(nameof(in_channels),
                $"ConvLSTMCell: in_channels ({in_channels}), hidden_channels ({hidden_channels}), kernel_size ({kernel_size}), height ({height}) and width ({width}) must be at least 1.");
        this.in_channels = in_channels;
        this.hidden_channels = hidden_channels;
        this.kernel_size = kernel_size;
        this.height = height;
        this.width = width;
        conv = new Conv2d(in_channels + hidden_channels, 4 * hidden_channels, (kernel_size, kernel_size), Padding.Same,
            bias: bias, generator: generator);
        register_module("conv", conv);
        weight_ci = torch.zeros(hidden_channels, height, width);
        weight_cf = torch.zeros(hidden_channels, height, width);
        weight_co = torch.zeros(hidden_channels, height, width);
        register_parameter("weight_ci", weight_ci);
        register_parameter("weight_cf", weight_cf);
        register_parameter("weight_co", weight_co);
    }

    /// <summary>Channels of the input.</summary>
    public long in_channels { get; }

    /// <summary>Channels of the hidden and cell state.</summary>
    public long hidden_channels { get; }

    /// <summary>Square kernel size.</summary>
    public long kernel_size { get; }

    /// <summary>Spatial height.</summary>
    public long height { get; }

    /// <summary>Spatial width.</summary>
    public long width { get; }

    /// <summary>The gate convolution over <c>cat(X_t, H_{t−1})</c> (blocks i, f, g, o).</summary>
    public Conv2d conv { get; }

    /// <summary>Input-gate peephole W_ci <c>[hidden, height, width]</c> (eq. 6).</summary>
    public Tensor weight_ci { get; }

    /// <summary>Forget-gate peephole W_cf <c>[hidden, height, width]</c> (eq. 7).</summary>
    public Tensor weight_cf { get; }

    /// <summary>Output-gate peephole W_co <c>[hidden, height, width]</c> (eq. 9).</summary>
    public Tensor weight_co { get; }

    /// <summary>One step.</summary>
    /// <param name="input">X_t, <c>[B, in_channels, height, width]</c>.</param>
    /// <param name="state">(H_{t−1}, C_{t−1}), each <c>[B, hidden, height, width]</c>; zeros when null.</param>
    /// <returns>(H_t, C_t).</returns>
    public (Tensor h, Tensor c) forward(Tensor input, (Tensor h, Tensor c)? state = null)
    {
        long[] expected = [input.ndim == 4 ? input.size(0) : -1, in_channels, height, width];
        if (input.ndim != 4 || !Shapes.Equal(input.Dims, expected))
            throw new ShapeMismatchException("ConvLSTMCell", input.Dims, expected, "input must be [batch, in_channels, height, width]");
        long[] stateShape = [input.size(0), hidden_channels, height, width];
        if (state is { } given && (!Shapes.Equal(given.h.Dims, stateShape) || !Shapes.Equal(given.c.Dims, stateShape)))
            throw new ShapeMismatchException("ConvLSTMCell", given.h.Dims, given.c.Dims, $"h and c must both be {Shapes.Format(stateShape)}");
        return ConvLstmStep.Forward(input, state?.h, state?.c, conv.weight, conv.bias, (weight_ci, weight_cf, weight_co));
    }

    /// <summary>Calls <see cref="forward"/>.</summary>
    public (Tensor h, Tensor c) call(Tensor input, (Tensor h, Tensor c)? state = null) => forward(input, state);

    /// <inheritdoc/>
    public override string ToString() =>
        $"ConvLSTMCell({in_channels}, {hidden_channels}, kernel_size={kernel_size}, height={height}, width={width})";
}
