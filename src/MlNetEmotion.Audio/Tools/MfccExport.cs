using MlNetEmotion.Audio.Features;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Audio.Tools;

/// <summary>What <see cref="MfccExport.Run"/> computes: a preset and optional overrides.</summary>
public sealed class MfccExportOptions
{
    /// <summary>Reference settings. Default <see cref="FeaturePreset.Torchaudio"/>.</summary>
    public FeaturePreset Preset { get; init; } = FeaturePreset.Torchaudio;

    /// <summary>Expected sample rate of the file (required for raw PCM); a different rate in the file is an error.
    /// Default null.</summary>
    public int? SampleRate { get; init; }

    /// <summary>Overrides the preset's number of coefficients. Default null.</summary>
    public int? CoefficientCount { get; init; }

    /// <summary>Overrides the preset's FFT size. For the torchaudio and librosa presets the window follows it;
    /// Kaldi keeps its 25 ms window. Default null.</summary>
    public int? FftLength { get; init; }

    /// <summary>Overrides the preset's hop length. Default null.</summary>
    public int? HopLength { get; init; }

    /// <summary>Overrides the preset's number of mel bands. Default null.</summary>
    public int? MelCount { get; init; }

    /// <summary>Add delta and delta-delta channels (regression width 5). Default false.</summary>
    public bool Deltas { get; init; }
}

/// <summary>The <c>mlnet-emotion audio mfcc</c> command: MFCCs of a file, written as a float32 NumPy array.</summary>
public static class MfccExport
{
    /// <summary>The MFCC options for <paramref name="options"/> at <paramref name="sampleRate"/>.</summary>
    /// <param name="options">Preset and overrides.</param>
    /// <param name="sampleRate">Sample rate of the audio.</param>
    public static MfccOptions Resolve(MfccExportOptions options, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = FeaturePresets.Mfcc(options.Preset, sampleRate);
        if (options.FftLength is int fft) o = o with { FftLength = fft };
        if (options.HopLength is int hop) o = o with { HopLength = hop };
        if (options.MelCount is int mels) o = o with { MelCount = mels };
        if (options.CoefficientCount is int n) o = o with { CoefficientCount = n };
        return o;
    }

    /// <summary>Reads <paramref name="input"/> (any format <see cref="AudioFile"/> reads, mixed to mono), computes its
    /// MFCCs and writes <paramref name="output"/> in NumPy format 1.0: float32 <c>[coefficients, frames]</c>, or
    /// <c>[3, coefficients, frames]</c> (static, deltas, delta-deltas) with <see cref="MfccExportOptions.Deltas"/>.
    /// The file is written under a temporary name and then moved into place.</summary>
    /// <param name="input">Audio or video file.</param>
    /// <param name="output">Destination <c>.npy</c> file.</param>
    /// <param name="options">Preset and overrides.</param>
    /// <returns>A one-line summary (shape and preset).</returns>
    /// <exception cref="AudioFormatException">The input is malformed or disagrees with the sample-rate option.</exception>
    /// <exception cref="ArgumentException">An override is out of range or the audio is shorter than one frame.</exception>
    public static string Run(string input, string output, MfccExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var audio = AudioFile.Read(input, new AudioReadOptions { SampleRate = options.SampleRate, Mono = true });
        var mfcc = new MfccExtractor(Resolve(options, audio.SampleRate)).Compute(audio.Samples);
        int[] shape;
        float[] data;
        if (options.Deltas)
        {
            var image = FeatureImage.WithDeltas(mfcc);
            (shape, data) = (image.Shape, image.Data);
        }
        else
        {
            (shape, data) = ([mfcc.Rows, mfcc.Frames], mfcc.Data);
        }
        Npy.Write(output, data, shape);
        return $"{output}: float32 [{string.Join(", ", shape)}] ({options.Preset} preset, {audio.SampleRate} Hz, {audio.DurationSeconds:F3} s)";
    }
}
