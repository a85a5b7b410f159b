namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>Control parameters of the synthesiser, one value per block of <see cref="BlockSize"/> samples (1 ms): the
/// F0 contour, voicing and frication amplitudes, the frication noise's centre frequency and F1–F3. Amplitudes are
/// interpolated linearly between blocks when rendered; F0 is read at each glottal cycle's start and formants per block.</summary>
internal sealed class VoiceTrack
{
    public VoiceTrack(int samples, int sampleRate, double[] upperFormants, double openQuotient, double breathiness)
    {
        Samples = samples;
        SampleRate = sampleRate;
        BlockSize = Math.Max(1, sampleRate / 1000);
        Blocks = samples / BlockSize + 2;
        F0 = new double[Blocks];
        Voicing = new double[Blocks];
        Frication = new double[Blocks];
        FricationHz = new double[Blocks];
        Formants = [new double[Blocks], new double[Blocks], new double[Blocks]];
        UpperFormants = upperFormants;
        OpenQuotient = openQuotient;
        Breathiness = breathiness;
    }

    public int Samples { get; }
    public int SampleRate { get; }
    public int BlockSize { get; }
    public int Blocks { get; }
    public double[] F0 { get; }
    public double[] Voicing { get; }
    public double[] Frication { get; }
    public double[] FricationHz { get; }
    public double[][] Formants { get; }
    public double[] UpperFormants { get; }
    public double OpenQuotient { get; }
    public double Breathiness { get; }

    /// <summary>Seconds per block.</summary>
    public double BlockSeconds => (double)BlockSize / SampleRate;

    /// <summary>A steady vowel: constant F0 and formants, voicing faded in and out over 20 ms.</summary>
    public static VoiceTrack Sustained(int samples, int sampleRate, double f0, double[] formants, double[] upperFormants,
        double openQuotient, double breathiness)
    {
        var track = new VoiceTrack(samples, sampleRate, upperFormants, openQuotient, breathiness);
        Array.Fill(track.F0, f0);
        for (int k = 0; k < 3; k++) Array.Fill(track.Formants[k], formants[k]);
        track.Raise(track.Voicing, 0, (double)samples / sampleRate, 0.02, 1);
        return track;
    }

    /// <summary>Raises <paramref name="track"/> to at least a raised-cosine plateau of <paramref name="level"/> from
    /// <paramref name="start"/> to <paramref name="end"/> seconds, with <paramref name="ramp"/>-second edges inside.</summary>
    public void Raise(double[] track, double start, double end, double ramp, double level)
    {
        ramp = Math.Min(ramp, 0.5 * (end - start));
        int first = Math.Max(0, (int)Math.Floor(start / BlockSeconds)), last = Math.Min(Blocks - 1, (int)Math.Ceiling(end / BlockSeconds));
        for (int b = first; b <= last; b++)
        {
            double t = b * BlockSeconds, edge = Math.Min(t - start, end - t);
            if (edge < 0) continue;
            double shape = edge >= ramp ? 1 : 0.5 - 0.5 * Math.Cos(Math.PI * edge / ramp);
            track[b] = Math.Max(track[b], level * shape);
        }
    }

    /// <summary>Sets <paramref name="track"/> from keyframes (time in seconds, value), cosine-interpolated between
    /// neighbours and held before the first and after the last.</summary>
    public void Interpolate(double[] track, IReadOnlyList<(double Time, double Value)> keys)
    {
        if (keys.Count == 0) return;
        int k = 0;
        for (int b = 0; b < Blocks; b++)
        {
            double t = b * BlockSeconds;
            while (k < keys.Count - 1 && keys[k + 1].Time <= t) k++;
            if (t <= keys[0].Time || k == keys.Count - 1) { track[b] = t <= keys[0].Time ? keys[0].Value : keys[^1].Value; continue; }
            var (t0, v0) = keys[k];
            var (t1, v1) = keys[k + 1];
            double w = 0.5 - 0.5 * Math.Cos(Math.PI * (t - t0) / (t1 - t0));
            track[b] = v0 + w * (v1 - v0);
        }
    }
}
