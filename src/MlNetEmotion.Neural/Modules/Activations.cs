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
