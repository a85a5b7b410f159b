namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>
/// Klatt's digital resonator (Klatt 1980, eq. 1–3): <c>y[n] = A·x[n] + B·y[n−1] + C·y[n−2]</c> with
/// <c>C = −e^(−2πBT)</c>, <c>B = 2e^(−πBT)·cos(2πFT)</c>, a pole pair at frequency F with bandwidth B. Cascaded resonators
/// use <c>A = 1 − B − C</c> (unit gain at 0 Hz, so the cascade's formant peaks stack as in the vocal tract); a lone
/// noise-shaping resonator uses a gain that makes the response 1 at its centre frequency.
/// </summary>
internal struct FormantResonator
{
    private double a, b, c, y1, y2;
    private readonly double radius, sampleRate;

    /// <summary>A resonator of fixed bandwidth; set its frequency with <see cref="Tune"/> before use.</summary>
    public FormantResonator(double bandwidthHz, double sampleRate)
    {
        this.sampleRate = sampleRate;
        radius = Math.Exp(-Math.PI * bandwidthHz / sampleRate);
        c = -radius * radius;
    }

    /// <summary>Moves the pole pair to <paramref name="frequencyHz"/> (clamped below Nyquist), keeping unit gain at 0 Hz.
    /// The state is kept, so formants glide without clicks.</summary>
    public void Tune(double frequencyHz)
    {
        b = 2 * radius * Math.Cos(2 * Math.PI * Math.Min(frequencyHz, 0.49 * sampleRate) / sampleRate);
        a = 1 - b - c;
    }

    /// <summary>Moves the pole pair to <paramref name="frequencyHz"/> with unit gain at that frequency (a band-pass for
    /// frication noise).</summary>
    public void TuneBandPass(double frequencyHz)
    {
        Tune(frequencyHz);
        double w = 2 * Math.PI * Math.Min(frequencyHz, 0.49 * sampleRate) / sampleRate;
        // |1 − B·e^(−jw) − C·e^(−2jw)| at the centre frequency.
        double re = 1 - b * Math.Cos(w) - c * Math.Cos(2 * w), im = b * Math.Sin(w) + c * Math.Sin(2 * w);
        a = Math.Sqrt(re * re + im * im);
    }

    /// <summary>Filters <paramref name="block"/> in place (state in locals, so the recursion stays in registers).</summary>
    public void Process(Span<double> block)
    {
        double a = this.a, b = this.b, c = this.c, y1 = this.y1, y2 = this.y2;
        for (int i = 0; i < block.Length; i++)
        {
            double y = a * block[i] + b * y1 + c * y2;
            y2 = y1;
            y1 = y;
            block[i] = y;
        }
        this.y1 = y1;
        this.y2 = y2;
    }

    /// <summary>Forgets the past input (silence since long enough that the response has died away).</summary>
    public void Reset() => y1 = y2 = 0;
}
