namespace MlNetEmotion.Neural.Modules;

/// <summary>Chains tensor modules in order (<c>torch.nn.Sequential</c>); children are named "0", "1", … unless named.</summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> layers = [];

    /// <summary>Creates an empty chain (fill it with <see cref="append"/>).</summary>
    public Sequential() : base("Sequential")
    {
    }

    /// <summary>Creates the chain from unnamed modules.</summary>
    public Sequential(params Module<Tensor, Tensor>[] modules) : base("Sequential")
    {
        foreach (var m in modules) append(m);
    }

    /// <summary>Creates the chain from named modules.</summary>
    public Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) : base("Sequential")
    {
        foreach (var (n, m) in modules)
        {
            register_module(n, m);
            layers.Add(m);
        }
    }

    /// <summary>Appends a module named by its position.</summary>
    public Sequential append(Module<Tensor, Tensor> module)
    {
        register_module(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        layers.Add(module);
        return this;
    }

    /// <summary>Number of modules.</summary>
    public int Count => layers.Count;

    /// <summary>The module at <paramref name="index"/>.</summary>
    public Module<Tensor, Tensor> this[int index] => layers[index];

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var m in layers) x = m.forward(x);
        return x;
    }
}
