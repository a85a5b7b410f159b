namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>One signal-to-signal step (filter, resample, denoise, segment, baseline, normalise) with its settings.</summary>
public abstract record EegSignalOperation
{
    /// <summary>Applies the step to one row's signal.</summary>
    /// <param name="signal">The input signal.</param>
    public abstract EegSignal Apply(EegSignal signal);

    /// <summary>Writes the settings (after the tag written by the transformer).</summary>
    /// <param name="writer">Destination.</param>
    public abstract void Write(BinaryWriter writer);

    /// <summary>Reads an operation written by <see cref="Write"/>, dispatching on its type name.</summary>
    /// <param name="tag">The operation's type name.</param>
    /// <param name="reader">Source.</param>
    /// <exception cref="InvalidDataException">Unknown tag.</exception>
    public static EegSignalOperation Read(string tag, BinaryReader reader) => tag switch
    {
        nameof(BandPassOperation) => BandPassOperation.Read(reader),
        nameof(NotchOperation) => NotchOperation.Read(reader),
        nameof(ResampleOperation) => ResampleOperation.Read(reader),
        nameof(WaveletDenoiseOperation) => WaveletDenoiseOperation.Read(reader),
        nameof(SegmentOperation) => SegmentOperation.Read(reader),
        nameof(BaselineRemovalOperation) => BaselineRemovalOperation.Read(reader),
        nameof(NormalizePerChannelOperation) => NormalizePerChannelOperation.Read(reader),
        _ => throw new InvalidDataException($"Unknown EEG signal operation '{tag}' in a saved model."),
    };
}
