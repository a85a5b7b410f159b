using MlNetEmotion.Transforms;

namespace MlNetEmotion;

/// <summary><c>mlContext.Transforms.Reshape(...)</c>.</summary>
public static class ReshapeCatalogExtensions
{
    /// <summary>Gives a Single vector column a known tensor shape (row-major; each row must have exactly that many values).</summary>
    /// <param name="catalog"><c>mlContext.Transforms</c>.</param>
    /// <param name="outputColumnName">Column produced.</param>
    /// <param name="inputColumnName">Single-vector column read.</param>
    /// <param name="dimensions">The shape, e.g. <c>32, 4</c>.</param>
    public static IEstimator<ReshapeTransformer> Reshape(this TransformsCatalog catalog, string outputColumnName, string inputColumnName, params int[] dimensions)
    {
        var t = new ReshapeTransformer(outputColumnName, inputColumnName, dimensions);
        return new StatelessEstimator<ReshapeTransformer>(t, t.GetOutputShape);
    }
}
