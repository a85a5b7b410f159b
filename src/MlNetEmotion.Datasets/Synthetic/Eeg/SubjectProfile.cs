using MlNetEmotion.Datasets.Synthetic.Corpus;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// What makes one synthetic subject's EEG their own, drawn from (seed, subject) alone and scaled by
/// <see cref="SyntheticEegSignalOptions.SubjectVariability"/> v: per-channel gains (log-normal, sd 0.15·v), an individual
/// alpha frequency (10 Hz + 0.8·v Hz × N(0,1), kept in 8–12 Hz), and offsets of the resting log rhythm power: one for all
/// channels and bands (sd 0.4·v), one per band (sd 0.25·v) and one per channel and band (sd 0.3·v); the 1/f background
/// level moves too (log sd 0.2·v).
/// </summary>
/// <param name="Gains">Amplitude gain of each channel.</param>
/// <param name="AlphaFrequency">Individual alpha frequency, Hz.</param>
/// <param name="LogPowerOffsets">Offset of the resting log power, channel-major [channel × band].</param>
/// <param name="BackgroundLogOffset">Offset of the log level of the 1/f background.</param>
internal sealed record SubjectProfile(double[] Gains, double AlphaFrequency, double[] LogPowerOffsets, double BackgroundLogOffset)
{
    /// <summary>The profile of <paramref name="subject"/> under <paramref name="seed"/> (trial 0 of the EEG stream).</summary>
    public static SubjectProfile Draw(int seed, int subject, int channels, double variability)
    {
        var random = new Random(SyntheticSeed.For(seed, subject, 0, SyntheticSeed.Stream.Eeg));
        double Normal() => SyntheticTrialPlan.Normal(random);
        var gains = new double[channels];
        for (int c = 0; c < channels; c++) gains[c] = Math.Exp(0.15 * variability * Normal());
        double alpha = Math.Clamp(10 + 0.8 * variability * Normal(), 8, 12);
        double global = 0.4 * variability * Normal();
        var perBand = new double[PlantedRhythms.Count];
        for (int b = 0; b < perBand.Length; b++) perBand[b] = 0.25 * variability * Normal();
        var offsets = new double[channels * PlantedRhythms.Count];
        for (int i = 0; i < offsets.Length; i++) offsets[i] = global + perBand[i % PlantedRhythms.Count] + 0.3 * variability * Normal();
        return new SubjectProfile(gains, alpha, offsets, 0.2 * variability * Normal());
    }
}
