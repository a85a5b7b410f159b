using MlNetEmotion.Audio.IO;

namespace MlNetEmotion.Datasets.Synthetic.Voice;

/// <summary>A synthesised clip and the ground truth it was made from.</summary>
public sealed class SyntheticVoiceClip
{
    internal SyntheticVoiceClip(float[] samples, int sampleRate, SyntheticVoiceProfile profile)
    {
        Samples = samples;
        SampleRate = sampleRate;
        Profile = profile;
    }

    /// <summary>Mono samples in [−<see cref="SyntheticVoiceOptions.PeakLimit"/>, +<see cref="SyntheticVoiceOptions.PeakLimit"/>].</summary>
    public float[] Samples { get; }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>Duration in seconds.</summary>
    public double Seconds => (double)Samples.Length / SampleRate;

    /// <summary>The speaker.</summary>
    public SyntheticVoiceProfile Profile { get; }

    /// <summary>Mean F0 in Hz over the clip's voiced time (before jitter, which averages out).</summary>
    public double MeanF0 { get; internal init; }

    /// <summary>Height of the clip's pitch accents in semitones.</summary>
    public double PitchRange { get; internal init; }

    /// <summary>Number of syllables spoken.</summary>
    public int Syllables { get; internal init; }

    /// <summary>Syllables per second of clip (pauses included).</summary>
    public double SyllableRate => Syllables / Seconds;

    /// <summary>RMS level of the speech alone (without the background noise) over the whole clip, in dBFS.</summary>
    public double SpeechRmsDbfs { get; internal init; }

    /// <summary>The clip as an audio buffer (samples not copied), e.g. for <see cref="WavWriter.Write(string, AudioBuffer, AudioSampleFormat, bool)"/>.</summary>
    public AudioBuffer ToAudioBuffer() => new(Samples, SampleRate);
}
