namespace MlNetEmotion.Neural.Modules;

/// <summary>Cross-entropy between logits and int64 class targets (<c>torch.nn.CrossEntropyLoss</c>).</summary>
/// <param name="weight">Optional per-class weights [C].</param>
/// <param name="ignore_index">Target value that contributes nothing.</param>
/// <param name="reduction">Reduction.</param>
/// <param name="label_smoothing">ε in [0, 1].</param>
public sealed class CrossEntropyLoss(Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0)
    : Module<Tensor, Tensor, Tensor>("CrossEntropyLoss")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) =>
        torch.nn.functional.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing);
}

/// <summary>Negative log-likelihood of log-probabilities (<c>torch.nn.NLLLoss</c>).</summary>
/// <param name="weight">Optional per-class weights [C].</param>
/// <param name="ignore_index">Target value that contributes nothing.</param>
/// <param name="reduction">Reduction.</param>
public sealed class NLLLoss(Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean)
    : Module<Tensor, Tensor, Tensor>("NLLLoss")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.nll_loss(input, target, weight, ignore_index, reduction);
}

/// <summary>Mean squared error (<c>torch.nn.MSELoss</c>).</summary>
/// <param name="reduction">Reduction.</param>
public sealed class MSELoss(Reduction reduction = Reduction.Mean) : Module<Tensor, Tensor, Tensor>("MSELoss")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.mse_loss(input, target, reduction);
}

/// <summary>Mean absolute error (<c>torch.nn.L1Loss</c>).</summary>
/// <param name="reduction">Reduction.</param>
public sealed class L1Loss(Reduction reduction = Reduction.Mean) : Module<Tensor, Tensor, Tensor>("L1Loss")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.l1_loss(input, target, reduction);
}

/// <summary>Binary cross-entropy on logits (<c>torch.nn.BCEWithLogitsLoss</c>).</summary>
/// <param name="weight">Optional element weights.</param>
/// <param name="pos_weight">Optional positive-class weights.</param>
/// <param name="reduction">Reduction.</param>
public sealed class BCEWithLogitsLoss(Tensor? weight = null, Tensor? pos_weight = null, Reduction reduction = Reduction.Mean)
    : Module<Tensor, Tensor, Tensor>("BCEWithLogitsLoss")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) =>
        torch.nn.functional.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction);
}

/// <summary>Focal loss with fixed γ; the per-sample α (paper 004's dynamic weights) is passed per call.</summary>
/// <param name="gamma">Focusing exponent.</param>
/// <param name="class_alpha">Optional per-class weights [C].</param>
/// <param name="reduction">Reduction.</param>
public sealed class FocalLoss(double gamma = 2, Tensor? class_alpha = null, Reduction reduction = Reduction.Mean)
    : Module<Tensor, Tensor, Tensor>("FocalLoss")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.focal_loss(input, target, gamma, null, class_alpha, reduction);

    /// <summary>Loss with per-sample weights α [N].</summary>
    public Tensor forward(Tensor input, Tensor target, Tensor alpha) => torch.nn.functional.focal_loss(input, target, gamma, alpha, class_alpha, reduction);
}
