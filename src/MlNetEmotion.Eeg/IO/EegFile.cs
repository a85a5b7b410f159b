namespace MlNetEmotion.Eeg.IO;

/// <summary>Opens any supported EEG file by its extension.</summary>
public static class EegFile
{
    /// <summary>Extensions <see cref="Read"/> understands.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".edf", ".bdf", ".rec", ".gdf", ".mat", ".npy", ".csv"];

    /// <summary>
    /// Reads a recording: EDF/EDF+/BDF (<c>.edf</c>, <c>.bdf</c>, <c>.rec</c>) and GDF 1.x/2.x (<c>.gdf</c>) from their headers; MAT, NPY and CSV
    /// through <see cref="ArrayEegReader"/> with the rate and names from <paramref name="options"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or null for defaults.</param>
    /// <exception cref="EegFormatException">The file is malformed, or the format needs a sampling rate that was not given.</exception>
    public static EegRecording Read(string path, EegFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new EegFileOptions();
        if (!File.Exists(path)) throw new FileNotFoundException($"EEG file '{path}' does not exist.", path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".edf" or ".bdf" or ".rec")
            return EdfReader.Read(path, options.Read);
        if (extension == ".gdf")
            return GdfReader.Read(path, options.Read);
        if (extension == ".mat" && options.Trial is int trial)
            return options.Read.Apply(ReadTrial(MultiTrialMat.Read(path, options), path, trial));
        if (options.SamplingRate is not double rate || !(rate > 0))
            throw new EegFormatException(path, null, $"{extension} files carry no sampling rate; pass one (SamplingRate, or --rate on the command line).");
        var recording = extension switch
        {
            ".mat" => ArrayEegReader.ReadMat(path, rate, options.Variable, null, options.Unit, options.Read.Limits),
            ".npy" => ArrayEegReader.ReadNpy(path, rate, options.ChannelNames, options.Unit, options.Read.Limits),
            ".csv" => ArrayEegReader.ReadCsv(path, rate, options.Unit, options.Read.Limits),
            _ => throw new EegFormatException(path, null, $"extension '{extension}' is not a known EEG format ({string.Join(", ", Extensions)})."),
        };
        return options.Read.Apply(recording);
    }

    /// <summary>One trial of a multi-trial file, with the file as its source and a range check that names both.</summary>
    /// <param name="file">The opened file.</param>
    /// <param name="path">Its path (for messages and <see cref="EegRecordingInfo.SourcePath"/>).</param>
    /// <param name="trial">Trial index, 0-based.</param>
    /// <exception cref="EegFormatException">The trial is not in the file.</exception>
    public static EegRecording ReadTrial(IMultiTrialRecording file, string path, int trial)
    {
        if (trial < 0 || trial >= file.Trials)
            throw new EegFormatException(path, null, $"trial index {trial} (0-based) is outside the file's {file.Trials} trials.");
        var recording = file.ToRecording(trial);
        return new EegRecording(recording.Channels, recording.Annotations, recording.Info with { SourcePath = path });
    }
}

/// <summary>Options of <see cref="EegFile.Read"/>.</summary>
public sealed class EegFileOptions
{
    /// <summary>Sampling rate in Hz for formats without a header (MAT, NPY, CSV). Default null.</summary>
    public double? SamplingRate { get; set; }

    /// <summary>Channel names for NPY arrays and EAV MAT-files; null for Ch1..ChN.</summary>
    public IReadOnlyList<string>? ChannelNames { get; set; }

    /// <summary>Unit of header-less values (uV, mV, V). Default uV.</summary>
    public string Unit { get; set; } = "uV";

    /// <summary>MAT variable holding [channels, samples]; null for the first 2-D numeric one.</summary>
    public string? Variable { get; set; }

    /// <summary>Trial (0-based) to read from a multi-trial MAT-file (DEAP <c>sXX.mat</c>, EAV <c>subjectNN_eeg.mat</c>); null otherwise.</summary>
    public int? Trial { get; set; }

    /// <summary>Validation options applied after reading.</summary>
    public EegReadOptions Read { get; set; } = new();
}
