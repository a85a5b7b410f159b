using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Neural;
using MlNetEmotion.Vision.Expression;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Vision.Features;

/// <summary>face-api's expression network with its pooling and classifier removed: each face is padded to a square
/// and resized to 112 × 112 as face-api does, run through <c>stage</c> dense blocks, and average-pooled by
/// <c>poolSize</c>.</summary>
public sealed class FaceApiFeatureBackbone : IFaceFeatureBackbone
{
    private const int BatchSize = 16;
    private readonly FaceExpressionNet _net;
    private readonly int _stage, _pool;

    /// <summary>Creates the backbone.</summary>
    /// <param name="net">The network (e.g. <see cref="FaceExpressionNet.LoadPretrained"/>).</param>
    /// <param name="stage">Dense blocks run, 1..4.</param>
    /// <param name="poolSize">Average pooling window and stride; must divide the map's side.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public FaceApiFeatureBackbone(FaceExpressionNet net, int stage, int poolSize)
    {
        _net = net ?? throw new ArgumentNullException(nameof(net));
        var (channels, side) = FaceExpressionNet.MapShape(stage);
        if (poolSize < 1 || side % poolSize != 0)
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, $"The pooling window must divide the stage-{stage} map side {side}.");
        (_stage, _pool) = (stage, poolSize);
        MapShape = (channels, side / poolSize, side / poolSize);
    }

    /// <inheritdoc />
    public (int Channels, int Height, int Width) MapShape { get; }

    /// <inheritdoc />
    public void Compute(IReadOnlyList<Image<byte>> faces, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(faces);
        int plane = 3 * FaceExpressionNet.InputSize * FaceExpressionNet.InputSize;
        int map = MapShape.Channels * MapShape.Height * MapShape.Width;
        using var noGrad = torch.no_grad();
        for (int start = 0; start < faces.Count; start += BatchSize)
        {
            int count = Math.Min(BatchSize, faces.Count - start);
            var batch = torch.empty(count, 3, FaceExpressionNet.InputSize, FaceExpressionNet.InputSize);
            var pixels = batch.AsSpan();
            for (int i = 0; i < count; i++)
                FaceExpressionInput.Write(faces[start + i], FaceExpressionNet.InputSize, pixels.Slice(i * plane, plane));
            var x = _net.forward_map(batch, _stage);
            if (_pool > 1) x = F.avg_pool2d(x, (_pool, _pool), (_pool, _pool));
            x.contiguous().AsSpan().CopyTo(destination.Slice(start * map, count * map));
        }
    }
}
