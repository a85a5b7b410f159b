namespace MlNetEmotion.Signals.Fourier;

/// <summary>A real time–frequency matrix stored row-major as <c>[rows, frames]</c> (the layout of
/// <c>torch.stft</c> and torchaudio transforms): rows are frequency bins, mel bands or cepstral coefficients.</summary>
public sealed class Spectrogram
{
    /// <summary>Wraps <paramref name="data"/> (not copied) as a <paramref name="rows"/> × <paramref name="frames"/> matrix.</summary>
    /// <param name="rows">Number of rows (bins, bands or coefficients).</param>
    /// <param name="frames">Number of time frames.</param>
    /// <param name="data">Row-major values, <c>rows · frames</c> long.</param>
    /// <exception cref="ArgumentException">The data length is not <c>rows · frames</c>.</exception>
    public Spectrogram(int rows, int frames, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)rows * frames)
            throw new ArgumentException($"Expected {rows} x {frames} = {(long)rows * frames} values but got {data.Length}.", nameof(data));
        Rows = rows;
        Frames = frames;
        Data = data;
    }

    /// <summary>Creates a zero matrix.</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="frames">Number of frames.</param>
    public Spectrogram(int rows, int frames) : this(rows, frames, new float[(long)rows * frames]) { }

    /// <summary>Number of rows (frequency bins, mel bands or coefficients).</summary>
    public int Rows { get; }

    /// <summary>Number of time frames.</summary>
    public int Frames { get; }

    /// <summary>Row-major values: element (<c>r</c>, <c>t</c>) is at <c>r · Frames + t</c>.</summary>
    public float[] Data { get; }

    /// <summary>Gets or sets the value of row <paramref name="row"/> at frame <paramref name="frame"/>.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="frame">Frame index.</param>
    public float this[int row, int frame]
    {
        get => Data[(long)row * Frames + frame];
        set => Data[(long)row * Frames + frame] = value;
    }

    /// <summary>The values of one row across all frames.</summary>
    /// <param name="row">Row index.</param>
    public Span<float> Row(int row) => Data.AsSpan(row * Frames, Frames);
}
