using MlNetEmotion.Transforms;

namespace MlNetEmotion;

/// <summary><c>ctx.Labels</c>: the emotion label mappings of the papers.</summary>
public sealed class LabelsCatalog
{
    internal LabelsCatalog(EmotionContext context) => Context = context;

    /// <summary>The owning context.</summary>
    public EmotionContext Context { get; }

    /// <summary>Three levels of a 1..9 rating: Low [1, 4.5), Medium [4.5, 5.5], High (5.5, 9] (papers 000/002).</summary>
    /// <param name="inputColumnName">Rating column (Single or Double), e.g. "Arousal".</param>
    /// <param name="outputColumnName">Key column produced; default "Label".</param>
    public IEstimator<RatingBinningTransformer> ThreeLevel(string inputColumnName, string outputColumnName = "Label") =>
        Bins(outputColumnName, inputColumnName, RatingBinningTransformer.ThreeLevels);

    /// <summary>Two levels of a 1..9 rating: Low ≤ <paramref name="threshold"/> &lt; High.</summary>
    public IEstimator<RatingBinningTransformer> Binary(string inputColumnName, string outputColumnName = "Label", double threshold = 5) =>
        Bins(outputColumnName, inputColumnName, RatingBinningTransformer.Binary(threshold));

    /// <summary>Any binning of a rating into named classes.</summary>
    public IEstimator<RatingBinningTransformer> Bins(string outputColumnName, string inputColumnName,
        IReadOnlyList<RatingBinningTransformer.Bin> bins, double minimum = 1, double maximum = 9)
    {
        var t = new RatingBinningTransformer(outputColumnName, inputColumnName, bins, minimum, maximum);
        return new TrivialEstimator<RatingBinningTransformer>(t, t.GetOutputShape);
    }
}
