namespace MlNetEmotion.Eeg.IO;

/// <summary>One subject's file that stores many trials at once (DEAP's <c>sXX.mat</c>, EAV's <c>subjectNN_eeg.mat</c>).</summary>
public interface IMultiTrialRecording
{
    /// <summary>Number of trials in the file.</summary>
    int Trials { get; }

    /// <summary>One trial as a recording.</summary>
    /// <param name="trial">Trial index, 0-based.</param>
    EegRecording ToRecording(int trial);
}

/// <summary>Opens a multi-trial MAT-file by the variables it holds: <c>data</c> + <c>labels</c> is DEAP,
/// <c>seg1</c> or <c>seg</c> is EAV.</summary>
public static class MultiTrialMat
{
    /// <summary>Reads the whole file once; pick trials with <see cref="IMultiTrialRecording.ToRecording"/>.</summary>
    /// <param name="path">The .mat file.</param>
    /// <param name="options">EAV channel names (<see cref="EegFileOptions.ChannelNames"/>) and rate
    /// (<see cref="EegFileOptions.SamplingRate"/>, default 500 Hz); null for defaults.</param>
    /// <param name="limits">Resource limits, or null for <see cref="EegReadOptions.Limits"/> of <paramref name="options"/>.</param>
    /// <exception cref="EegFormatException">The file is neither layout.</exception>
    public static IMultiTrialRecording Read(string path, EegFileOptions? options = null, Core.IO.ReadLimits? limits = null)
    {
        var file = Mat.MatReader.Read(path, limits ?? options?.Read.Limits);
        var names = file.Variables.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        if (names.Contains("data") && names.Contains("labels")) return DeapMatReader.FromMat(path, file);
        if (names.Contains("seg1") || names.Contains("seg"))
            return EavMatReader.FromMat(path, file, options?.SamplingRate ?? EavSubject.DefaultSamplingRate, options?.ChannelNames);
        throw new EegFormatException(path, null,
            $"not a multi-trial file: DEAP needs 'data' and 'labels', EAV needs 'seg1' (or 'seg'); found {string.Join(", ", names.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>
    /// Refuses to guess a recording in a file that holds several trials (a numeric array of 3 or more dimensions, or DEAP's or
    /// EAV's variables): reading its first 2-D variable would return, for example, DEAP's <c>labels</c> as channels.
    /// </summary>
    /// <param name="path">The file (for the message).</param>
    /// <param name="file">Its variables.</param>
    /// <exception cref="EegFormatException">The file holds several trials; the message lists its variables and their dimensions.</exception>
    public static void RefuseGuess(string path, Mat.MatFile file)
    {
        var names = file.Variables.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        bool multiTrial = (names.Contains("data") && names.Contains("labels")) || names.Contains("seg1") || names.Contains("seg")
                          || file.Variables.Any(v => v.Value is Mat.MatNumericArray { Dimensions.Count: >= 3 });
        if (!multiTrial) return;
        string found = string.Join(", ", file.Variables.Select(v => $"{v.Key} [{string.Join("x", v.Value.Dimensions)}]"));
        throw new EegFormatException(path, null,
            $"the file holds several trials ({found}); pick one with a trial index (Trial, --trial) or name the variable to read (Variable).");
    }
}
