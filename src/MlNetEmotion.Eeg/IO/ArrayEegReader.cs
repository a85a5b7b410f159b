using System.Globalization;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Eeg.IO.Mat;

namespace MlNetEmotion.Eeg.IO;

/// <summary>
/// Reads recordings stored as plain arrays, which carry no header: NPY [channels, samples], CSV
/// (a header row of channel names, one row per sample) and MAT (a 2-D numeric variable
/// [channels, samples], or one trial of a DEAP file). The sampling rate and unit come from the caller.
/// </summary>
public static class ArrayEegReader
{
    /// <summary>Reads a float/int NPY array of shape [channels, samples].</summary>
    /// <param name="path">The .npy file.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="channelNames">Channel names, or null for Ch1..ChN.</param>
    /// <param name="unit">Unit of the values (uV, mV, V; anything else is kept as is). Default uV.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="EegFormatException">The array is not 2-D, has more channels than <see cref="ReadLimits.MaxChannels"/> or the names do not match its channel count.</exception>
    /// <exception cref="NpyFormatException">The file is not a valid <c>.npy</c> file.</exception>
    public static EegRecording ReadNpy(string path, double samplingRate, IReadOnlyList<string>? channelNames = null, string unit = "uV", ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        var shape = Npy.ReadShape(path, limits);
        if (shape.Count != 2)
            throw new EegFormatException(path, null, $"an EEG array must be 2-D [channels, samples]; its shape is [{string.Join(", ", shape)}].");
        ReadLimits.Check(shape[0], limits.MaxChannels, "the channel count (first dimension)", nameof(ReadLimits.MaxChannels), Error(path));
        var array = Npy.Read(path, limits);
        return FromRowMajor(path, "NPY", array.ToDoubleArray(), array.Shape[0], array.Shape[1], samplingRate, channelNames, unit, limits);
    }

