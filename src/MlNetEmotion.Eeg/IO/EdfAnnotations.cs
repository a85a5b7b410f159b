using System.Globalization;
using System.Text;

namespace MlNetEmotion.Eeg.IO;

/// <summary>
/// Time-stamped annotation lists (TALs) of EDF+/BDF+ annotation signals: parsing and formatting.
/// A TAL is <c>+onset[\x15duration]\x14[text\x14]*\x00</c>; the first TAL of each data record with an
/// empty text is the record's time-keeping stamp.
/// </summary>
public static class EdfAnnotations
{
    private const byte DurationMark = 0x15;
    private const byte TextMark = 0x14;

    /// <summary>Parses the annotation bytes of one data record.</summary>
    /// <param name="bytes">Raw bytes of the record's annotation signal (zero-padded).</param>
    /// <param name="sourceName">File name for error messages.</param>
    /// <param name="record">Record index for error messages.</param>
    /// <param name="annotations">Receives the annotations with text.</param>
    /// <returns>The record's time-keeping onset in seconds, or null when the record has none.</returns>
    /// <exception cref="EegFormatException">A TAL's onset or duration is not a number.</exception>
    public static double? ParseRecord(ReadOnlySpan<byte> bytes, string sourceName, int record, List<EegAnnotation> annotations)
    {
        double? recordOnset = null;
        bool first = true;
        while (bytes.Length > 0)
        {
            int end = bytes.IndexOf((byte)0);
            if (end == 0)
            {
                bytes = bytes[1..];
                continue;
            }
            ReadOnlySpan<byte> tal = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            int firstText = tal.IndexOf(TextMark);
            if (firstText < 0)
                throw new EegFormatException(sourceName, "EDF Annotations", $"record {record}: a TAL has no 0x14 separator after its onset.");
            ReadOnlySpan<byte> stamp = tal[..firstText];
            int durationAt = stamp.IndexOf(DurationMark);
            double onset = ParseNumber(durationAt < 0 ? stamp : stamp[..durationAt], sourceName, record, "onset");
            double duration = durationAt < 0 ? 0 : ParseNumber(stamp[(durationAt + 1)..], sourceName, record, "duration");
            var texts = tal[(firstText + 1)..];
            // The time-keeping TAL has an empty first annotation; writers may append real annotations to it.
            if (first && (texts.Length == 0 || texts[0] == TextMark)) recordOnset = onset;
            first = false;
            while (texts.Length > 0)
            {
                int stop = texts.IndexOf(TextMark);
                var text = stop < 0 ? texts : texts[..stop];
                texts = stop < 0 ? [] : texts[(stop + 1)..];
                if (text.Length == 0) continue;
                annotations.Add(new EegAnnotation(onset, duration, Encoding.UTF8.GetString(text)));
            }
        }
        return recordOnset;
    }

    /// <summary>Formats one record's TALs: the time-keeping stamp, then the given annotations.</summary>
    /// <param name="recordOnset">Start of the record in seconds.</param>
    /// <param name="annotations">Annotations to store in this record.</param>
    public static byte[] FormatRecord(double recordOnset, IEnumerable<EegAnnotation> annotations)
    {
        var buffer = new List<byte>();
        buffer.AddRange(Encoding.ASCII.GetBytes(Signed(recordOnset)));
        buffer.Add(TextMark);
        buffer.Add(TextMark);
        buffer.Add(0);
        foreach (var annotation in annotations)
        {
            buffer.AddRange(Encoding.ASCII.GetBytes(Signed(annotation.Onset)));
            if (annotation.Duration > 0)
            {
                buffer.Add(DurationMark);
                buffer.AddRange(Encoding.ASCII.GetBytes(annotation.Duration.ToString("R", CultureInfo.InvariantCulture)));
            }
            buffer.Add(TextMark);
            buffer.AddRange(Encoding.UTF8.GetBytes(annotation.Text));
            buffer.Add(TextMark);
            buffer.Add(0);
        }
        return buffer.ToArray();
    }

    private static string Signed(double value) =>
        (value < 0 ? "" : "+") + value.ToString("R", CultureInfo.InvariantCulture);

    private static double ParseNumber(ReadOnlySpan<byte> text, string sourceName, int record, string what)
    {
        string s = Encoding.ASCII.GetString(text);
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new EegFormatException(sourceName, "EDF Annotations", $"record {record}: TAL {what} '{s}' is not a number.");
        return value;
    }
}
