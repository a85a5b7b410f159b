namespace MlNetEmotion.Neural.Modules;

/// <summary>2-D convolution layer (<c>torch.nn.Conv2d</c>): weight [out, in/groups, kH, kW], PyTorch's default init.</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    private readonly (long, long)? pad;

    /// <summary>Creates the layer with explicit zero padding.</summary>
    /// <param name="in_channels">Input channels.</param>
    /// <param name="out_channels">Output channels.</param>
    /// <param name="kernel_size">Kernel (height, width).</param>
    /// <param name="stride">Stride (default 1).</param>
    /// <param name="padding">Zero padding per side (default 0).</param>
    /// <param name="dilation">Dilation (default 1).</param>
    /// <param name="groups">Channel groups (in_channels for depthwise).</param>
    /// <param name="bias">Learn a bias.</param>
    /// <param name="generator">Random source for the init.</param>
    public Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
        (long, long)? dilation = null, long groups = 1, bool bias = true, Generator? generator = null)
        : this(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding ?? (0, 0), dilation ?? (1, 1), groups, bias, generator)
    {
    }

    /// <summary>Creates the layer with "valid" or "same" padding.</summary>
    public Conv2d(long in_channels, long out_channels, (long, long) kernel_size, Padding padding, (long, long)? stride = null,
        (long, long)? dilation = null, long groups = 1, bool bias = true, Generator? generator = null)
        : this(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding == Padding.Same ? null : (0, 0), dilation ?? (1, 1), groups, bias, generator)
    {
    }

    private Conv2d(long inC, long outC, (long, long) k, (long, long) s, (long, long)? p, (long, long) d, long groups, bool hasBias, Generator? generator)
        : base("Conv2d")
    {
        if (groups <= 0 || inC % groups != 0 || outC % groups != 0)
            throw new ArgumentException($"Conv2d: groups={groups} must divide in_channels {inC} and out_channels {outC}.");
        in_channels = inC;
        out_channels = outC;
        kernel_size = k;
        stride = s;
        pad = p;
        dilation = d;
        this.groups = groups;
        weight = torch.empty(outC, inC / groups, k.Item1, k.Item2);
        register_parameter("weight", weight);
        if (hasBias)
        {
            bias = torch.empty(outC);
            register_parameter("bias", bias);
        }
        torch.nn.init.kaiming_uniform_(weight, Math.Sqrt(5), generator: generator);
        if (bias is not null) torch.nn.init.DefaultBiasInit(bias, weight, generator);
    }

    /// <summary>Input channels.</summary>
    public long in_channels { get; }

    /// <summary>Output channels.</summary>
    public long out_channels { get; }

    /// <summary>Kernel (height, width).</summary>
    public (long, long) kernel_size { get; }

    /// <summary>Stride.</summary>
    public (long, long) stride { get; }

    /// <summary>Explicit padding, or null for "same".</summary>
    public (long, long)? padding => pad;

    /// <summary>Dilation.</summary>
    public (long, long) dilation { get; }

    /// <summary>Channel groups.</summary>
    public long groups { get; }

    /// <summary>Weight [out, in/groups, kH, kW].</summary>
    public Tensor weight { get; }

    /// <summary>Bias [out] or null.</summary>
    public Tensor? bias { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => pad is null
        ? torch.nn.functional.conv2d(input, weight, bias, Padding.Same, stride, dilation, groups)
        : torch.nn.functional.conv2d(input, weight, bias, stride, pad, dilation, groups);

    /// <inheritdoc/>
    public override string ToString() =>
        $"Conv2d({in_channels}, {out_channels}, kernel_size={kernel_size}, stride={stride}, padding={(pad is null ? "same" : pad.ToString())}, dilation={dilation}, groups={groups})";
}

/// <summary>1-D convolution layer (<c>torch.nn.Conv1d</c>): weight [out, in/groups, k], PyTorch's default init.</summary>
public sealed class Conv1d : Module<Tensor, Tensor>
{
    private readonly long? pad;

    /// <summary>Creates the layer with explicit zero padding.</summary>
    /// <param name="in_channels">Input channels.</param>
    /// <param name="out_channels">Output channels.</param>
    /// <param name="kernel_size">Kernel length.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Zero padding per side.</param>
    /// <param name="dilation">Dilation.</param>
    /// <param name="groups">Channel groups.</param>
    /// <param name="bias">Learn a bias.</param>
    /// <param name="generator">Random source for the init.</param>
    public Conv1d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, long groups = 1,
        bool bias = true, Generator? generator = null)
        : this(in_channels, out_channels, kernel_size, stride, (long?)padding, dilation, groups, bias, generator)
    {
    }

    /// <summary>Creates the layer with "valid" or "same" padding.</summary>
    public Conv1d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1, long groups = 1,
        bool bias = true, Generator? generator = null)
        : this(in_channels, out_channels, kernel_size, stride, padding == Padding.Same ? null : 0, dilation, groups, bias, generator)
    {
    }

    private Conv1d(long inC, long outC, long k, long s, long? p, long d, long groups, bool hasBias, Generator? generator) : base("Conv1d")
    {
        if (groups <= 0 || inC % groups != 0 || outC % groups != 0)
            throw new ArgumentException($"Conv1d: groups={groups} must divide in_channels {inC} and out_channels {outC}.");
        in_channels = inC;
        out_channels = outC;
        kernel_size = k;
        stride = s;
        pad = p;
        dilation = d;
        this.groups = groups;
        weight = torch.empty(outC, inC / groups, k);
        register_parameter("weight", weight);
        if (hasBias)
        {
            bias = torch.empty(outC);
            register_parameter("bias", bias);
        }
        torch.nn.init.kaiming_uniform_(weight, Math.Sqrt(5), generator: generator);
        if (bias is not null) torch.nn.init.DefaultBiasInit(bias, weight, generator);
    }

    /// <summary>Input channels.</summary>
    public long in_channels { get; }

    /// <summary>Output channels.</summary>
    public long out_channels { get; }

    /// <summary>Kernel length.</summary>
    public long kernel_size { get; }

    /// <summary>Stride.</summary>
    public long stride { get; }

    /// <summary>Explicit padding, or null for "same".</summary>
    public long? padding => pad;

    /// <summary>Dilation.</summary>
    public long dilation { get; }

    /// <summary>Channel groups.</summary>
    public long groups { get; }

    /// <summary>Weight [out, in/groups, k].</summary>
    public Tensor weight { get; }

    /// <summary>Bias [out] or null.</summary>
    public Tensor? bias { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => pad is null
        ? torch.nn.functional.conv1d(input, weight, bias, Padding.Same, stride, dilation, groups)
        : torch.nn.functional.conv1d(input, weight, bias, stride, pad.Value, dilation, groups);
}
