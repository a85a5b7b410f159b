namespace MlNetEmotion.Eeg;

/// <summary>
/// A multichannel recording as read from EDF, BDF, MAT, NPY or CSV: channels with names and sampling
/// rates, voltage samples in microvolts, annotations and header fields.
/// </summary>
public sealed class EegRecording
{
    /// <summary>Creates a recording.</summary>
    /// <param name="channels">The channels, in file order.</param>
    /// <param name="annotations">Events and annotations, or null for none.</param>
    /// <param name="info">Header fields, or null for defaults.</param>
    public EegRecording(IReadOnlyList<EegChannel> channels, IReadOnlyList<EegAnnotation>? annotations = null, EegRecordingInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        Channels = channels;
        Annotations = annotations ?? [];
        Info = info ?? new EegRecordingInfo();
    }

    /// <summary>The channels in file order (annotation signals excluded).</summary>
    public IReadOnlyList<EegChannel> Channels { get; }

    /// <summary>Events and annotations, in file order.</summary>
    public IReadOnlyList<EegAnnotation> Annotations { get; }

    /// <summary>Header fields.</summary>
    public EegRecordingInfo Info { get; }

    /// <summary>Channel names in file order.</summary>
    public IReadOnlyList<string> ChannelNames => Channels.Select(c => c.Name).ToArray();

    /// <summary>
    /// The sampling rate shared by all channels.
    /// </summary>
    /// <exception cref="EegFormatException">Channels have different rates; the message names the first channel that differs and both rates.</exception>
    public double SamplingRate
    {
        get
        {
            if (Channels.Count == 0)
                throw new EegFormatException(SourceName, null, "the recording has no channels, so it has no sampling rate.");
            double rate = Channels[0].SamplingRate;
            foreach (var channel in Channels)
            {
                if (channel.SamplingRate != rate)
                    throw new EegFormatException(SourceName, channel.Name,
                        $"sampling rate {channel.SamplingRate} Hz differs from {rate} Hz of channel '{Channels[0].Name}'; one common rate is required (select channels or resample).");
            }
            return rate;
        }
    }

    /// <summary>The file path, or <c>&lt;memory&gt;</c>, for messages.</summary>
    public string SourceName => Info.SourcePath.Length > 0 ? Info.SourcePath : "<memory>";

    /// <summary>The recording restricted to its voltage (EEG) channels, in file order, with the same annotations and info.</summary>
    public EegRecording VoltageChannels() => new(Channels.Where(c => c.IsVoltage).ToArray(), Annotations, Info);

    /// <summary>Index of the channel with this exact name, or -1.</summary>
    /// <param name="name">Channel name.</param>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Channels.Count; i++)
            if (Channels[i].Name == name) return i;
        return -1;
    }

    /// <summary>
    /// Returns the samples as one row-major array [channels, samples] (all channels must share one
    /// sampling rate and length).
    /// </summary>
    /// <exception cref="EegFormatException">Rates or lengths differ between channels.</exception>
    public double[] ToChannelMajorArray()
    {
        _ = SamplingRate;
        int length = Channels.Count == 0 ? 0 : Channels[0].Samples.Length;
        var result = new double[Channels.Count * length];
        for (int c = 0; c < Channels.Count; c++)
        {
            if (Channels[c].Samples.Length != length)
                throw new EegFormatException(SourceName, Channels[c].Name,
                    $"has {Channels[c].Samples.Length} samples but channel '{Channels[0].Name}' has {length}.");
            Channels[c].Samples.CopyTo(result, c * length);
        }
        return result;
    }

    /// <summary>
    /// Checks every voltage channel for NaN or infinite samples and for flat signals (peak-to-peak of zero).
    /// </summary>
    /// <exception cref="EegFormatException">A channel is flat or holds a non-finite sample; the message names the channel, sample index and value.</exception>
    public void Validate()
    {
        foreach (var channel in Channels)
        {
            if (!channel.IsVoltage) continue;
            var samples = channel.Samples;
            for (int i = 0; i < samples.Length; i++)
            {
                if (!double.IsFinite(samples[i]))
                    throw new EegFormatException(SourceName, channel.Name, $"sample {i} is {samples[i]}; finite values are required.");
            }
            if (samples.Length > 0 && System.Numerics.Tensors.TensorPrimitives.Max(samples) == System.Numerics.Tensors.TensorPrimitives.Min(samples))
                throw new EegFormatException(SourceName, channel.Name, $"the channel is flat (every sample is {samples[0]} uV).");
        }
    }
}
