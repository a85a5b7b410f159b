using System.Text;
using System.Text.Json;

namespace MlNetEmotion.Eeg.Tools;

/// <summary>The JSON header summary printed by <c>mlnet-emotion eeg info</c>.</summary>
public static class EegInfo
{
    /// <summary>
    /// Summarises a recording as indented JSON: path, format, patient and recording fields, start time,
    /// duration, record layout, channels (name, rate, samples, unit, transducer, pre-filtering) and annotations.
    /// </summary>
    /// <param name="recording">The recording.</param>
    public static string ToJson(EegRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var info = recording.Info;
            json.WriteStartObject();
            json.WriteString("path", info.SourcePath);
            json.WriteString("format", info.Format);
            json.WriteString("patientId", info.PatientId);
            json.WriteString("recordingId", info.RecordingId);
            if (info.StartTime is DateTime start) json.WriteString("startTime", start.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            else json.WriteNull("startTime");
            json.WriteNumber("durationSeconds", recording.Channels.Count == 0 ? 0 : recording.Channels.Max(c => c.Duration));
            json.WriteNumber("recordDurationSeconds", info.RecordDuration);
            json.WriteBoolean("discontinuous", info.IsDiscontinuous);
            json.WriteNumber("channelCount", recording.Channels.Count);
            json.WriteStartArray("channels");
            foreach (var channel in recording.Channels)
            {
                json.WriteStartObject();
                json.WriteString("name", channel.Name);
                json.WriteNumber("samplingRate", channel.SamplingRate);
                json.WriteNumber("samples", channel.Samples.Length);
                json.WriteString("unit", channel.Unit);
                json.WriteString("transducer", channel.Transducer);
                json.WriteString("prefiltering", channel.Prefiltering);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("annotations");
            foreach (var annotation in recording.Annotations)
            {
                json.WriteStartObject();
                json.WriteNumber("onset", annotation.Onset);
                json.WriteNumber("duration", annotation.Duration);
                json.WriteString("text", annotation.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
