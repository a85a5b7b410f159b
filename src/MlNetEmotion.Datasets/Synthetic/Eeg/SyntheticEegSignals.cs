using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Eeg;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Raw synthetic EEG in µV for the DEAP- and EAV-shaped corpora, one trial at a time, with planted, documented effects.
/// Each channel is the sum of
/// <list type="bullet">
/// <item><b>Background</b>: pink noise, one-sided density 2/f µV²/Hz (Kellet's 1/f filter, no FFT), made spatially
/// correlated by mixing independent per-channel sources over neighbouring electrodes (Gaussian weights, λ = 4 cm, on the
/// <c>standard_1020</c> positions).</item>
/// <item><b>Rhythms</b>: theta (4–8 Hz), alpha (the subject's individual alpha frequency −2…+3 Hz, 8–13 Hz at 10 Hz),
/// beta (13–30 Hz) and gamma (30–45 Hz), each band-limited noise (8-pole Butterworth band-pass with its −3 dB edges
/// 0.5 Hz or 6 % inside the band) mixed spatially like the background. Resting power at log power L is 4·e^L µV² with
/// L = 1.5, 1.8 (2.3 over P/PO/O), 0.8 and 0 for the four bands.</item>
/// <item><b>Affect effects</b>, in the stimulus segment only: each rhythm's natural-log power changes by
/// <see cref="SyntheticEegSignalOptions.EffectSize"/> (default 0.35 = 1.52 dB) times — the same effects as the band-power
/// <see cref="SyntheticEegGenerator"/> — arousal × 1 for beta and × 0.6 for gamma at Fp/AF/F/FC electrodes, arousal ×
/// −0.7 for alpha at P/PO/O electrodes, and valence × +1 for alpha at right (even-numbered) and × −1 at left
/// (odd-numbered) Fp/AF/F electrodes, so that frontal alpha asymmetry (right − left) grows by 2 × EffectSize per unit
/// of valence. Valence and arousal are the centred <see cref="AffectState"/>. The 1/f floor under each band and the skirts of
/// neighbouring rhythms dilute the measured change of total (Welch) band power: it is 75–100 % of the planted change
/// with <see cref="SyntheticEegSignalOptions.SubjectVariability"/> 0 (beta ≈ 80 %, alpha ≈ 92–95 %, gamma ≈ 89 %), and
/// 50–110 % for varied subjects, whose alpha frequency moves alpha towards theta or beta.</item>
/// <item><b>Subject</b> (from seed and subject only): per-channel gains, individual alpha frequency and offsets of the
/// resting band powers and background level, scaled by <see cref="SyntheticEegSignalOptions.SubjectVariability"/>;
/// strong enough that classifiers trained on other subjects do clearly worse than within-subject ones (nearest class
/// centroid of high vs low arousal on log band powers, 6 s trials: 97 % within a subject, 75 % across subjects).</item>
/// <item><b>Trial</b>: independent N(0, <see cref="SyntheticEegSignalOptions.TrialNoise"/>²) on every channel's and
/// band's log rhythm power, and of course fresh noise.</item>
/// <item><b>Artefacts</b>: eye blinks (80–200 µV at Fp1/Fp2, fading with distance from the eyes), temporal muscle bursts
/// (20–60 Hz, 5–20 µV RMS around T7/T8), slow drift (smoothed random walk) and optional power-line noise.</item>
/// </list>
/// A trial is the baseline (no affect effect) followed by the stimulus: 3 s + 60 s at 128 Hz = 8064 samples for DEAP,
/// 20 s at 500 Hz for EAV. The recording's annotations mark <c>Baseline</c>, <c>Stimulus</c>, each <c>Blink</c> and each
/// <c>Muscle</c> burst. The result is a pure function of (seed, subject, trial, affect, options): bit-identical on every
/// call, in any order and on any thread.
/// </summary>
public static class SyntheticEegSignals
{
    /// <summary>Background density at 1 Hz, µV²/Hz (the density is this divided by the frequency).</summary>
    private const double BackgroundDensity = 2;

    /// <summary>Prototype order of the rhythm band-passes: 8 poles in 4 sections (<see cref="ChannelLanes.SosFilt4"/>).</summary>
    private const int RhythmFilterOrder = 4;

