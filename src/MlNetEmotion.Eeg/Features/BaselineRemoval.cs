namespace MlNetEmotion.Eeg.Features;

/// <summary>
/// Removes a pre-trial baseline (DEAP: the first 3 s of each 63 s trial) and returns the trial part
/// only, corrected as <see cref="BaselineMethod"/> says.
/// </summary>
public static class BaselineRemoval
{
    /// <summary>The length of DEAP's pre-trial baseline in seconds.</summary>
    public const double DeapBaselineSeconds = 3;

    /// <summary>Corrects one channel.</summary>
    /// <param name="samples">Baseline followed by the trial.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="baselineSeconds">Length of the leading baseline in seconds (whole seconds for <see cref="BaselineMethod.PerSecondMean"/>).</param>
    /// <param name="method">Correction method.</param>
    /// <returns>The trial samples (after the baseline), corrected.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The baseline is empty, not shorter than the signal, or not whole seconds for the per-second method.</exception>
    public static double[] Apply(ReadOnlySpan<double> samples, double samplingRate, double baselineSeconds = DeapBaselineSeconds, BaselineMethod method = BaselineMethod.Mean)
    {
        int baseline = (int)Math.Round(baselineSeconds * samplingRate);
        if (baseline < 1 || baseline >= samples.Length)
            throw new ArgumentOutOfRangeException(nameof(baselineSeconds), baselineSeconds,
                $"A {baselineSeconds} s baseline at {samplingRate} Hz is {baseline} samples; it must be at least 1 and shorter than the {samples.Length}-sample signal.");
        var trial = samples[baseline..].ToArray();
        if (method == BaselineMethod.Mean)
        {
            double mean = System.Numerics.Tensors.TensorPrimitives.Sum(samples[..baseline]) / baseline;
            System.Numerics.Tensors.TensorPrimitives.Subtract(trial, mean, trial);
            return trial;
        }
        int second = (int)Math.Round(samplingRate);
        if (Math.Abs(samplingRate - second) > 1e-9 || baseline % second != 0)
            throw new ArgumentOutOfRangeException(nameof(baselineSeconds), baselineSeconds,
                $"The per-second method needs a whole-number sampling rate and a whole number of seconds of baseline; got {samplingRate} Hz and {baselineSeconds} s.");
        var template = new double[second];
        int segments = baseline / second;
        for (int s = 0; s < segments; s++)
            System.Numerics.Tensors.TensorPrimitives.Add(template, samples.Slice(s * second, second), template);
        System.Numerics.Tensors.TensorPrimitives.Divide(template, segments, template);
        for (int start = 0; start < trial.Length; start += second)
        {
            var part = trial.AsSpan(start, Math.Min(second, trial.Length - start));
            System.Numerics.Tensors.TensorPrimitives.Subtract(part, template.AsSpan(0, part.Length), part);
        }
        return trial;
    }
}
