namespace MlNetEmotion.Vision.Expression;

/// <summary>How <see cref="FaceExpressionTransformer"/> turns a clip's per-frame outputs into a row's value.</summary>
public enum FaceExpressionPooling
{
    /// <summary>Average over the frames: <c>float[7]</c> probabilities and <c>float[256]</c> embedding per row.</summary>
    Mean,

    /// <summary>Keep every frame: <c>float[frames · 7]</c> and <c>float[frames · 256]</c>, frame-major (shape (0, 7) and (0, 256)).</summary>
    None,
}

/// <summary>Settings of <c>mlContext.Transforms.Vision.FaceExpressionFeatures</c>.</summary>
public sealed class FaceExpressionOptions
{
    /// <summary>Pooling over a clip's frames. Default <see cref="FaceExpressionPooling.Mean"/>.</summary>
    public FaceExpressionPooling Pooling { get; set; } = FaceExpressionPooling.Mean;

    /// <summary>A TF.js <c>face_expression_model-weights_manifest.json</c> to load instead of the embedded face-api
    /// weights. Default null (embedded).</summary>
    public string? WeightsManifestPath { get; set; }
}
