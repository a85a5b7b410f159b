namespace MlNetEmotion.Vision.Features;

/// <summary>The frozen network behind <see cref="FaceFeatureMapTransformer"/>.</summary>
public enum FaceFeatureBackbone
{
    /// <summary>face-api's expression network (embedded, MIT) without its pooling and classifier: the map after
    /// <see cref="FaceFeatureMapOptions.Stage"/> dense blocks of a 112 × 112 RGB face.</summary>
    FaceApiExpression,

    /// <summary>Any ONNX image model (<see cref="FaceFeatureMapOptions.OnnxModelPath"/>), read at
    /// <see cref="FaceFeatureMapOptions.OnnxOutputName"/>.</summary>
    Onnx,
}

/// <summary>Settings of <c>mlContext.Transforms.Vision.FaceFeatureMaps</c>.</summary>
public sealed class FaceFeatureMapOptions
{
    /// <summary>The network. Default <see cref="FaceFeatureBackbone.FaceApiExpression"/> (ships in this repository).</summary>
    public FaceFeatureBackbone Backbone { get; set; } = FaceFeatureBackbone.FaceApiExpression;

    /// <summary>face-api: dense blocks run before the map is read, 1–4 (32 × 56², 64 × 28², 128 × 14², 256 × 7²).
    /// Default 3.</summary>
    public int Stage { get; set; } = 3;

    /// <summary>Side of the average pooling window (and stride) applied to the map, 1 for none; it must divide the
    /// map's side. Default 2 (face-api stage 3: 128 × 7 × 7).</summary>
    public int PoolSize { get; set; } = 2;

    /// <summary>face-api: a TF.js <c>face_expression_model-weights_manifest.json</c> instead of the embedded
    /// weights. Default null (embedded).</summary>
    public string? WeightsManifestPath { get; set; }

    /// <summary>ONNX: path of the model file. Default null.</summary>
    public string? OnnxModelPath { get; set; }

    /// <summary>ONNX: the graph's image input, <c>[N, 3, S, S]</c> float. Default null (the graph's only input).</summary>
    public string? OnnxInputName { get; set; }

    /// <summary>ONNX: the node output read as the map, <c>[N, C, H, W]</c>; an inner tensor that is not a graph output
    /// is added to the graph's outputs when the model is loaded. Default null (the graph's first output).</summary>
    public string? OnnxOutputName { get; set; }

    /// <summary>ONNX: a model run first on raw RGB 0–255 pixels <c>[1, 3, S, S]</c> whose output feeds the main model
    /// (e.g. <c>ResNetPreprocess.onnx</c> of the <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> package); null to feed
    /// ImageNet-normalised pixels directly. Default null.</summary>
    public string? OnnxPreprocessModelPath { get; set; }

    /// <summary>ONNX: side of the square input the face is resized to. Default 224.</summary>
    public int OnnxInputSize { get; set; } = 224;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (names it).</exception>
    /// <exception cref="ArgumentException">The ONNX backbone without <see cref="OnnxModelPath"/>.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Backbone))
            throw new ArgumentOutOfRangeException(nameof(Backbone), Backbone, "FaceFeatureMapOptions.Backbone must be FaceApiExpression or Onnx.");
        if (Stage is < 1 or > Expression.FaceExpressionNet.Stages)
            throw new ArgumentOutOfRangeException(nameof(Stage), Stage, $"FaceFeatureMapOptions.Stage must be 1..{Expression.FaceExpressionNet.Stages}.");
        if (PoolSize < 1) throw new ArgumentOutOfRangeException(nameof(PoolSize), PoolSize, "FaceFeatureMapOptions.PoolSize must be 1 or more.");
        if (OnnxInputSize < 1) throw new ArgumentOutOfRangeException(nameof(OnnxInputSize), OnnxInputSize, "FaceFeatureMapOptions.OnnxInputSize must be 1 or more.");
        if (Backbone == FaceFeatureBackbone.Onnx && string.IsNullOrEmpty(OnnxModelPath))
            throw new ArgumentException("FaceFeatureMapOptions.OnnxModelPath is required for the Onnx backbone.", nameof(OnnxModelPath));
    }

    internal void Write(BinaryWriter w)
    {
        w.Write((int)Backbone); w.Write(Stage); w.Write(PoolSize); w.Write(WeightsManifestPath ?? "");
        w.Write(OnnxModelPath ?? ""); w.Write(OnnxInputName ?? ""); w.Write(OnnxOutputName ?? ""); w.Write(OnnxInputSize);
        w.Write(OnnxPreprocessModelPath ?? "");
    }

    internal static FaceFeatureMapOptions Read(BinaryReader r)
    {
        static string? Text(BinaryReader r) { string s = r.ReadString(); return s.Length == 0 ? null : s; }
        return new FaceFeatureMapOptions
        {
            Backbone = (FaceFeatureBackbone)r.ReadInt32(), Stage = r.ReadInt32(), PoolSize = r.ReadInt32(), WeightsManifestPath = Text(r),
            OnnxModelPath = Text(r), OnnxInputName = Text(r), OnnxOutputName = Text(r), OnnxInputSize = r.ReadInt32(), OnnxPreprocessModelPath = Text(r),
        };
    }
}
