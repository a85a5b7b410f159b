using MlNetEmotion.Vision.Expression;

namespace MlNetEmotion;

public sealed partial class VisionCatalog
{
    /// <summary>Facial-expression features of face crops with face-api's pretrained <see cref="FaceExpressionNet"/>:
    /// <paramref name="outputColumnName"/> gets the 7 expression probabilities (neutral, happy, sad, angry, fearful,
    /// disgusted, surprised) and <c>{outputColumnName}Embedding</c> the 256-d embedding before the classifier, both
    /// averaged over the clip's frames (or kept per frame, <see cref="FaceExpressionOptions.Pooling"/>).</summary>
    /// <param name="outputColumnName">Probability column produced (float[7], or float[frames · 7] with shape (0, 7)). Default <c>Expression</c>.</param>
    /// <param name="inputColumnName">Image-sequence column of face crops (any size; each is padded to a square and resized to
    /// 112×112 as face-api does). Default <c>Faces</c>.</param>
    /// <param name="options">Pooling and weights; null for defaults (mean over frames, embedded weights).</param>
    /// <returns>An estimator that learns nothing.</returns>
    public IEstimator<FaceExpressionTransformer> FaceExpressionFeatures(string outputColumnName = "Expression", string inputColumnName = "Faces",
        FaceExpressionOptions? options = null)
    {
        var t = new FaceExpressionTransformer(outputColumnName, inputColumnName, options);
        return new StatelessEstimator<FaceExpressionTransformer>(t, t.GetOutputShape);
    }
}
