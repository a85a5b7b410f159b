namespace MlNetEmotion.Neural.Functional;

/// <summary>Cross-entropy with class weights and label smoothing, following PyTorch 1.13's formula.</summary>
internal static class CrossEntropy
{
    public static Tensor Forward(Tensor input, Tensor target, Tensor? weight, long ignoreIndex, Reduction reduction, double labelSmoothing)
    {
        if (labelSmoothing < 0 || labelSmoothing > 1)
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "cross_entropy: label_smoothing must be in [0, 1].");
        var (flat, t, rest) = Losses.Flatten(input, target, "cross_entropy");
        var logp = flat.log_softmax(1);
        var nll = Losses.Nll(logp, t, weight, ignoreIndex, reduction, rest);
        if (labelSmoothing == 0) return nll;

        // Smoothing term: −Σ_c w_c log p_c per sample, zero on ignored rows; mean divides by Σ w_target (PyTorch 1.13).
        int n = (int)flat.Dims[0], c = (int)flat.Dims[1];
        var keep = new float[n];
        double weightSum = 0;
        for (int i = 0; i < n; i++)
        {
            if (t[i] == ignoreIndex) continue;
            keep[i] = 1f;
            weightSum += weight is null ? 1.0 : weight.Data[t[i]];
        }
        var weighted = weight is null ? logp : logp.mul(weight);
        var smooth = weighted.sum(1).neg().mul(new Tensor(keep, [n]));
        Tensor smoothReduced = reduction switch
        {
            Reduction.None => smooth.reshape(rest),
            Reduction.Sum => smooth.sum(),
            _ => smooth.sum().div((float)weightSum),
        };
        return nll.mul((float)(1 - labelSmoothing)).add(smoothReduced.mul((float)(labelSmoothing / c)));
    }
}
