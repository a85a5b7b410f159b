namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>
/// <c>mlContext.Data.LoadSyntheticDeap/LoadSyntheticEav</c> stream a synthetic corpus as a lazy view;
/// <c>mlContext.Data.WriteSyntheticDeap/WriteSyntheticEav</c> write it to disk in the real corpus's layout, for the built-in
/// <c>deap</c> / <c>eav</c> (or <c>synthetic-deap</c> / <c>synthetic-eav</c>) manifests. One seed gives the same
/// corpus both ways. The planted effects are described in <c>docs/synthetic-data.md</c>.
/// </summary>
public static class SyntheticCorpusCatalogExtensions
{
    /// <summary>The DEAP-shaped corpus as a lazy view: Subject, Trial, PresentationTrial, Valence, Arousal, Dominance,
    /// Liking, <c>Signal</c> (32 EEG channels, µV, 128 Hz, the 3 s baseline first: what <c>mlContext.Transforms.Eeg.ReadEeg</c> gives for a
    /// DEAP trial) and, with video, <c>Frames</c> (face frames at <see cref="SyntheticCorpusOptions.VideoFrameRate"/>:
    /// what <c>mlContext.Transforms.Vision.ReadFrames</c> gives) and, with <see cref="SyntheticDeapOptions.EmotionBursts"/>,
    /// <c>BurstMask</c> (<c>[frames]</c> Boolean at the video frame rate: true where the frame's time lies in a burst).
    /// Signals are generated only when a cursor reads them.</summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="options">Corpus options; null for DEAP's size.</param>
    public static IDataView LoadSyntheticDeap(this DataOperationsCatalog catalog, SyntheticDeapOptions? options = null)
    {
        options ??= new SyntheticDeapOptions();
        var modalities = new SyntheticModalities(options);
        return SyntheticCorpusView.Deap(SyntheticTrialPlan.Deap(options), modalities.StreamColumns(options.IncludeVideo, voice: false));
    }

    /// <summary>The EAV-shaped corpus as a lazy view: Subject, Trial (clip NUM), Repeat, Emotion and Task (keys),
    /// <c>Signal</c> (30 EEG channels, µV, 500 Hz), <c>Frames</c> with video, and <c>Audio</c> with audio (silence-free
    /// voice for speaking clips; an empty buffer for listening clips, which have no audio in EAV).</summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="options">Corpus options; null for EAV's size.</param>
    public static IDataView LoadSyntheticEav(this DataOperationsCatalog catalog, SyntheticEavOptions? options = null)
    {
        options ??= new SyntheticEavOptions();
        var modalities = new SyntheticModalities(options);
        return SyntheticCorpusView.Eav(SyntheticTrialPlan.Eav(options), modalities.StreamColumns(options.IncludeVideo, options.IncludeAudio));
    }

    /// <summary>Writes the DEAP-shaped corpus under <paramref name="root"/> in DEAP's layout (see the <c>deap</c>
    /// manifest), reporting progress as stage <c>Writing synthetic DEAP</c>. Needs <c>ffmpeg</c> for video.</summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="root">Corpus folder (created).</param>
    /// <param name="options">Corpus options; null for DEAP's size (about 3.3 GB of EEG: choose fewer subjects or shorter trials to try it).</param>
    public static void WriteSyntheticDeap(this DataOperationsCatalog catalog, string root, SyntheticDeapOptions? options = null)
    {
        options ??= new SyntheticDeapOptions();
        SyntheticDeapWriter.Write(root, options, new SyntheticModalities(options),
            (done, total) => CatalogEnvironment.Of(catalog).ReportProgress("Writing synthetic DEAP", done, total));
    }

    /// <summary>Writes the EAV-shaped corpus under <paramref name="root"/> in EAV's layout (see the <c>eav</c> manifest),
    /// reporting progress as stage <c>Writing synthetic EAV</c>. Needs <c>ffmpeg</c> for video.</summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="root">Corpus folder (created).</param>
    /// <param name="options">Corpus options; null for EAV's size.</param>
    public static void WriteSyntheticEav(this DataOperationsCatalog catalog, string root, SyntheticEavOptions? options = null)
    {
        options ??= new SyntheticEavOptions();
        SyntheticEavWriter.Write(root, options, new SyntheticModalities(options),
            (done, total) => CatalogEnvironment.Of(catalog).ReportProgress("Writing synthetic EAV", done, total));
    }
}
