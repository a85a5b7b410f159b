namespace MlNetEmotion.Audio.IO;

/// <summary>What a WAV file's header says about its sample data.</summary>
/// <param name="SampleFormat">Sample encoding.</param>
/// <param name="Channels">Channels per frame.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="FormatTag">The <c>fmt</c> chunk's format tag (1 PCM, 3 IEEE float, 0xFFFE extensible).</param>
/// <param name="IsRf64">True for an RF64/BW64 file (64-bit sizes in a <c>ds64</c> chunk).</param>
/// <param name="DataOffset">Byte offset of the first sample.</param>
/// <param name="DataLength">Bytes of sample data.</param>
public sealed record WavHeader(AudioSampleFormat SampleFormat, int Channels, int SampleRate, int FormatTag, bool IsRf64,
    long DataOffset, long DataLength)
{
    /// <summary>Bytes per frame (all channels of one sample instant).</summary>
    public int BlockAlign => Channels * SampleFormat.BytesPerSample();

    /// <summary>Number of frames.</summary>
    public long FrameCount => DataLength / BlockAlign;

    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => (double)FrameCount / SampleRate;

    /// <summary>True when the format tag is WAVE_FORMAT_EXTENSIBLE.</summary>
    public bool IsExtensible => FormatTag == WavReader.FormatExtensible;
}
