namespace MlNetEmotion.Neural.Modules;

/// <summary>Affine layer y = x Wᵀ + b (<c>torch.nn.Linear</c>); W is [out_features, in_features].</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer with PyTorch's default init: W ~ kaiming_uniform(a = √5), b ~ U(±1/√in_features).</summary>
    /// <param name="in_features">Input size.</param>
    /// <param name="out_features">Output size.</param>
    /// <param name="hasBias">Whether to learn a bias.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public Linear(long in_features, long out_features, bool hasBias = true, Generator? generator = null) : base("Linear")
    {
        this.in_features = in_features;
        this.out_features = out_features;
        weight = torch.empty(out_features, in_features);
        register_parameter("weight", weight);
        if (hasBias)
        {
            bias = torch.empty(out_features);
            register_parameter("bias", bias);
        }
        reset_parameters(generator);
    }

    /// <summary>Input size.</summary>
    public long in_features { get; }

    /// <summary>Output size.</summary>
    public long out_features { get; }

    /// <summary>Weight [out_features, in_features].</summary>
    public Tensor weight { get; }

    /// <summary>Bias [out_features], or null.</summary>
    public Tensor? bias { get; }

    /// <summary>Re-draws the parameters with PyTorch's default init.</summary>
    public void reset_parameters(Generator? generator = null)
    {
        torch.nn.init.kaiming_uniform_(weight, Math.Sqrt(5), generator: generator);
        if (bias is not null) torch.nn.init.DefaultBiasInit(bias, weight, generator);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);

    /// <inheritdoc/>
    public override string ToString() => $"Linear(in_features={in_features}, out_features={out_features}, bias={bias is not null})";
}
