using MlNetEmotion.Eeg.IO.Mat;
using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Eeg.IO;

/// <summary>One subject of DEAP's <c>data_preprocessed_matlab/sXX.mat</c>.</summary>
/// <param name="Data">Row-major [trials, channels, samples] (40 × 40 × 8064 in DEAP): 128 Hz, the first 3 s are the pre-trial baseline; EEG in µV.</param>
/// <param name="Trials">Number of trials (first dimension of <c>data</c>).</param>
/// <param name="Channels">Number of channels (second dimension).</param>
/// <param name="Samples">Samples per trial (third dimension).</param>
/// <param name="Labels">Row-major [trials, 4]: valence, arousal, dominance, liking on 1..9.</param>
public sealed record DeapSubject(double[] Data, int Trials, int Channels, int Samples, double[] Labels) : IMultiTrialRecording
{
    /// <summary>Sampling rate of the preprocessed DEAP data (Hz).</summary>
    public const double SamplingRate = 128;

    /// <summary>Seconds of pre-trial baseline at the start of every trial.</summary>
    public const double BaselineSeconds = 3;

    /// <summary>
    /// The 40 channel names of the preprocessed data in their stored order: the 32 EEG channels of
    /// <see cref="DeapChannels.Names"/>, then hEOG, vEOG, zEMG, tEMG, GSR, respiration belt, plethysmograph, temperature.
    /// </summary>
    public static IReadOnlyList<string> ChannelNames { get; } =
        [.. DeapChannels.Names, "hEOG", "vEOG", "zEMG", "tEMG", "GSR", "Respiration", "Plethysmograph", "Temperature"];

    /// <summary>One trial as a recording (the first <see cref="ChannelNames"/> as names; peripheral channels keep their unit as "").</summary>
    /// <param name="trial">Trial index, 0-based.</param>
    public EegRecording ToRecording(int trial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trial);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trial, Trials);
        var channels = new EegChannel[Channels];
        for (int c = 0; c < Channels; c++)
        {
            string name = c < ChannelNames.Count ? ChannelNames[c] : $"Ch{c + 1}";
            channels[c] = new EegChannel(name, SamplingRate, Data.AsSpan((trial * Channels + c) * Samples, Samples).ToArray())
            {
                Unit = c < 32 ? "uV" : "",
            };
        }
        return new EegRecording(channels, [new EegAnnotation(0, BaselineSeconds, "baseline"), new EegAnnotation(BaselineSeconds, Samples / SamplingRate - BaselineSeconds, "stimulus")],
            new EegRecordingInfo { Format = "MAT" });
    }
}

/// <summary>Reads DEAP's preprocessed MATLAB files (<c>data</c> trials × channels × samples, <c>labels</c> trials × 4).</summary>
public static class DeapMatReader
{
    /// <summary>Reads one subject file.</summary>
    /// <param name="path">An <c>sXX.mat</c> file.</param>
    /// <exception cref="EegFormatException">The file lacks <c>data</c> or <c>labels</c>, or their shapes disagree.</exception>
    public static DeapSubject Read(string path) => FromMat(path, MatReader.Read(path));

    internal static DeapSubject FromMat(string path, MatFile file)
    {
        if (!file.Variables.Any(v => v.Key == "data") || !file.Variables.Any(v => v.Key == "labels"))
            throw new EegFormatException(path, null, $"a DEAP file needs variables 'data' and 'labels'; found {string.Join(", ", file.Variables.Select(v => v.Key))}.");
        if (file["data"] is not MatNumericArray { Dimensions.Count: 3 } data)
            throw new EegFormatException(path, null, "'data' must be a 3-D numeric array [trials x channels x samples].");
        if (file["labels"] is not MatNumericArray { Dimensions.Count: 2 } labels || labels.Dimensions[0] != data.Dimensions[0])
            throw new EegFormatException(path, null, $"'labels' must be a [{data.Dimensions[0]} x 4] numeric array.");
        return new DeapSubject(data.ToRowMajor(), data.Dimensions[0], data.Dimensions[1], data.Dimensions[2], labels.ToRowMajor());
    }
}
