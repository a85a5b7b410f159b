using MlNetEmotion.Signals.Resampling;

namespace MlNetEmotion.Audio.IO;

/// <summary>Changes the sample rate of audio by polyphase filtering, matching
/// <c>scipy.signal.resample_poly(x, up, down)</c> (Kaiser window β = 5) with <c>up / down = target / source</c>
/// reduced by their gcd; every channel is resampled independently.</summary>
public static class AudioResampler
{
    /// <summary>Resamples <paramref name="audio"/> to <paramref name="targetRate"/>; the same buffer is returned when
    /// the rates already agree.</summary>
    /// <param name="audio">Audio to resample.</param>
    /// <param name="targetRate">New rate in Hz, at least 1.</param>
    /// <returns>Audio with <c>⌈frames · up / down⌉</c> frames at the new rate.</returns>
    public static AudioBuffer Resample(AudioBuffer audio, int targetRate)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetRate, 1);
        if (targetRate == audio.SampleRate) return audio;
        var resampler = new PolyphaseResampler(targetRate, audio.SampleRate);
        int frames = resampler.OutputLength(audio.FrameCount);
        var samples = new float[(long)frames * audio.Channels];
        var channel = new double[audio.FrameCount];
        for (int c = 0; c < audio.Channels; c++)
        {
            for (int f = 0; f < audio.FrameCount; f++) channel[f] = audio.Samples[f * audio.Channels + c];
            var y = resampler.Resample(channel);
            for (int f = 0; f < frames; f++) samples[f * audio.Channels + c] = (float)y[f];
        }
        return new AudioBuffer(samples, targetRate, audio.Channels);
    }
}
