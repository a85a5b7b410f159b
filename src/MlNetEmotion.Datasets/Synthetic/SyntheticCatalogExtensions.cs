namespace MlNetEmotion.Datasets.Synthetic;

/// <summary><c>mlContext.Data.LoadSyntheticEeg(...)</c>: the built-in demo corpus as a data view.</summary>
public static class SyntheticCatalogExtensions
{
    /// <summary>The synthetic DEAP-shaped corpus: columns Subject, Trial, Valence, Arousal and BandPower (log powers,
    /// 32 channels × 4 bands). See <see cref="SyntheticEegGenerator"/> for the planted effects.</summary>
    public static IDataView LoadSyntheticEeg(this DataOperationsCatalog catalog, SyntheticEegOptions? options = null) =>
        catalog.LoadFromEnumerable(SyntheticEegGenerator.Generate(options));
}
