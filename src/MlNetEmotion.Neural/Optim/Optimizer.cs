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

    /// <summary>The per-parameter buffers of this optimizer, if it keeps any (moments, momentum).</summary>
    protected virtual StateStore? State => null;

    /// <summary>A copy of the optimizer's state (<c>optimizer.state_dict()</c>): step count, each group's learning
    /// rate and every per-parameter buffer and step counter, so training resumes bit-identically.</summary>
    public OptimizerState state_dict() => new(StepCount, [.. groups.Select(g => g.lr)], State?.Export() ?? []);

    /// <summary>Restores a state from <see cref="state_dict"/> of an optimizer of the same kind over the same parameters.</summary>
    /// <param name="state">The state.</param>
    /// <exception cref="ArgumentException">The group count or a buffer length differs.</exception>
    public void load_state_dict(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.LearningRates.Count != groups.Count)
            throw new ArgumentException($"{GetType().Name}.load_state_dict: {state.LearningRates.Count} groups saved, {groups.Count} here.", nameof(state));
        var lengths = groups.SelectMany(g => g.parameters).Select(p => (int)p.numel()).ToArray();
        foreach (var entry in state.Parameters)
        {
            if ((uint)entry.Index >= (uint)lengths.Length || entry.Buffers.Any(b => b.Length != lengths[entry.Index]))
                throw new ArgumentException($"{GetType().Name}.load_state_dict: saved state of parameter {entry.Index} does not fit this optimizer's parameters.", nameof(state));
        }
        StepCount = state.StepCount;
        for (int i = 0; i < groups.Count; i++) groups[i].lr = state.LearningRates[i];
        State?.Import(state.Parameters);
    }

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

        /// <summary>Copies of every parameter's buffers and step counter, by parameter index.</summary>
        public IReadOnlyList<ParameterState> Export() =>
            [.. state.Keys.Union(steps.Keys).Order().Select(i => new ParameterState(i, steps.GetValueOrDefault(i),
                state.TryGetValue(i, out var b) ? [.. b.Select(x => (float[])x.Clone())] : []))];

        /// <summary>Replaces every buffer and step counter with copies of <paramref name="saved"/>.</summary>
        public void Import(IReadOnlyList<ParameterState> saved)
        {
            state.Clear();
            steps.Clear();
            foreach (var p in saved)
            {
                if (p.Buffers.Count > 0) state[p.Index] = [.. p.Buffers.Select(x => (float[])x.Clone())];
                if (p.Step > 0) steps[p.Index] = p.Step;
            }
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

/// <summary>The saved state of one parameter inside an <see cref="OptimizerState"/>.</summary>
/// <param name="Index">Position of the parameter across all groups.</param>
/// <param name="Step">The parameter's own step counter.</param>
/// <param name="Buffers">Its buffers (moments, momentum), each of the parameter's length.</param>
public sealed record ParameterState(int Index, long Step, IReadOnlyList<float[]> Buffers);

/// <summary>An optimizer's state as <see cref="Optimizer.state_dict"/> returns it.</summary>
/// <param name="StepCount">Completed steps.</param>
/// <param name="LearningRates">Each group's current rate.</param>
/// <param name="Parameters">Per-parameter buffers and counters.</param>
public sealed record OptimizerState(long StepCount, IReadOnlyList<double> LearningRates, IReadOnlyList<ParameterState> Parameters);
