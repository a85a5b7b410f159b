using MlNetEmotion.Datasets.Synthetic.Eeg;
using MlNetEmotion.Datasets.Synthetic.Faces;
using MlNetEmotion.Datasets.Synthetic.Voice;

namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>Settings shared by the synthetic corpora. Every draw derives from <see cref="Seed"/>, so one seed gives one
/// bit-identical corpus whether it is streamed or written, in any order.</summary>
public abstract class SyntheticCorpusOptions
{
    /// <summary>Number of subjects.</summary>
    public abstract int Subjects { get; set; }

    /// <summary>Trials (clips) per subject.</summary>
    public abstract int TrialsPerSubject { get; set; }

    /// <summary>Seed. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Standard deviation of a subject's constant bias in felt valence and arousal (centred units, −1..1).
    /// Default 0.15.</summary>
    public double SubjectBiasStd { get; set; } = 0.15;

    /// <summary>Standard deviation of report noise on the 1..9 scale (DEAP ratings). Default 0.6.</summary>
    public double LabelNoiseStd { get; set; } = 0.6;

    /// <summary>Whether the corpus has face video. Default true.</summary>
    public bool IncludeVideo { get; set; } = true;

    /// <summary>Frames per second of the face video. Default 25.</summary>
    public double VideoFrameRate { get; set; } = 25;

    /// <summary>EEG generator settings (effect size, artefact rates, subject variability); the corpus sets the layout,
    /// trial length and baseline. Default: the generator's defaults.</summary>
    public SyntheticEegSignalOptions Eeg { get; set; } = new();

    /// <summary>Face renderer settings (frame size, jitter, noise); the corpus sets the frame rate. Default: the renderer's defaults.</summary>
    public SyntheticFaceOptions Faces { get; set; } = new();

    /// <summary>Voice synthesiser settings (EAV speaking clips). Default: the synthesiser's defaults.</summary>
    public SyntheticVoiceOptions Voice { get; set; } = new();

    internal virtual void Validate()
    {
        if (Subjects < 1) throw new ArgumentOutOfRangeException(nameof(Subjects), Subjects, "At least one subject is required.");
        if (TrialsPerSubject < 1) throw new ArgumentOutOfRangeException(nameof(TrialsPerSubject), TrialsPerSubject, "At least one trial per subject is required.");
        if (!(SubjectBiasStd >= 0)) throw new ArgumentOutOfRangeException(nameof(SubjectBiasStd), SubjectBiasStd, "Must be zero or positive.");
        if (!(LabelNoiseStd >= 0)) throw new ArgumentOutOfRangeException(nameof(LabelNoiseStd), LabelNoiseStd, "Must be zero or positive.");
        if (!(VideoFrameRate > 0)) throw new ArgumentOutOfRangeException(nameof(VideoFrameRate), VideoFrameRate, "Must be positive.");
    }
}

/// <summary>The DEAP-shaped corpus: 32-channel EEG at 128 Hz with a 3 s pre-trial baseline, frontal face video for the
/// first <see cref="VideoSubjects"/> subjects, valence/arousal/dominance/liking reported on 1..9. Defaults are DEAP's size.</summary>
public sealed class SyntheticDeapOptions : SyntheticCorpusOptions
{
    /// <summary>Number of subjects. Default 32.</summary>
    public override int Subjects { get; set; } = 32;

    /// <summary>Stimuli (trials) per subject. Default 40.</summary>
    public override int TrialsPerSubject { get; set; } = 40;

    /// <summary>Seconds of stimulus per trial (after the baseline). Default 60.</summary>
    public double StimulusSeconds { get; set; } = 60;

    /// <summary>Seconds of pre-trial baseline. Default 3 (DEAP: 3 s, 63 s = 8064 samples in all).</summary>
    public double BaselineSeconds { get; set; } = 3;

    /// <summary>In the written corpus, subjects 1..this have face video files (DEAP recorded video for participants
    /// 1–22). The streamed view draws frames for every subject. Default 22.</summary>
    public int VideoSubjects { get; set; } = 22;

    /// <summary>Bursts per trial in which the felt emotion shows (<see cref="Synthetic.EmotionBursts"/>): EEG band powers
    /// and facial expression carry the trial's valence and arousal only inside them and are at rest elsewhere, so a model
    /// must find the few informative frames (the setting the glimpse networks of the video–EEG papers are for).
    /// 0 (default) puts the signal in the whole stimulus. Peripheral channels are not affected.</summary>
    public int EmotionBursts { get; set; }

    /// <summary>Length of each emotion burst in seconds (with <see cref="EmotionBursts"/> &gt; 0). Default 2.</summary>
    public double BurstSeconds { get; set; } = 2;

    internal override void Validate()
    {
        base.Validate();
        if (!(StimulusSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(StimulusSeconds), StimulusSeconds, "Must be positive.");
        if (EmotionBursts < 0) throw new ArgumentOutOfRangeException(nameof(EmotionBursts), EmotionBursts, "Must be zero or positive.");
        if (EmotionBursts > 0 && !(BurstSeconds > 0 && BurstSeconds <= StimulusSeconds))
            throw new ArgumentOutOfRangeException(nameof(BurstSeconds), BurstSeconds, "A burst lasts a positive time within the stimulus.");
        if (!(BaselineSeconds >= 0)) throw new ArgumentOutOfRangeException(nameof(BaselineSeconds), BaselineSeconds, "Must be zero or positive.");
    }
}

/// <summary>The EAV-shaped corpus: 30-channel EEG at 500 Hz, face video and, for speaking clips, voice; five emotion
/// classes × listening/speaking. Defaults are EAV's size (42 subjects, 200 clips of 20 s).</summary>
public sealed class SyntheticEavOptions : SyntheticCorpusOptions
{
    /// <summary>Number of subjects. Default 42.</summary>
    public override int Subjects { get; set; } = 42;

    /// <summary>Clips per subject, a multiple of 10 (5 classes × 2 tasks). Default 200.</summary>
    public override int TrialsPerSubject { get; set; } = 200;

    /// <summary>Seconds per clip. Default 20.</summary>
    public double ClipSeconds { get; set; } = 20;

    /// <summary>Whether speaking clips have audio. Default true.</summary>
    public bool IncludeAudio { get; set; } = true;

    /// <summary>Creates the options with EAV's video rate (30 fps).</summary>
    public SyntheticEavOptions() => VideoFrameRate = 30;

    internal override void Validate()
    {
        base.Validate();
        if (TrialsPerSubject % 10 != 0)
            throw new ArgumentOutOfRangeException(nameof(TrialsPerSubject), TrialsPerSubject, "EAV clips come in tens (5 classes x listening/speaking).");
        if (!(ClipSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(ClipSeconds), ClipSeconds, "Must be positive.");
    }
}
