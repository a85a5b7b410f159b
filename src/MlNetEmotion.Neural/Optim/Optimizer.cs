namespace MlNetEmotion.Neural.Optim;

/// <summary>A group of parameters sharing a learning rate (PyTorch's <c>param_groups</c> entry).</summary>
public sealed class ParamGroup
{
    internal ParamGroup(IReadOnlyList<Tensor> parameters, double lr)
    {
        this.parameters = parameters;
        this.lr = lr;
        initial_lr = lr;
    }

    /// <summary>The parameters updated with this group's settings.</summary>
    public IReadOnlyList<Tensor> parameters { get; }

    /// <summary>Current learning rate (schedulers change it).</summary>
    public double lr { get; set; }

    /// <summary>Learning rate at construction (what schedulers start from).</summary>
    public double initial_lr { get; }
}

/// <summary>Base of the optimizers (<c>torch.optim.Optimizer</c>): parameter groups, zero_grad, step.</summary>
public abstract class Optimizer
{
    private readonly List<ParamGroup> groups = [];

    /// <summary>Creates an optimizer over one group of parameters.</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, double lr)
    {
        if (lr < 0) throw new ArgumentOutOfRangeException(nameof(lr), lr, "Optimizer: learning rate must be non-negative.");
        var list = parameters.ToList();
        if (list.Count == 0) throw new ArgumentException("Optimizer: got an empty parameter list.", nameof(parameters));
        groups.Add(new ParamGroup(list, lr));
    }

    /// <summary>Parameter groups (one unless added with <see cref="add_param_group"/>).</summary>
    public IReadOnlyList<ParamGroup> param_groups => groups;

    /// <summary>Adds a group with its own learning rate (defaults to the first group's).</summary>
    public void add_param_group(IEnumerable<Tensor> parameters, double? lr = null) =>
        groups.Add(new ParamGroup(parameters.ToList(), lr ?? groups[0].lr));

    /// <summary>Clears every parameter's gradient: zeroed in place by default (PyTorch 1.13's default, and no new
    /// gradient buffers next step), or set to null when <paramref name="set_to_none"/> is true.</summary>
    public void zero_grad(bool set_to_none = false)
    {
        foreach (var g in groups)
            foreach (var p in g.parameters)
            {
                if (set_to_none) p.grad = null;
                else p.grad?.AsSpan().Clear();
            }
    }

    /// <summary>Performs one update from the current gradients; parameters with no gradient are skipped.</summary>
    public void step()
    {
        int index = 0;
        foreach (var g in groups)
        {
            foreach (var p in g.parameters)
            {
                if (p.grad is not null)
                {
                    if (p.grad.numel() != p.numel())
                        throw new ShapeMismatchException($"{GetType().Name}.step", p.Dims, p.grad.Dims, "gradient must match the parameter");
                    Update(index, p.AsSpan(), p.grad.AsSpan(), g.lr);
                }
                index++;
            }
        }
        StepCount++;
    }

    /// <summary>Number of completed <see cref="step"/> calls.</summary>
    protected long StepCount { get; private set; }

    /// <summary>Updates one parameter in place.</summary>
    /// <param name="index">Position of the parameter across all groups (stable key for per-parameter state).</param>
    /// <param name="param">Parameter values.</param>
    /// <param name="grad">Gradient.</param>
    /// <param name="lr">The group's learning rate.</param>
    protected abstract void Update(int index, Span<float> param, ReadOnlySpan<float> grad, double lr);

    /// <summary>Per-parameter state buffers, created on first use with the parameter's length.</summary>
    protected sealed class StateStore(int buffersPerParam)
    {
        private readonly Dictionary<int, float[][]> state = [];
        private readonly Dictionary<int, long> steps = [];

        /// <summary>The buffers of parameter <paramref name="index"/> (zeros at first) and whether they are new.</summary>
        public float[][] Get(int index, int length, out bool created)
        {
            created = !state.TryGetValue(index, out var buffers);
            if (created)
            {
                buffers = new float[buffersPerParam][];
                for (int i = 0; i < buffersPerParam; i++) buffers[i] = new float[length];
                state[index] = buffers;
            }
            return buffers!;
        }

        /// <summary>Increments and returns the parameter's own step counter.</summary>
        public long NextStep(int index)
        {
            steps.TryGetValue(index, out long s);
            steps[index] = ++s;
            return s;
        }
    }
}
