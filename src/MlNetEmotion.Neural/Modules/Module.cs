using MlNetEmotion.Neural.Autograd;

namespace MlNetEmotion.Neural.Modules;

/// <summary>
/// Base of every layer, like <c>torch.nn.Module</c>: owns named parameters, buffers and child modules,
/// a training flag, and the state-dict round trip. Subclasses register what they own in their constructor.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor? Tensor)> ownParameters = [];
    private readonly List<(string Name, Tensor? Tensor)> ownBuffers = [];
    private readonly List<(string Name, Module Module)> childModules = [];

    /// <summary>Creates a module with a display name (PyTorch's class name).</summary>
    protected Module(string name) => this.name = name;

    private readonly string name;

    /// <summary>Display name, e.g. <c>Linear</c>.</summary>
    public string GetName() => name;

    /// <summary>True in training mode (the default); affects Dropout and BatchNorm.</summary>
    public bool training { get; private set; } = true;

    /// <summary>Sets training mode on this module and all children; returns this.</summary>
    public Module train(bool mode = true)
    {
        training = mode;
        foreach (var (_, m) in childModules) m.train(mode);
        return this;
    }

    /// <summary>Sets evaluation mode (<c>train(false)</c>); returns this.</summary>
    public Module eval() => train(false);

    /// <summary>Registers a learnable parameter under <paramref name="name"/> (null reserves the name, e.g. no bias). It is marked requires_grad.</summary>
    public void register_parameter(string name, Tensor? parameter)
    {
        CheckName(name);
        if (parameter is not null && !parameter.is_leaf)
            throw new ArgumentException($"register_parameter: '{name}' must be a leaf tensor (produced by {parameter.grad_fn}); detach() it first.");
        parameter?.requires_grad_(true);
        Replace(ownParameters, name, parameter);
    }

    /// <summary>Registers a non-learnable state tensor (e.g. running mean) saved in the state dict.</summary>
    public void register_buffer(string name, Tensor? buffer)
    {
        CheckName(name);
        Replace(ownBuffers, name, buffer);
    }

    /// <summary>Registers a child module under <paramref name="name"/>; its entries appear as <c>name.child</c>.</summary>
    public void register_module(string name, Module module)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(module);
        for (int i = 0; i < childModules.Count; i++)
        {
            if (childModules[i].Name == name)
            {
                childModules[i] = (name, module);
                return;
            }
        }
        childModules.Add((name, module));
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"Module: invalid name '{name}' (must be non-empty and contain no '.').");
    }

    private static void Replace(List<(string Name, Tensor? Tensor)> list, string name, Tensor? tensor)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Name == name)
            {
                list[i] = (name, tensor);
                return;
            }
        }
        list.Add((name, tensor));
    }

    /// <summary>The parameter registered directly on this module under <paramref name="name"/>.</summary>
    protected Tensor? GetParameter(string name) => ownParameters.FirstOrDefault(p => p.Name == name).Tensor;

    /// <summary>The buffer registered directly on this module under <paramref name="name"/>.</summary>
    protected Tensor? GetBuffer(string name) => ownBuffers.FirstOrDefault(p => p.Name == name).Tensor;

    /// <summary>Parameters with dotted names, depth-first in registration order (this module's own first).</summary>
    public IEnumerable<(string name, Tensor parameter)> named_parameters(bool recurse = true)
    {
        foreach (var (n, p) in ownParameters)
            if (p is not null) yield return (n, p);
        if (!recurse) yield break;
        foreach (var (mn, m) in childModules)
            foreach (var (n, p) in m.named_parameters(true)) yield return ($"{mn}.{n}", p);
    }

    /// <summary>All parameters (what an optimizer takes).</summary>
    public IEnumerable<Tensor> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

    /// <summary>Buffers with dotted names.</summary>
    public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true)
    {
        foreach (var (n, b) in ownBuffers)
            if (b is not null) yield return (n, b);
        if (!recurse) yield break;
        foreach (var (mn, m) in childModules)
            foreach (var (n, b) in m.named_buffers(true)) yield return ($"{mn}.{n}", b);
    }

    /// <summary>Direct children with their names.</summary>
    public IEnumerable<(string name, Module module)> named_children() => childModules.Select(m => (m.Name, m.Module));

    /// <summary>Direct children.</summary>
    public IEnumerable<Module> children() => childModules.Select(m => m.Module);

    /// <summary>This module and all descendants with dotted names (this one has the empty name).</summary>
    public IEnumerable<(string name, Module module)> named_modules()
    {
        yield return ("", this);
        foreach (var (mn, m) in childModules)
            foreach (var (n, d) in m.named_modules()) yield return (n.Length == 0 ? mn : $"{mn}.{n}", d);
    }

    /// <summary>Parameters and buffers by dotted name, in PyTorch's order (per module: parameters, buffers, then children).
    /// The tensors are the live ones (detached views sharing storage).</summary>
    public OrderedDictionary<string, Tensor> state_dict()
    {
        var dict = new OrderedDictionary<string, Tensor>();
        AddState(dict, "");
        return dict;
    }

    private void AddState(OrderedDictionary<string, Tensor> dict, string prefix)
    {
        foreach (var (n, p) in ownParameters)
            if (p is not null) dict.Add(prefix + n, p.detach());
        foreach (var (n, b) in ownBuffers)
            if (b is not null) dict.Add(prefix + n, b.detach());
        foreach (var (mn, m) in childModules) m.AddState(dict, $"{prefix}{mn}.");
    }

    /// <summary>
    /// Copies values from <paramref name="stateDict"/> into this module's parameters and buffers.
    /// With <paramref name="strict"/>, missing, unexpected and mis-shaped keys are all listed in one
    /// <see cref="StateDictMismatchException"/>; without it only mis-shaped keys throw and the rest load.
    /// </summary>
    /// <returns>Missing and unexpected keys (empty when strict succeeded).</returns>
    public (IReadOnlyList<string> missing_keys, IReadOnlyList<string> unexpected_keys) load_state_dict(
        IReadOnlyDictionary<string, Tensor> stateDict, bool strict = true)
    {
        var own = state_dict();
        var missing = own.Keys.Where(k => !stateDict.ContainsKey(k)).ToList();
        var unexpected = stateDict.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var misShaped = new List<string>();
        foreach (var (k, t) in own)
        {
            if (stateDict.TryGetValue(k, out var src) && !Shapes.Equal(src.Dims, t.Dims))
                misShaped.Add($"{k}: checkpoint {Shapes.Format(src.Dims)} vs model {Shapes.Format(t.Dims)}");
        }
        if (misShaped.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
            throw new StateDictMismatchException(GetName(), missing, unexpected, misShaped);
        using (torch.no_grad())
        {
            foreach (var (k, t) in own)
            {
                if (!stateDict.TryGetValue(k, out var src)) continue;
                t.copy_(src.dtype == t.dtype ? src : src.to(t.dtype));
            }
        }
        return (missing, unexpected);
    }

    /// <summary>Saves <see cref="state_dict"/> as a safetensors file (TorchSharp's <c>module.save</c>).</summary>
    public Module save(string path)
    {
        Serialization.SafeTensors.Save(path, state_dict());
        return this;
    }

    /// <summary>Loads parameters and buffers from a safetensors file written by <see cref="save"/> or Python.</summary>
    public Module load(string path, bool strict = true)
    {
        load_state_dict(Serialization.SafeTensors.Load(path), strict);
        return this;
    }

    /// <summary>Switches requires_grad on every parameter (false freezes the module); returns this.</summary>
    public Module requires_grad_(bool requiresGrad = true)
    {
        foreach (var p in parameters()) p.requires_grad = requiresGrad;
        return this;
    }

    /// <summary>Zeroes every parameter's gradient in place (PyTorch 1.13's default), or sets it to null when <paramref name="setToNone"/> is true.</summary>
    public void zero_grad(bool setToNone = false)
    {
        foreach (var p in parameters())
        {
            if (setToNone) p.grad = null;
            else using (torch.no_grad()) p.grad?.zero_();
        }
    }

    /// <summary>Applies <paramref name="fn"/> to every descendant and then this module; returns this.</summary>
    public Module apply(Action<Module> fn)
    {
        foreach (var (_, m) in childModules) m.apply(fn);
        fn(this);
        return this;
    }

    /// <summary>Name and children, one per line, indented like PyTorch's repr.</summary>
    public override string ToString()
    {
        if (childModules.Count == 0) return name;
        var sb = new System.Text.StringBuilder(name).Append("(\n");
        foreach (var (n, m) in childModules)
            sb.Append("  (").Append(n).Append("): ").Append(m.ToString().Replace("\n", "\n  ")).Append('\n');
        return sb.Append(')').ToString();
    }
}

