namespace MlNetEmotion.Neural.Modules;

/// <summary>max(x, 0) (<c>torch.nn.ReLU</c>).</summary>
public sealed class ReLU() : Module<Tensor, Tensor>("ReLU")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.relu();
}

/// <summary>tanh(x) (<c>torch.nn.Tanh</c>).</summary>
public sealed class Tanh() : Module<Tensor, Tensor>("Tanh")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.tanh();
}

/// <summary>Logistic sigmoid (<c>torch.nn.Sigmoid</c>).</summary>
public sealed class Sigmoid() : Module<Tensor, Tensor>("Sigmoid")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.sigmoid();
}

/// <summary>Softmax over <paramref name="dim"/> (<c>torch.nn.Softmax</c>).</summary>
/// <param name="dim">Dim to normalise.</param>
public sealed class Softmax(long dim) : Module<Tensor, Tensor>("Softmax")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.softmax(dim);
}

/// <summary>Log-softmax over <paramref name="dim"/> (<c>torch.nn.LogSoftmax</c>).</summary>
/// <param name="dim">Dim to normalise.</param>
public sealed class LogSoftmax(long dim) : Module<Tensor, Tensor>("LogSoftmax")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.log_softmax(dim);
}

/// <summary>Returns its input (<c>torch.nn.Identity</c>).</summary>
public sealed class Identity() : Module<Tensor, Tensor>("Identity")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input;
}

/// <summary>Flattens dims start_dim..end_dim (<c>torch.nn.Flatten</c>, default keeps the batch dim).</summary>
/// <param name="start_dim">First dim to flatten.</param>
/// <param name="end_dim">Last dim to flatten.</param>
public sealed class Flatten(long start_dim = 1, long end_dim = -1) : Module<Tensor, Tensor>("Flatten")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);
}

/// <summary>ELU (<c>torch.nn.ELU</c>).</summary>
/// <param name="alpha">Negative saturation value.</param>
public sealed class ELU(float alpha = 1f) : Module<Tensor, Tensor>("ELU")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.elu(alpha);
}

/// <summary>GELU (<c>torch.nn.GELU</c>): exact erf form by default, <c>approximate: "tanh"</c> for the tanh form.</summary>
/// <param name="approximate">"none" (default) or "tanh".</param>
public sealed class GELU(string approximate = "none") : Module<Tensor, Tensor>("GELU")
{
    private readonly bool useTanh = approximate switch
    {
        "none" => false,
        "tanh" => true,
        _ => throw new ArgumentException($"GELU: approximate must be 'none' or 'tanh', got '{approximate}'.", nameof(approximate)),
    };

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => useTanh ? input.gelu_tanh() : input.gelu();
}

/// <summary>SELU (<c>torch.nn.SELU</c>).</summary>
public sealed class SELU() : Module<Tensor, Tensor>("SELU")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.selu();
}

/// <summary>Leaky ReLU (<c>torch.nn.LeakyReLU</c>).</summary>
/// <param name="negative_slope">Slope for x &lt; 0.</param>
public sealed class LeakyReLU(float negative_slope = 0.01f) : Module<Tensor, Tensor>("LeakyReLU")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.leaky_relu(negative_slope);
}

/// <summary>SiLU / swish (<c>torch.nn.SiLU</c>).</summary>
public sealed class SiLU() : Module<Tensor, Tensor>("SiLU")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.silu();
}
