using MlNetEmotion.Transforms;

namespace MlNetEmotion;

/// <summary><c>mlContext.Transforms.Labels</c>: the emotion label mappings of the papers, producing key columns
/// with class names that ML.NET's trainers and evaluators take as they are.</summary>
public sealed class LabelsCatalog
{
    internal LabelsCatalog() { }

    /// <summary>Three levels of a 1..9 rating: Low [1, 4.5), Medium [4.5, 5.5], High (5.5, 9] (papers 000/002).</summary>
    /// <param name="inputColumnName">Rating column (Single or Double), e.g. "Arousal".</param>
    /// <param name="outputColumnName">Key column produced; default "Label".</param>
    public IEstimator<RatingBinningTransformer> ThreeLevel(string inputColumnName, string outputColumnName = "Label") =>
        Bins(outputColumnName, inputColumnName, RatingBinningTransformer.ThreeLevels);

    /// <summary>Two levels of a 1..9 rating: Low ≤ <paramref name="threshold"/> &lt; High.</summary>
    /// <param name="inputColumnName">Rating column.</param>
    /// <param name="outputColumnName">Key column produced; default "Label".</param>
    /// <param name="threshold">Largest Low rating. Default 5.</param>
    public IEstimator<RatingBinningTransformer> Binary(string inputColumnName, string outputColumnName = "Label", double threshold = 5) =>
        Bins(outputColumnName, inputColumnName, RatingBinningTransformer.Binary(threshold));

    /// <summary>Any binning of a rating into named classes.</summary>
    /// <param name="outputColumnName">Key column produced.</param>
    /// <param name="inputColumnName">Rating column.</param>
    /// <param name="bins">Bins in ascending order.</param>
    /// <param name="minimum">Smallest valid rating. Default 1.</param>
    /// <param name="maximum">Largest valid rating. Default 9.</param>
    public IEstimator<RatingBinningTransformer> Bins(string outputColumnName, string inputColumnName,
        IReadOnlyList<RatingBinningTransformer.Bin> bins, double minimum = 1, double maximum = 9)
    {
        var t = new RatingBinningTransformer(outputColumnName, inputColumnName, bins, minimum, maximum);
        return new StatelessEstimator<RatingBinningTransformer>(t, t.GetOutputShape);
    }
}

/// <summary>The label mappings on ML.NET's transforms catalog.</summary>
public static class LabelsCatalogExtensions
{
    extension(TransformsCatalog catalog)
    {
        /// <summary>Emotion label mappings: the papers' three levels, binary splits, any bins.</summary>
        public LabelsCatalog Labels => new();
    }
}
