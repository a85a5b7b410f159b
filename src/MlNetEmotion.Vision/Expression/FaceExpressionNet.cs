using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Vision.Expression;

/// <summary>face-api's <c>FaceExpressionNet</c> (face-api.js by Vincent Mühler, maintained as <c>@vladmandic/face-api</c>,
/// MIT): a 112×112 RGB face goes through the <c>FaceFeatureExtractor</c> — mean subtraction (122.782, 117.001,
/// 104.298) and division by 255, then four dense blocks (<see cref="DenseBlock"/>, 32, 64, 128, 256 channels, each
/// halving the size: 112 → 7) and a 7×7 average pool to a 256-d embedding — then a fully connected layer to the
/// seven expression logits, read through a softmax.</summary>
/// <remarks>Parameters are named as in face-api's weight manifest (<c>dense0.conv1.depthwise_filter</c>, ...,
/// <c>fc.weight</c>), in PyTorch layouts. Inference only: the module is in eval mode and <see cref="Predict(Image{byte})"/>
/// runs under <c>no_grad</c>. Prediction is thread-safe and bit-identical for any thread count.</remarks>
public sealed class FaceExpressionNet : Module<Tensor, Tensor>
{
    /// <summary>Side of the square network input in pixels.</summary>
    public const int InputSize = 112;

    /// <summary>Length of the pooled embedding that feeds the classifier.</summary>
    public const int EmbeddingSize = 256;

    /// <summary>Faces per forward pass in the batched <see cref="Predict(IReadOnlyList{Image{byte}})"/>.</summary>
    private const int BatchSize = 16;

    private const string ResourcePrefix = "MlNetEmotion.Vision.Expression.Weights.";
    private const string ManifestResource = "face_expression_model-weights_manifest.json";

    private static readonly string[] LabelNames = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"];
    private static readonly Tensor MeanRgb = torch.tensor([122.782f, 117.001f, 104.298f], 1, 3, 1, 1);

    private readonly DenseBlock dense0, dense1, dense2, dense3;
    private readonly Linear fc;

    private FaceExpressionNet() : base("FaceExpressionNet")
    {
        dense0 = new DenseBlock(3, 32, isFirstLayer: true);
        dense1 = new DenseBlock(32, 64, isFirstLayer: false);
        dense2 = new DenseBlock(64, 128, isFirstLayer: false);
        dense3 = new DenseBlock(128, EmbeddingSize, isFirstLayer: false);
        fc = torch.nn.Linear(EmbeddingSize, LabelNames.Length, generator: new Generator(0));
        register_module("dense0", dense0);
        register_module("dense1", dense1);
        register_module("dense2", dense2);
        register_module("dense3", dense3);
        register_module("fc", fc);
        eval();
    }

    /// <summary>The expressions in output order, as face-api names them: neutral, happy, sad, angry, fearful,
    /// disgusted, surprised.</summary>
    public static IReadOnlyList<string> Labels => LabelNames;

    /// <summary>The pretrained network with face-api 1.7.15's <c>face_expression_model</c> weights, embedded in this
    /// assembly (MIT, see <c>Expression/Weights/NOTICE.md</c>).</summary>
    /// <returns>The network in eval mode.</returns>
    public static FaceExpressionNet LoadPretrained()
    {
        var assembly = typeof(FaceExpressionNet).Assembly;
        Stream Open(string name) => assembly.GetManifestResourceStream(ResourcePrefix + name)
                                    ?? throw new InvalidOperationException($"Embedded resource {ResourcePrefix + name} is missing.");
        using var manifest = Open(ManifestResource);
        return FromTfjs(TfjsWeights.Load(manifest, Open, "embedded:" + ManifestResource), "embedded:" + ManifestResource);
    }

    /// <summary>Loads the network from a TF.js weights manifest (<c>face_expression_model-weights_manifest.json</c>) and
    /// its shard files next to it.</summary>
    /// <param name="manifestPath">Path of the manifest.</param>
    /// <returns>The network in eval mode.</returns>
    /// <exception cref="FileNotFoundException">The manifest or a shard is missing.</exception>
    /// <exception cref="InvalidDataException">The manifest is malformed, or its weights are not a face expression
    /// model (names or shapes differ).</exception>
    public static FaceExpressionNet Load(string manifestPath) => FromTfjs(TfjsWeights.Load(manifestPath), manifestPath);

