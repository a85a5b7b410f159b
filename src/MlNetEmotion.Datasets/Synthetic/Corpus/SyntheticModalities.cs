using MlNetEmotion.Audio.IO;
using MlNetEmotion.Audio.Pipeline;
using MlNetEmotion.Datasets.Synthetic.Eeg;
using MlNetEmotion.Datasets.Synthetic.Faces;
using MlNetEmotion.Datasets.Synthetic.Voice;
using MlNetEmotion.Eeg;
using MlNetEmotion.Eeg.Pipeline;
using MlNetEmotion.Vision.Media;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>Generates one trial's modalities for a corpus (EEG, face frames, voice): the one place where a corpus meets
/// the modality generators. The writers and the streamed views both go through it, so both give the same data.</summary>
internal sealed class SyntheticModalities
{
    private readonly int _seed;
    private readonly SyntheticEegSignalOptions _eeg;
    private readonly SyntheticFaceOptions _faces;
    private readonly SyntheticVoiceOptions _voice;
    private readonly double _seconds;
    private readonly (int Count, double Seconds) _bursts;

    public SyntheticModalities(SyntheticDeapOptions options)
        : this(options, options.StimulusSeconds, options.Eeg.For(SyntheticEegLayout.Deap, options.StimulusSeconds, options.BaselineSeconds)) =>
        _bursts = (options.EmotionBursts, options.BurstSeconds);

    public SyntheticModalities(SyntheticEavOptions options)
        : this(options, options.ClipSeconds, options.Eeg.For(SyntheticEegLayout.Eav, options.ClipSeconds, 0)) { }

    private SyntheticModalities(SyntheticCorpusOptions options, double seconds, SyntheticEegSignalOptions eeg)
    {
        _seed = options.Seed;
        _seconds = seconds;
        _eeg = eeg;
        _faces = options.Faces.WithFrameRate(options.VideoFrameRate);
        _voice = options.Voice;
    }

    /// <summary>The trial's EEG (µV), baseline first.</summary>
    public EegRecording Eeg(SyntheticTrial t) => SyntheticEegSignals.Generate(_seed, t.Subject, t.Trial, t.Affect, _eeg, Bursts(t));

    /// <summary>The trial's emotion bursts, or null when the emotion shows throughout.</summary>
    public EmotionBursts? Bursts(SyntheticTrial t) =>
        _bursts.Count > 0 ? EmotionBursts.Draw(_seed, t.Subject, t.Trial, _bursts.Count, _bursts.Seconds, _seconds) : null;

    /// <summary>The trial's EEG samples, channel-major.</summary>
    public double[][] EegChannels(SyntheticTrial t) => Eeg(t).Channels.Select(c => c.Samples).ToArray();

    /// <summary>DEAP's 40 stored channels: the 32 EEG channels, then <see cref="PeripheralSignals"/>.</summary>
    public double[][] DeapTrialChannels(SyntheticTrial t)
    {
        var eeg = Eeg(t);
        return [.. eeg.Channels.Select(c => c.Samples), .. PeripheralSignals.Deap(eeg, t.Affect)];
    }

    /// <summary>The trial's face frames at the corpus frame rate, drawn lazily.</summary>
    public IEnumerable<SyntheticFaceFrame> Faces(SyntheticTrial t) => SyntheticFaceVideo.Frames(_seed, t.Subject, t.Trial, t.Affect, _seconds, _faces, Bursts(t));

    /// <summary>The trial's face frames as one clip.</summary>
    public ImageSequence FaceClip(SyntheticTrial t)
    {
        var frames = Faces(t).ToArray();
        return new ImageSequence(frames.Select(f => f.Image).ToArray(), frames.Select(f => f.TimestampSeconds).ToArray());
    }

    /// <summary>Encodes the trial's face video to <paramref name="path"/> (.avi or .mp4) with ffmpeg.</summary>
    public void WriteVideo(string path, SyntheticTrial t) =>
        VideoWriter.Save(path, Faces(t).Select(f => f.Image), new VideoWriterOptions { FrameRate = _faces.FrameRate });

    /// <summary>The trial's voice (mono).</summary>
    public AudioBuffer Voice(SyntheticTrial t)
    {
        var clip = SyntheticVoice.Synthesize(_seed, t.Subject, t.Trial, t.Affect, _seconds, _voice);
        return new AudioBuffer(clip.Samples, clip.SampleRate);
    }

    /// <summary>The generated columns of a streamed view: <c>Signal</c>, then <c>Frames</c> and <c>Audio</c> when asked
    /// for (Audio is an empty buffer for EAV's listening clips, which have none), then, with emotion bursts,
    /// <c>BurstMask</c> (<c>[frames]</c> Boolean at the video frame rate, <see cref="EmotionBursts.FrameMask"/>).</summary>
    public SyntheticColumn[] StreamColumns(bool video, bool voice)
    {
        var columns = new List<SyntheticColumn> { new SyntheticColumn<EegSignal>("Signal", EegSignalColumn.SignalType, t => EegSignal.FromRecording(Eeg(t))) };
        if (video) columns.Add(new SyntheticColumn<ImageSequence>("Frames", ImageSequenceColumn.Type, FaceClip));
        if (voice)
            columns.Add(new SyntheticColumn<AudioBuffer>("Audio", AudioColumns.AudioType,
                t => t.Task == "Listening" ? new AudioBuffer([], _voice.SampleRate) : Voice(t)));
        if (_bursts.Count > 0)
        {
            int frames = (int)Math.Floor(_seconds * _faces.FrameRate + 1e-9);
            columns.Add(new SyntheticColumn<VBuffer<bool>>("BurstMask", new VectorDataViewType(BooleanDataViewType.Instance, frames),
                t => new VBuffer<bool>(frames, Bursts(t)!.FrameMask(frames, _faces.FrameRate))));
        }
        return [.. columns];
    }
}
