using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>
/// Renders a <see cref="VoiceTrack"/> as a source–filter synthesiser after Klatt (1980): a Rosenberg (1971) glottal
/// flow pulse train (opening 71 % and closing 29 % of the open phase, one period and amplitude drawn per cycle for
/// jitter and shimmer) plus aspiration noise that is stronger while the glottis is open, through a cascade of five
/// formant resonators (F1–F3 from the track, F4 and F5 fixed); frication noise through a band-pass resonator in
/// parallel; lip radiation as a first difference on both. Frication is scaled so that amplitude 1 is as loud as a vowel
/// at voicing amplitude 1.
/// </summary>
internal static class VoiceRenderer
{
    private const double FricationBandwidth = 1500;

    /// <summary>Renders the track into <paramref name="output"/> (<see cref="VoiceTrack.Samples"/> long).</summary>
    /// <param name="track">Control parameters.</param>
    /// <param name="random">Noise and per-cycle perturbations.</param>
    /// <param name="jitter">Relative standard deviation of each cycle's period.</param>
    /// <param name="shimmer">Relative standard deviation of each cycle's amplitude.</param>
    /// <param name="output">Destination.</param>
    public static void Render(VoiceTrack track, Generator random, double jitter, double shimmer, Span<float> output)
    {
        int n = track.Samples, blockSize = track.BlockSize;
        double fs = track.SampleRate;
        var aspiration = ArrayPool<float>.Shared.Rent(n);
        var frication = ArrayPool<float>.Shared.Rent(n);
        GaussianNoise.Fill(random, aspiration.AsSpan(0, n));
        GaussianNoise.Fill(random, frication.AsSpan(0, n));

        var cascade = new FormantResonator[5];
        for (int k = 0; k < 5; k++) cascade[k] = new FormantResonator(VowelFormants.Bandwidths[k], fs);
        cascade[3].Tune(track.UpperFormants[0]);
        cascade[4].Tune(track.UpperFormants[1]);
        var noiseFilter = new FormantResonator(FricationBandwidth, fs);

        double opening = 0.71 * track.OpenQuotient, closing = 0.29 * track.OpenQuotient, breath = track.Breathiness;
        double phase = 0, cycleHz = track.F0[0], cycleAmplitude = 1, lastVoiced = 0, lastNoise = 0, voicing2 = 0, frication2 = 0;
        for (int b = 0, start = 0; start < n; b++, start += blockSize)
        {
            for (int k = 0; k < 3; k++) cascade[k].Tune(track.Formants[k][b]);
            if (track.FricationHz[b] > 0) noiseFilter.TuneBandPass(track.FricationHz[b]);
            double av = track.Voicing[b], avStep = (track.Voicing[b + 1] - av) / blockSize;
            double af = track.Frication[b], afStep = (track.Frication[b + 1] - af) / blockSize;
            for (int i = start, end = Math.Min(n, start + blockSize); i < end; i++, av += avStep, af += afStep)
            {
                phase += cycleHz / fs;
                if (phase >= 1)
                {
                    phase -= 1;
                    cycleHz = track.F0[b] * Math.Max(0.5, 1 + jitter * random.NextNormal());
                    cycleAmplitude = Math.Max(0, 1 + shimmer * random.NextNormal());
                }
                double flow = phase < opening ? 0.5 - 0.5 * Math.Cos(Math.PI * phase / opening)
                    : phase < opening + closing ? Math.Cos(0.5 * Math.PI * (phase - opening) / closing) : 0;
                double y = av * (cycleAmplitude * flow + breath * aspiration[i] * (phase < opening + closing ? 1 : 0.3));
                for (int k = 0; k < 5; k++) y = cascade[k].Process(y);
                output[i] = (float)(y - lastVoiced);
                lastVoiced = y;
                double noise = noiseFilter.Process(af * frication[i]);
                frication[i] = (float)(noise - lastNoise);
                lastNoise = noise;
                voicing2 += av * av;
                frication2 += af * af;
            }
        }
        if (frication2 > 0 && voicing2 > 0)
        {
            double voicedPower = TensorPrimitives.SumOfSquares<float>(output[..n]) / voicing2;
            double noisePower = TensorPrimitives.SumOfSquares<float>(frication.AsSpan(0, n)) / frication2;
            if (noisePower > 0) TensorPrimitives.MultiplyAdd(frication.AsSpan(0, n), (float)Math.Sqrt(voicedPower / noisePower), output[..n], output[..n]);
        }
        ArrayPool<float>.Shared.Return(aspiration);
        ArrayPool<float>.Shared.Return(frication);
    }
}