    /// <summary>Builds the network from TF.js weights by name (as <see cref="TfjsWeights.Load(string)"/> returns
    /// them): convolution filters are moved from HWIO to PyTorch's OIHW layout, <c>fc/weights</c> [256, 7] is
    /// transposed into <c>fc.weight</c>.</summary>
    /// <param name="weights">Weights by TF.js name.</param>
    /// <param name="sourceName">Where they came from, for error messages.</param>
    /// <returns>The network in eval mode.</returns>
    /// <exception cref="InvalidDataException">Names or shapes do not match the architecture (the message lists them).</exception>
    public static FaceExpressionNet FromTfjs(IReadOnlyDictionary<string, Tensor> weights, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var net = new FaceExpressionNet();
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in weights)
        {
            string key = name.Replace('/', '.');
            if (key == "fc.weights") state["fc.weight"] = tensor.t();
            else if (tensor.ndim == 4)
            {
                // HWIO → OIHW; a depthwise filter [kH, kW, C, 1] becomes [1, C, kH, kW], i.e. [C, 1, kH, kW] in memory.
                var oihw = tensor.permute(3, 2, 0, 1);
                state[key] = key.EndsWith(".depthwise_filter", StringComparison.Ordinal)
                    ? oihw.reshape(tensor.size(2), 1, tensor.size(0), tensor.size(1))
                    : oihw;
            }
            else state[key] = tensor;
        }
        try
        {
            net.load_state_dict(state, strict: true);
        }
        catch (StateDictMismatchException e)
        {
            throw new InvalidDataException($"'{sourceName}' does not hold face-api face expression weights: {e.Message}", e);
        }
        return net;
    }

    /// <summary>The pooled embedding: <paramref name="input"/> [N, 3, 112, 112] holds raw RGB values in 0..255
    /// (channel-first); returns [N, 256].</summary>
    /// <param name="input">Batch of faces.</param>
    /// <returns>Embeddings.</returns>
    /// <exception cref="ShapeMismatchException">The input is not [N, 3, 112, 112].</exception>
    public Tensor forward_features(Tensor input)
    {
        return F.avg_pool2d(forward_map(input, Stages), (7, 7), (2, 2)).flatten(1);
    }

    /// <summary>Number of dense blocks, the deepest <see cref="forward_map"/> stage.</summary>
    public const int Stages = 4;

    /// <summary>Channels and side of the feature map after <paramref name="stage"/> dense blocks: 32 × 56², 64 × 28²,
    /// 128 × 14², 256 × 7².</summary>
    /// <param name="stage">1 to <see cref="Stages"/>.</param>
    /// <returns>(channels, side).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is outside 1..<see cref="Stages"/>.</exception>
    public static (int Channels, int Side) MapShape(int stage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stage, Stages);
        return (16 << stage, InputSize >> stage);
    }

    /// <summary>The spatial feature map after <paramref name="stage"/> dense blocks, before pooling and the classifier
    /// (the network with its fully connected layer removed): <paramref name="input"/> [N, 3, 112, 112] with raw RGB
    /// values in 0..255; returns [N, C, S, S] as <see cref="MapShape"/> gives.</summary>
    /// <param name="input">Batch of faces.</param>
    /// <param name="stage">1 to <see cref="Stages"/>.</param>
    /// <returns>Feature maps.</returns>
    /// <exception cref="ShapeMismatchException">The input is not [N, 3, 112, 112].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is outside 1..<see cref="Stages"/>.</exception>
    public Tensor forward_map(Tensor input, int stage)
    {
        MapShape(stage);
        if (input.ndim != 4 || input.size(1) != 3 || input.size(2) != InputSize || input.size(3) != InputSize)
            throw new ShapeMismatchException("FaceExpressionNet", input.shape, [-1, 3, InputSize, InputSize], "expected RGB faces [N, 3, 112, 112]");
        var x = (input - MeanRgb) / 255f;
        DenseBlock[] blocks = [dense0, dense1, dense2, dense3];
        for (int i = 0; i < stage; i++) x = blocks[i].forward(x);
        return x;
    }

    /// <summary>Expression logits [N, 7] for faces [N, 3, 112, 112] with raw RGB values in 0..255.</summary>
    /// <param name="input">Batch of faces.</param>
    /// <returns>Logits in <see cref="Labels"/> order.</returns>
    public override Tensor forward(Tensor input) => fc.forward(forward_features(input));

    /// <summary>Probabilities and embedding of one face crop (any size; padded to a square and resized to 112×112 as
    /// face-api does).</summary>
    /// <param name="face">RGB (or grey/RGBA, converted) face crop.</param>
    /// <returns>The prediction.</returns>
    public FaceExpressionResult Predict(Image<byte> face)
    {
        ArgumentNullException.ThrowIfNull(face);
        return Predict([face])[0];
    }

    /// <summary>Probabilities and embeddings of many face crops, <see cref="BatchSize"/> per forward pass.</summary>
    /// <param name="faces">Face crops of any sizes.</param>
    /// <returns>One prediction per face, in order.</returns>
    public IReadOnlyList<FaceExpressionResult> Predict(IReadOnlyList<Image<byte>> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var results = new FaceExpressionResult[faces.Count];
        int plane = 3 * InputSize * InputSize;
        using var noGrad = torch.no_grad();
        for (int start = 0; start < faces.Count; start += BatchSize)
        {
            int count = Math.Min(BatchSize, faces.Count - start);
            var batch = torch.empty(count, 3, InputSize, InputSize);
            var pixels = batch.AsSpan();
            for (int i = 0; i < count; i++)
            {
                var face = faces[start + i] ?? throw new ArgumentException($"Face {start + i} is null.", nameof(faces));
                FaceExpressionInput.Write(face, InputSize, pixels.Slice(i * plane, plane));
            }
            var embedding = forward_features(batch);
            var probabilities = fc.forward(embedding).softmax(1);
            var e = embedding.AsSpan();
            var p = probabilities.AsSpan();
            for (int i = 0; i < count; i++)
                results[start + i] = new FaceExpressionResult(
                    p.Slice(i * LabelNames.Length, LabelNames.Length).ToArray(),
                    e.Slice(i * EmbeddingSize, EmbeddingSize).ToArray());
        }
        return results;
    }

    /// <summary>Index of <paramref name="label"/> in <see cref="Labels"/>, or −1.</summary>
    internal static int LabelIndex(string label) => Array.IndexOf(LabelNames, label);
}