    /// <summary>
    /// Reads a CSV file: the first row holds channel names, every further row one sample per channel.
    /// A first column named <c>time</c> or <c>timestamp</c> is skipped.
    /// </summary>
    /// <param name="path">The .csv file.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <param name="unit">Unit of the values. Default uV.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="EegFormatException">A row has the wrong number of fields or a field is not a number (the message names the line and
    /// column), the file has no sample rows, or it exceeds a limit.</exception>
    public static EegRecording ReadCsv(string path, double samplingRate, string unit = "uV", ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        var error = Error(path);
        using var reader = new StreamReader(InputFile.OpenRead(path, limits, error));
        // No line can be longer than the values a recording may hold, each at least 2 characters with its comma.
        int maxLine = (int)Math.Min(int.MaxValue / 2, 2 * limits.MaxElements + 64);
        string header = BoundedLine.Read(reader, maxLine, 1, error) ?? throw new EegFormatException(path, null, "the CSV file is empty; a header row of channel names is expected.");
        var names = header.Split(',').Select(n => n.Trim().Trim('"')).ToArray();
        int skip = names[0].Equals("time", StringComparison.OrdinalIgnoreCase) || names[0].Equals("timestamp", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (names.Length - skip == 0) throw new EegFormatException(path, null, "the CSV header names no channel column.");
        ReadLimits.Check(names.Length - skip, limits.MaxChannels, "the channel count (header columns)", nameof(ReadLimits.MaxChannels), error);
        var columns = Enumerable.Range(0, names.Length - skip).Select(_ => new List<double>()).ToArray();
        int line = 1;
        long values = 0;
        string? text;
        while ((text = BoundedLine.Read(reader, maxLine, line + 1, error)) is not null)
        {
            line++;
            if (text.Length == 0) continue;
            var fields = text.Split(',');
            if (fields.Length != names.Length)
                throw new EegFormatException(path, null, $"line {line} has {fields.Length} fields; the header has {names.Length}.");
            values += columns.Length;
            ReadLimits.Check(values, limits.MaxElements, $"the value count at line {line}", nameof(ReadLimits.MaxElements), error);
            for (int c = skip; c < fields.Length; c++)
            {
                if (!double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw new EegFormatException(path, names[c], $"line {line}: '{fields[c]}' is not a number.");
                columns[c - skip].Add(value);
            }
        }
        if (columns[0].Count == 0)
            throw new EegFormatException(path, null, "the CSV file has a header row but no sample rows; at least one row of values is expected.");
        var scale = PhysicalUnits.ToMicrovolts(unit);
        var channels = columns.Select((values, c) => MakeChannel(names[c + skip], samplingRate, values.ToArray(), unit, scale)).ToArray();
        return new EegRecording(channels, null, new EegRecordingInfo { SourcePath = path, Format = "CSV" });
    }

    /// <summary>
    /// Reads a MAT-file: with <paramref name="trial"/> the file must be a multi-trial subject file (DEAP: DEAP names,
    /// 128 Hz; EAV: 500 Hz, see <see cref="MultiTrialMat"/>) and that trial is returned; otherwise the variable <paramref name="variable"/> (or the
    /// first 2-D numeric variable) is read as [channels, samples].
    /// </summary>
    /// <param name="path">The .mat file.</param>
    /// <param name="samplingRate">Sampling rate in Hz (ignored for DEAP trials).</param>
    /// <param name="variable">Variable name, or null for the first 2-D numeric variable.</param>
    /// <param name="trial">Trial index (0-based) in a DEAP or EAV file, or null.</param>
    /// <param name="unit">Unit of the values. Default uV.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="EegFormatException">No suitable variable; or no variable was named and the file holds several trials
    /// (a 3-D array, DEAP's or EAV's variables), which is never guessed; or the file exceeds a limit.</exception>
    public static EegRecording ReadMat(string path, double samplingRate, string? variable = null, int? trial = null, string unit = "uV", ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        if (trial is int t) return EegFile.ReadTrial(MultiTrialMat.Read(path, limits: limits), path, t);
        var file = MatReader.Read(path, limits);
        if (variable is null) MultiTrialMat.RefuseGuess(path, file);
        var candidate = variable is null
            ? file.Variables.Select(v => v.Value).OfType<MatNumericArray>().FirstOrDefault(a => a.Dimensions.Count == 2)
            : file.Variables.FirstOrDefault(v => v.Key == variable).Value as MatNumericArray;
        if (candidate is null || candidate.Dimensions.Count != 2)
            throw new EegFormatException(path, null, $"no 2-D numeric variable{(variable is null ? "" : $" '{variable}'")} [channels x samples]; variables: {string.Join(", ", file.Variables.Select(v => v.Key))}.");
        return FromRowMajor(path, "MAT", candidate.ToRowMajor(), candidate.Dimensions[0], candidate.Dimensions[1], samplingRate, null, unit, limits);
    }

    private static Func<string, Exception> Error(string path) => detail => new EegFormatException(path, null, detail);

    private static EegRecording FromRowMajor(string path, string format, double[] data, int channelCount, int samples, double samplingRate, IReadOnlyList<string>? names, string unit, ReadLimits limits)
    {
        ReadLimits.Check(channelCount, limits.MaxChannels, "the channel count (first dimension)", nameof(ReadLimits.MaxChannels), Error(path));
        if (names is not null && names.Count != channelCount)
            throw new EegFormatException(path, null, $"{names.Count} channel names were given for {channelCount} channels.");
        var scale = PhysicalUnits.ToMicrovolts(unit);
        var channels = new EegChannel[channelCount];
        for (int c = 0; c < channelCount; c++)
            channels[c] = MakeChannel(names?[c] ?? $"Ch{c + 1}", samplingRate, data.AsSpan(c * samples, samples).ToArray(), unit, scale);
        return new EegRecording(channels, null, new EegRecordingInfo { SourcePath = path, Format = format });
    }

    private static EegChannel MakeChannel(string name, double samplingRate, double[] values, string unit, double? scale)
    {
        if (scale is double s && s != 1) System.Numerics.Tensors.TensorPrimitives.Multiply(values, s, values);
        return new EegChannel(name, samplingRate, values) { Unit = scale is null ? unit : "uV" };
    }
}
