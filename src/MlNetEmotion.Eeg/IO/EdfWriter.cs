using System.Globalization;
using System.Text;

namespace MlNetEmotion.Eeg.IO;

/// <summary>
/// Writes recordings as EDF (16-bit) or BDF (24-bit). With annotations the file is EDF+C/BDF+C with an
/// annotation signal. Each channel's physical range is its data range (widened when flat), so the
/// quantisation error is at most half a digital step. Channels shorter than the last whole record are
/// padded with their final sample. The file appears only once complete.
/// </summary>
public static class EdfWriter
{
    /// <summary>Writes <paramref name="recording"/> to <paramref name="path"/>.</summary>
    /// <param name="path">Destination file; replaced if it exists.</param>
    /// <param name="recording">Channels, annotations and header fields to write.</param>
    /// <param name="options">Format options, or null for EDF with 1 s records.</param>
    /// <exception cref="ArgumentException">A channel rate does not give whole samples per record, or a channel has no samples.</exception>
    public static void Write(string path, EegRecording recording, EdfWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(recording);
        options ??= new EdfWriteOptions();
        Core.IO.AtomicFile.Write(path, stream => Write(stream, recording, options));
    }

    /// <summary>Writes <paramref name="recording"/> as EDF/BDF content to a stream.</summary>
    /// <param name="stream">Destination stream.</param>
    /// <param name="recording">Channels, annotations and header fields to write.</param>
    /// <param name="options">Format options.</param>
    public static void Write(Stream stream, EegRecording recording, EdfWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.RecordDuration > 0))
            throw new ArgumentException($"RecordDuration must be positive; got {options.RecordDuration}.", nameof(options));
        bool bdf = options.Bdf;
        double duration = options.RecordDuration;
        var channels = recording.Channels;
        if (channels.Count == 0)
            throw new ArgumentException("The recording has no channels to write.", nameof(recording));

        var perRecord = new int[channels.Count];
        int records = 0;
        for (int c = 0; c < channels.Count; c++)
        {
            double exact = channels[c].SamplingRate * duration;
            perRecord[c] = (int)Math.Round(exact);
            if (perRecord[c] < 1 || Math.Abs(exact - perRecord[c]) > 1e-9 * exact)
                throw new ArgumentException(
                    $"Channel '{channels[c].Name}': {channels[c].SamplingRate} Hz x {duration} s records is not a whole number of samples; choose another RecordDuration.", nameof(options));
            if (channels[c].Samples.Length == 0)
                throw new ArgumentException($"Channel '{channels[c].Name}' has no samples.", nameof(recording));
            records = Math.Max(records, (channels[c].Samples.Length + perRecord[c] - 1) / perRecord[c]);
        }

        // Annotations go into the record their onset falls in (the last one when beyond the data).
        var annotationRecords = new byte[records][];
        bool plus = recording.Annotations.Count > 0;
        int annotationSamples = 0;
        if (plus)
        {
            var groups = recording.Annotations.GroupBy(a => Math.Clamp((int)Math.Floor(a.Onset / duration), 0, records - 1))
                .ToDictionary(g => g.Key, g => g.ToList());
            int bytesPerSample = bdf ? 3 : 2;
            for (int r = 0; r < records; r++)
            {
                annotationRecords[r] = EdfAnnotations.FormatRecord(r * duration, groups.GetValueOrDefault(r) ?? []);
                annotationSamples = Math.Max(annotationSamples, (annotationRecords[r].Length + bytesPerSample) / bytesPerSample);
            }
        }

        int ns = channels.Count + (plus ? 1 : 0);
        long digitalMin = bdf ? -(1 << 23) : short.MinValue;
        long digitalMax = bdf ? (1 << 23) - 1 : short.MaxValue;
        var physicalMin = new string[channels.Count];
        var physicalMax = new string[channels.Count];
        var gains = new double[channels.Count];
        var offsets = new double[channels.Count];
        for (int c = 0; c < channels.Count; c++)
        {
            var samples = channels[c].Samples;
            double min = System.Numerics.Tensors.TensorPrimitives.Min(samples);
            double max = System.Numerics.Tensors.TensorPrimitives.Max(samples);
            if (!double.IsFinite(min) || !double.IsFinite(max))
                throw new ArgumentException($"Channel '{channels[c].Name}' holds NaN or infinite samples, which EDF cannot store.", nameof(recording));
            if (min == max)
            {
                min -= 1;
                max += 1;
            }
            physicalMin[c] = FormatBound(min, roundUp: false, channels[c].Name);
            physicalMax[c] = FormatBound(max, roundUp: true, channels[c].Name);
            double pmin = double.Parse(physicalMin[c], CultureInfo.InvariantCulture);
            double pmax = double.Parse(physicalMax[c], CultureInfo.InvariantCulture);
            gains[c] = (pmax - pmin) / (digitalMax - digitalMin);
            offsets[c] = pmin - digitalMin * gains[c];
        }

        var header = new StringBuilder(256 * (ns + 1));
        var info = recording.Info;
        var start = info.StartTime ?? new DateTime(1985, 1, 1);
        header.Append(Pad(bdf ? "\u00ffBIOSEMI" : "0", 8));
        header.Append(Pad(info.PatientId, 80));
        header.Append(Pad(info.RecordingId, 80));
        header.Append(start.ToString("dd.MM.yy", CultureInfo.InvariantCulture));
        header.Append(start.ToString("HH.mm.ss", CultureInfo.InvariantCulture));
        header.Append(Pad((256 * (ns + 1)).ToString(CultureInfo.InvariantCulture), 8));
        header.Append(Pad(plus ? (bdf ? "BDF+C" : "EDF+C") : (bdf ? "24BIT" : ""), 44));
        header.Append(Pad(records.ToString(CultureInfo.InvariantCulture), 8));
        header.Append(Pad(FormatBound(duration, roundUp: true, "record duration"), 8));
        header.Append(Pad(ns.ToString(CultureInfo.InvariantCulture), 4));
        string annotationLabel = bdf ? "BDF Annotations" : "EDF Annotations";
        void Column(int width, Func<int, string> channel, string annotation)
        {
            for (int c = 0; c < channels.Count; c++) header.Append(Pad(channel(c), width));
            if (plus) header.Append(Pad(annotation, width));
        }
        Column(16, c => channels[c].Name, annotationLabel);
        Column(80, c => channels[c].Transducer, "");
        Column(8, c => channels[c].Unit, "");
        Column(8, c => physicalMin[c], "-1");
        Column(8, c => physicalMax[c], "1");
        Column(8, _ => digitalMin.ToString(CultureInfo.InvariantCulture), digitalMin.ToString(CultureInfo.InvariantCulture));
        Column(8, _ => digitalMax.ToString(CultureInfo.InvariantCulture), digitalMax.ToString(CultureInfo.InvariantCulture));
        Column(80, c => channels[c].Prefiltering, "");
        Column(8, c => perRecord[c].ToString(CultureInfo.InvariantCulture), annotationSamples.ToString(CultureInfo.InvariantCulture));
        Column(32, _ => "", "");
        stream.Write(Encoding.Latin1.GetBytes(header.ToString()));

        int bytes = bdf ? 3 : 2;
        var record = new byte[(perRecord.Sum() + annotationSamples) * bytes];
        for (int r = 0; r < records; r++)
        {
            int position = 0;
            for (int c = 0; c < channels.Count; c++)
            {
                var samples = channels[c].Samples;
                for (int i = 0; i < perRecord[c]; i++)
                {
                    int index = Math.Min(r * perRecord[c] + i, samples.Length - 1);
                    long digital = Math.Clamp((long)Math.Round((samples[index] - offsets[c]) / gains[c]), digitalMin, digitalMax);
                    record[position++] = (byte)digital;
                    record[position++] = (byte)(digital >> 8);
                    if (bdf) record[position++] = (byte)(digital >> 16);
                }
            }
            if (plus)
            {
                var span = record.AsSpan(position, annotationSamples * bytes);
                span.Clear();
                annotationRecords[r].CopyTo(span);
            }
            stream.Write(record);
        }
    }

    private static string Pad(string text, int width)
    {
        string ascii = text.Length > width ? text[..width] : text;
        return ascii.PadRight(width);
    }

    /// <summary>Formats a bound in at most 8 characters, rounded outward so the data stays in range.</summary>
    private static string FormatBound(double value, bool roundUp, string what)
    {
        for (int digits = 8; digits >= 1; digits--)
        {
            string text = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (text.Length > 8) continue;
            double back = double.Parse(text, CultureInfo.InvariantCulture);
            if (roundUp ? back >= value : back <= value) return text;
            // Rounded the wrong way: step one unit of the last digit outward and re-check.
            double step = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - digits + 1);
            string nudged = (back + (roundUp ? step : -step)).ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (nudged.Length <= 8) return nudged;
        }
        throw new ArgumentException($"{what}: value {value} cannot be written in the 8 characters an EDF header field allows.");
    }
}