    /// <summary>Generates one trial.</summary>
    /// <param name="seed">Corpus seed.</param>
    /// <param name="subject">Subject number; with <paramref name="seed"/> it fixes the subject's profile.</param>
    /// <param name="trial">Trial number, from 1.</param>
    /// <param name="affect">What the subject felt during the stimulus; both values in [−1, 1].</param>
    /// <param name="options">Options; null means the defaults (a DEAP-shaped trial).</param>
    /// <param name="bursts">When the affect effects act, in seconds from the stimulus onset; at rest elsewhere. Null
    /// (default): the whole stimulus.</param>
    /// <returns>The recording: one µV channel per <see cref="SyntheticEegChannels.For"/> name at the layout's rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The trial number, the affect or an option is out of range.</exception>
    public static EegRecording Generate(int seed, int subject, int trial, AffectState affect, SyntheticEegSignalOptions? options = null,
        EmotionBursts? bursts = null)
    {
        options ??= new SyntheticEegSignalOptions();
        options.Validate();
        if (trial < 1) throw new ArgumentOutOfRangeException(nameof(trial), trial, "Trials are numbered from 1 (trial 0 seeds the subject's profile).");
        if (!(Math.Abs(affect.Valence) <= 1) || !(Math.Abs(affect.Arousal) <= 1))
            throw new ArgumentOutOfRangeException(nameof(affect), affect, "Valence and arousal must lie in [−1, 1].");

        var head = SyntheticHead.For(options.Layout);
        double fs = head.SamplingRate;
        int baseline = (int)Math.Round(options.BaselineSecondsOrDefault * fs);
        int length = baseline + (int)Math.Round(options.StimulusSeconds * fs);
        var profile = SubjectProfile.Draw(seed, subject, head.Channels.Count, options.SubjectVariability);
        var random = new Random(SyntheticSeed.For(seed, subject, trial, SyntheticSeed.Stream.Eeg));
        // One independent stream per component, so that switching one off leaves the others unchanged.
        var streams = Enumerable.Range(0, 7).Select(_ => new Random(random.Next())).ToArray();

        var x = new double[head.Channels.Count][];
        for (int c = 0; c < x.Length; c++) x[c] = new double[length];
        AddBrainActivity(x, head, profile, affect, options, baseline, bursts, new UniformNoise(streams[0]), streams[1], streams[2]);

        var annotations = new List<EegAnnotation>();
        if (baseline > 0) annotations.Add(new EegAnnotation(0, baseline / fs, "Baseline"));
        annotations.Add(new EegAnnotation(baseline / fs, (length - baseline) / fs, "Stimulus"));
        EyeBlinks.Add(x, head, options.BlinkRate, streams[3], annotations);
        MuscleBursts.Add(x, head, options.MuscleRate, streams[4], annotations);
        SlowDrift.Add(x, fs, options.Drift, streams[5]);
        LineNoise.Add(x, fs, options.LineNoise, options.LineFrequency, streams[6]);
        for (int c = 0; c < x.Length; c++) TensorPrimitives.Multiply(x[c], profile.Gains[c], x[c]);

        var channels = x.Select((samples, c) => new EegChannel(head.Channels[c], fs, samples)).ToArray();
        return new EegRecording(channels, annotations.OrderBy(a => a.Onset).ToArray(), new EegRecordingInfo
        {
            PatientId = $"s{subject:00}",
            RecordingId = $"synthetic {options.Layout} seed {seed} subject {subject} trial {trial}",
        });
    }

    /// <summary>Background and rhythms. All noise runs one second longer than the trial and the first second is dropped,
    /// so that the filters start in their steady state.</summary>
    private static void AddBrainActivity(double[][] x, SyntheticHead head, SubjectProfile profile, AffectState affect,
        SyntheticEegSignalOptions options, int baseline, EmotionBursts? bursts, UniformNoise noise, Random stateRandom, Random powerRandom)
    {
        int channels = x.Length, rows = ChannelLanes.Padded(channels), length = x[0].Length;
        int warmUp = (int)head.SamplingRate, total = warmUp + length;
        double[] mixed = ArrayPool<double>.Shared.Rent(rows * total);
        try
        {
            var lanes = mixed.AsSpan(0, rows * total);
            lanes[(channels * total)..].Clear();
            head.Mixing.MixNoise(noise, lanes, total);
            PinkFilter.Apply(lanes, total, BackgroundDensity * Math.Exp(profile.BackgroundLogOffset), stateRandom);
            for (int c = 0; c < channels; c++) lanes.Slice(c * total + warmUp, length).CopyTo(x[c]);

            for (int b = 0; b < PlantedRhythms.Count; b++)
            {
                var (low, high) = PlantedRhythms.PassBand(b, profile.AlphaFrequency);
                var filter = Butterworth.BandPass(RhythmFilterOrder, low, high, head.SamplingRate);
                double filterPower = NoisePower(filter, 8 * warmUp);
                head.Mixing.MixNoise(noise, lanes, total);
                ChannelLanes.SosFilt4(filter.Coefficients, lanes, total);
                for (int c = 0; c < channels; c++)
                {
                    var region = head.Regions[c];
                    double logPower = PlantedRhythms.RestingLogPower(region, b) + profile.LogPowerOffsets[c * PlantedRhythms.Count + b]
                        + options.TrialNoise * SyntheticTrialPlan.Normal(powerRandom);
                    double resting = Math.Sqrt(PlantedRhythms.ReferencePower * Math.Exp(logPower) / filterPower);
                    double felt = resting * Math.Exp(0.5 * options.EffectSize * PlantedRhythms.Effect(region, b, affect));
                    var row = lanes.Slice(c * total + warmUp, length);
                    var before = x[c].AsSpan(0, baseline);
                    var during = x[c].AsSpan(baseline);
                    TensorPrimitives.MultiplyAdd(row[..baseline], resting, before, before);
                    if (bursts is null) TensorPrimitives.MultiplyAdd(row[baseline..], felt, during, during);
                    else
                        for (int i = 0; i < during.Length; i++)
                            during[i] += row[baseline + i] * (bursts.Contains(i / head.SamplingRate) ? felt : resting);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(mixed);
        }
    }

    /// <summary>Output variance of <paramref name="filter"/> for unit-variance white input: the energy of its impulse
    /// response over <paramref name="length"/> samples.</summary>
    private static double NoisePower(SecondOrderSections filter, int length)
    {
        var impulse = new double[length];
        impulse[0] = 1;
        SosFilter.SosFilt(filter, impulse, impulse);
        return TensorPrimitives.SumOfSquares(impulse);
    }
}
