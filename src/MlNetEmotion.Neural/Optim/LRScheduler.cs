namespace MlNetEmotion.Neural.Optim;

/// <summary>Base of learning-rate schedules: call <see cref="step"/> once per epoch after <c>optimizer.step()</c>.</summary>
public abstract class LRScheduler
{
    private readonly double[] baseLrs;

    /// <summary>Binds the schedule to <paramref name="optimizer"/>; its groups' current rates become the base rates.</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        this.optimizer = optimizer;
        baseLrs = [.. optimizer.param_groups.Select(g => g.lr)];
    }

    /// <summary>The optimizer whose rates are scheduled.</summary>
    public Optimizer optimizer { get; }

    /// <summary>Epochs stepped so far.</summary>
    public int last_epoch { get; private set; }

    /// <summary>Advances one epoch and writes the new rate into every parameter group.</summary>
    public void step()
    {
        last_epoch++;
        for (int i = 0; i < baseLrs.Length; i++) optimizer.param_groups[i].lr = LearningRate(baseLrs[i], last_epoch);
    }

    /// <summary>Sets the epoch count (<c>scheduler.load_state_dict</c>) and writes that epoch's rates into the groups.</summary>
    /// <param name="epoch">Epochs stepped, as <see cref="last_epoch"/> read from a checkpoint.</param>
    public void load_state_dict(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        last_epoch = epoch;
        for (int i = 0; i < baseLrs.Length; i++) optimizer.param_groups[i].lr = epoch == 0 ? baseLrs[i] : LearningRate(baseLrs[i], epoch);
    }

    /// <summary>The rates currently set on the groups.</summary>
    public IReadOnlyList<double> get_last_lr() => [.. optimizer.param_groups.Select(g => g.lr)];

    /// <summary>Closed-form rate of a group with base rate <paramref name="baseLr"/> at <paramref name="epoch"/>.</summary>
    protected abstract double LearningRate(double baseLr, int epoch);
}

/// <summary>Multiplies the rate by γ every <c>step_size</c> epochs (<c>torch.optim.lr_scheduler.StepLR</c>).</summary>
/// <param name="optimizer">Optimizer to schedule.</param>
/// <param name="step_size">Epochs between decays.</param>
/// <param name="gamma">Decay factor.</param>
public sealed class StepLR(Optimizer optimizer, int step_size, double gamma = 0.1) : LRScheduler(optimizer)
{
    private readonly int stepSize = step_size > 0 ? step_size : throw new ArgumentOutOfRangeException(nameof(step_size), step_size, "StepLR: step_size must be positive.");

    /// <inheritdoc/>
    protected override double LearningRate(double baseLr, int epoch) => baseLr * Math.Pow(gamma, epoch / stepSize);
}

/// <summary>Multiplies the rate by γ at each milestone epoch (<c>torch.optim.lr_scheduler.MultiStepLR</c>).</summary>
/// <param name="optimizer">Optimizer to schedule.</param>
/// <param name="milestones">Epochs at which to decay.</param>
/// <param name="gamma">Decay factor.</param>
public sealed class MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1) : LRScheduler(optimizer)
{
    private readonly int[] sorted = [.. milestones.Order()];

    /// <inheritdoc/>
    protected override double LearningRate(double baseLr, int epoch) => baseLr * Math.Pow(gamma, sorted.Count(m => m <= epoch));
}

/// <summary>Cosine annealing η_min + (η_base − η_min)(1 + cos(π·epoch/T_max))/2 (<c>torch.optim.lr_scheduler.CosineAnnealingLR</c>, closed form).</summary>
/// <param name="optimizer">Optimizer to schedule.</param>
/// <param name="T_max">Half period in epochs.</param>
/// <param name="eta_min">Minimum rate.</param>
public sealed class CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0) : LRScheduler(optimizer)
{
    private readonly int tMax = T_max > 0 ? T_max : throw new ArgumentOutOfRangeException(nameof(T_max), T_max, "CosineAnnealingLR: T_max must be positive.");

    /// <inheritdoc/>
    protected override double LearningRate(double baseLr, int epoch) => eta_min + (baseLr - eta_min) * (1 + Math.Cos(Math.PI * epoch / tMax)) / 2;
}
