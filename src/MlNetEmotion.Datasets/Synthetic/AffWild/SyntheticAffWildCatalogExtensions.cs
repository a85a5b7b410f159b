namespace MlNetEmotion.Datasets.Synthetic.AffWild;

/// <summary><c>mlContext.Data.LoadSyntheticAffWild</c> streams the Aff-Wild stand-in; <c>mlContext.Data.WriteSyntheticAffWild</c>
/// writes it in Aff-Wild's layout for the built-in <c>aff-wild</c> manifest. One seed gives the same corpus both ways;
/// the planted mapping is in <c>docs/synthetic-data.md</c>.</summary>
public static class SyntheticAffWildCatalogExtensions
{
    /// <summary>The stand-in as a lazy view: Subject and Trial (both the video number), Valence and Arousal (per-frame
    /// annotations in [−1, 1], <c>[frames]</c>), FaceVisible (<c>[frames]</c>, false where the face left the picture) and,
    /// with video, Frames (drawn when a cursor reads them).</summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="options">Corpus options; null for the defaults.</param>
    public static IDataView LoadSyntheticAffWild(this DataOperationsCatalog catalog, SyntheticAffWildOptions? options = null) =>
        SyntheticAffWildCorpus.View(options ?? new SyntheticAffWildOptions());

    /// <summary>Writes the stand-in under <paramref name="root"/> in Aff-Wild's layout (<c>videos/train/N.mp4</c>,
    /// <c>annotations/train/valence/N.txt</c>, <c>annotations/train/arousal/N.txt</c>), reporting progress as stage
    /// <c>Writing synthetic Aff-Wild</c>. Needs <c>ffmpeg</c>.</summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="root">Corpus folder (created).</param>
    /// <param name="options">Corpus options; null for the defaults.</param>
    public static void WriteSyntheticAffWild(this DataOperationsCatalog catalog, string root, SyntheticAffWildOptions? options = null) =>
        SyntheticAffWildCorpus.Write(root, options ?? new SyntheticAffWildOptions(),
            (done, total) => CatalogEnvironment.Of(catalog).ReportProgress("Writing synthetic Aff-Wild", done, total));
}
