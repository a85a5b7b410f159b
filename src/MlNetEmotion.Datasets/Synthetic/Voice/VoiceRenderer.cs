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
/// at voicing amplitude 1. Works block by block (one track value, 1 ms): noise is drawn only where it sounds.
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
        var frication = ArrayPool<float>.Shared.Rent(n);
        Array.Clear(frication, 0, n);
        Span<double> voiced = stackalloc double[blockSize], noise = stackalloc double[blockSize];
        Span<float> draws = stackalloc float[blockSize + 1];

        var cascade = new FormantResonator[5];
        for (int k = 0; k < 5; k++) cascade[k] = new FormantResonator(VowelFormants.Bandwidths[k], fs);
        cascade[3].Tune(track.UpperFormants[0]);
        cascade[4].Tune(track.UpperFormants[1]);
        var noiseFilter = new FormantResonator(FricationBandwidth, fs);
        var aspirationNoise = new NoiseReservoir(random);
        var fricationNoise = new NoiseReservoir(random);

        double opening = 0.71 * track.OpenQuotient, closing = 0.29 * track.OpenQuotient, breath = track.Breathiness;
        double openingRate = Math.PI / opening, closingRate = 0.5 * Math.PI / closing;
        double phase = 0, step = track.F0[0] / fs, cycleAmplitude = 1, lastVoiced = 0, lastNoise = 0, lastDraw = 0;
        double voicing2 = 0, frication2 = 0;
        for (int b = 0, start = 0; start < n; b++, start += blockSize)
        {
            int length = Math.Min(blockSize, n - start);
            var v = voiced[..length];
            double av = track.Voicing[b], avStep = (track.Voicing[b + 1] - av) / blockSize;
            bool speaking = av > 0 || track.Voicing[b + 1] > 0;
            // Aspiration: first difference of white noise (turbulence is mostly above 1 kHz), stronger while open.
            if (speaking) aspirationNoise.Take(draws[1..(length + 1)]);
            draws[0] = (float)lastDraw;
            for (int i = 0; i < length; i++, av += avStep)
            {
                phase += step;
                if (phase >= 1)
                {
                    phase -= 1;
                    step = track.F0[b] * Math.Max(0.5, 1 + jitter * random.NextNormal()) / fs;
                    cycleAmplitude = Math.Max(0, 1 + shimmer * random.NextNormal());
                }
                if (!speaking) { v[i] = 0; continue; }
                bool open = phase < opening + closing;
                double flow = phase < opening ? 0.5 - 0.5 * Math.Cos(openingRate * phase)
                    : open ? Math.Cos(closingRate * (phase - opening)) : 0;
                double turbulence = draws[i + 1] - draws[i];
                v[i] = av * (cycleAmplitude * flow + breath * turbulence * (open ? 1 : 0.3));
                voicing2 += av * av;
            }
            lastDraw = speaking ? draws[length] : 0;

            for (int k = 0; k < 3; k++) cascade[k].Tune(track.Formants[k][b]);
            for (int k = 0; k < 5; k++) cascade[k].Process(v);
            var o = output.Slice(start, length);
            for (int i = 0; i < length; i++)
            {
                o[i] = (float)(v[i] - lastVoiced);   // lip radiation
                lastVoiced = v[i];
            }

            double af = track.Frication[b], afStep = (track.Frication[b + 1] - af) / blockSize;
            if (af > 0 || track.Frication[b + 1] > 0)
            {
                var z = noise[..length];
                var d = draws[..length];
                fricationNoise.Take(d);
                noiseFilter.TuneBandPass(track.FricationHz[b]);
                for (int i = 0; i < length; i++, af += afStep)
                {
                    z[i] = af * d[i];
                    frication2 += af * af;
                }
                noiseFilter.Process(z);
                for (int i = 0; i < length; i++)
                {
                    frication[start + i] = (float)(z[i] - lastNoise);
                    lastNoise = z[i];
                }
            }
            else if (lastNoise != 0)
            {
                // The band-pass (1500 Hz wide) has rung out within the ramp; start the next burst from rest.
                noiseFilter.Reset();
                lastNoise = 0;
            }
        }
        if (frication2 > 0 && voicing2 > 0)
        {
            double voicedPower = TensorPrimitives.SumOfSquares<float>(output[..n]) / voicing2;
            double noisePower = TensorPrimitives.SumOfSquares<float>(frication.AsSpan(0, n)) / frication2;
            if (noisePower > 0) TensorPrimitives.MultiplyAdd(frication.AsSpan(0, n), (float)Math.Sqrt(voicedPower / noisePower), output[..n], output[..n]);
        }
        ArrayPool<float>.Shared.Return(frication);
    }
}