/// <summary>A module with one input and one output (<c>forward(x)</c>), like TorchSharp's <c>Module&lt;T, TResult&gt;</c>.</summary>
/// <typeparam name="T">Input type.</typeparam>
/// <typeparam name="TResult">Output type.</typeparam>
public abstract class Module<T, TResult> : Module
{
    /// <summary>Creates the module with a display name.</summary>
    protected Module(string name) : base(name)
    {
    }

    /// <summary>The computation.</summary>
    public abstract TResult forward(T input);

    /// <summary>Calls <see cref="forward"/> (PyTorch's <c>module(x)</c>).</summary>
    public TResult call(T input) => forward(input);
}

/// <summary>A module with two inputs, like TorchSharp's <c>Module&lt;T1, T2, TResult&gt;</c>.</summary>
/// <typeparam name="T1">First input type.</typeparam>
/// <typeparam name="T2">Second input type.</typeparam>
/// <typeparam name="TResult">Output type.</typeparam>
public abstract class Module<T1, T2, TResult> : Module
{
    /// <summary>Creates the module with a display name.</summary>
    protected Module(string name) : base(name)
    {
    }

    /// <summary>The computation.</summary>
    public abstract TResult forward(T1 input1, T2 input2);

    /// <summary>Calls <see cref="forward"/>.</summary>
    public TResult call(T1 input1, T2 input2) => forward(input1, input2);
}
