using MlNetEmotion.Vision.Features;

namespace MlNetEmotion;

public sealed partial class VisionCatalog
{
    /// <summary>Per-frame spatial feature maps of face crops from a frozen CNN without its fully connected layers:
    /// face-api's expression network by default (the map after <see cref="FaceFeatureMapOptions.Stage"/> dense blocks),
    /// or an ONNX model's inner node.</summary>
    /// <param name="outputColumnName">Single vector column produced, shape (0, C, H, W): one map per face crop. Default <c>FeatureMaps</c>.</param>
    /// <param name="inputColumnName">Image-sequence column of face crops (e.g. from <see cref="DetectAndCropFaces"/>). Default <c>Faces</c>.</param>
    /// <param name="options">Backbone and layer; null for defaults (face-api, stage 3, 2 × 2 pooling: 128 × 7 × 7).</param>
    /// <returns>An estimator that learns nothing.</returns>
    public IEstimator<FaceFeatureMapTransformer> FaceFeatureMaps(string outputColumnName = "FeatureMaps", string inputColumnName = "Faces",
        FaceFeatureMapOptions? options = null)
    {
        var t = new FaceFeatureMapTransformer(outputColumnName, inputColumnName, options);
        return new StatelessEstimator<FaceFeatureMapTransformer>(t, t.GetOutputShape);
    }

    /// <summary>The rows of the face-sequence trainers (<c>ConvLstm</c>, <c>CnnLstm</c>, <c>CnnGru</c>) from per-face maps:
    /// maps padded to <c>[T, C, H, W]</c>, the kept frames' labels <c>[T, targets]</c> (frames without a face dropped from
    /// the labels too), the valid length, and the count of dropped frames per clip.</summary>
    /// <param name="outputColumnName">Padded feature column produced. Default <c>Features</c>.</param>
    /// <param name="inputColumnName">Feature-map column from <see cref="FaceFeatureMaps"/>. Default <c>FeatureMaps</c>.</param>
    /// <param name="options">T and column names; null for defaults (T = 100; Faces, Frames; Valence, Arousal → Label, Length, MissedFaces).</param>
    /// <returns>An estimator that learns nothing.</returns>
    public IEstimator<FaceSequenceAlignmentTransformer> AlignFaceSequences(string outputColumnName = "Features", string inputColumnName = "FeatureMaps",
        FaceSequenceAlignmentOptions? options = null)
    {
        var t = new FaceSequenceAlignmentTransformer(outputColumnName, inputColumnName, options);
        return new StatelessEstimator<FaceSequenceAlignmentTransformer>(t, t.GetOutputShape);
    }
}
