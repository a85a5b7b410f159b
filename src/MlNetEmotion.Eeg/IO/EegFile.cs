namespace MlNetEmotion.Eeg.IO;

/// <summary>Opens any supported EEG file by its extension.</summary>
public static class EegFile
{
    /// <summary>Extensions <see cref="Read"/> understands.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".edf", ".bdf", ".rec", ".mat", ".npy", ".csv"];

    /// <summary>
    /// Reads a recording: EDF/EDF+/BDF (<c>.edf</c>, <c>.bdf</c>, <c>.rec</c>) from its header; MAT, NPY and CSV
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
        if (extension == ".mat" && options.Trial is not null)
            return options.Read.Apply(ArrayEegReader.ReadMat(path, 0, options.Variable, options.Trial, options.Unit));
        if (options.SamplingRate is not double rate || !(rate > 0))
            throw new EegFormatException(path, null, $"{extension} files carry no sampling rate; pass one (SamplingRate, or --rate on the command line).");
        var recording = extension switch
        {
            ".mat" => ArrayEegReader.ReadMat(path, rate, options.Variable, null, options.Unit),
            ".npy" => ArrayEegReader.ReadNpy(path, rate, options.ChannelNames, options.Unit),
            ".csv" => ArrayEegReader.ReadCsv(path, rate, options.Unit),
            _ => throw new EegFormatException(path, null, $"extension '{extension}' is not a known EEG format ({string.Join(", ", Extensions)})."),
        };
        return options.Read.Apply(recording);
    }
}

/// <summary>Options of <see cref="EegFile.Read"/>.</summary>
public sealed class EegFileOptions
{
    /// <summary>Sampling rate in Hz for formats without a header (MAT, NPY, CSV). Default null.</summary>
    public double? SamplingRate { get; set; }

    /// <summary>Channel names for NPY arrays; null for Ch1..ChN.</summary>
    public IReadOnlyList<string>? ChannelNames { get; set; }

    /// <summary>Unit of header-less values (uV, mV, V). Default uV.</summary>
    public string Unit { get; set; } = "uV";

    /// <summary>MAT variable holding [channels, samples]; null for the first 2-D numeric one.</summary>
    public string? Variable { get; set; }

    /// <summary>DEAP trial to read from a DEAP <c>sXX.mat</c> file; null otherwise.</summary>
    public int? Trial { get; set; }

    /// <summary>Validation options applied after reading.</summary>
    public EegReadOptions Read { get; set; } = new();
}
