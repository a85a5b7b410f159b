using System.Text.Json;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Features;
using MlNetEmotion.Vision.Tests.Expression;

namespace MlNetEmotion.Vision.Tests.Features;

public class FaceFeatureBackboneTests
{
    [Fact]
    public void FaceApiLastMapAveragedIsFaceApisEmbedding()
    {
        // Stage 4 pooled over its whole 7 × 7 map is the 256-d embedding face-api's JavaScript computes (expected.json).
        var backbone = new FaceApiFeatureBackbone(ExpressionFixture.Net, stage: 4, poolSize: 7);
        Assert.Equal((256, 1, 1), backbone.MapShape);
        foreach (var input in ExpressionFixture.Inputs)
        {
            var map = new float[256];
            backbone.Compute([ExpressionFixture.Image(input)], map);
            var expected = ExpressionFixture.Embedding(input);
            for (int i = 0; i < map.Length; i++) Assert.True(Math.Abs(expected[i] - map[i]) <= 1e-4f, $"{input} channel {i}: {map[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void FaceApiStageThreeMapIsPooledTwoByTwo()
    {
        var face = ExpressionFixture.Image("astronaut_face");
        var full = new FaceApiFeatureBackbone(ExpressionFixture.Net, 3, 1);
        var pooled = new FaceApiFeatureBackbone(ExpressionFixture.Net, 3, 2);
        Assert.Equal((128, 14, 14), full.MapShape);
        Assert.Equal((128, 7, 7), pooled.MapShape);
        var a = new float[128 * 14 * 14];
        var b = new float[128 * 7 * 7];
        full.Compute([face], a);
        pooled.Compute([face], b);
        for (int c = 0; c < 128; c += 17)
            for (int y = 0; y < 7; y++)
                for (int x = 0; x < 7; x++)
                {
                    int at = c * 196 + 2 * y * 14 + 2 * x;
                    float mean = (a[at] + a[at + 1] + a[at + 14] + a[at + 15]) / 4;
                    Assert.Equal(mean, b[c * 49 + y * 7 + x], 1e-5f);
                }
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceApiFeatureBackbone(ExpressionFixture.Net, 3, 3));   // 14 is not a multiple of 3
    }

    [Fact]
    public void OnnxBackboneReadsAnInnerNodeThatIsNoGraphOutput()
    {
        // tiny_cnn.onnx (make_tiny_cnn.py): conv → ReLU → mean → linear; only the pooled vector is a graph output.
        var reference = JsonDocument.Parse(File.ReadAllText(TestData.Path("onnx", "tiny_cnn_reference.json"))).RootElement;
        var expected = reference.GetProperty("relu").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        using var backbone = new OnnxFeatureBackbone(TestData.Path("onnx", "tiny_cnn.onnx"), null, "/Relu_output_0", inputSize: 8, poolSize: 1);
        Assert.Equal((4, 4, 4), backbone.MapShape);
        var map = new float[expected.Length];
        backbone.Compute([TestImage()], map);
        for (int i = 0; i < map.Length; i++) Assert.True(Math.Abs(expected[i] - map[i]) <= 1e-5f, $"slot {i}: {map[i]} vs torch {expected[i]}");
    }

    [Fact]
    public void OnnxBackboneNamesAMissingNodeOrInput()
    {
        string path = TestData.Path("onnx", "tiny_cnn.onnx");
        var e = Assert.Throws<InvalidDataException>(() => new OnnxFeatureBackbone(path, null, "no_such_tensor", 8, 1));
        Assert.Contains("no_such_tensor", e.Message);
        e = Assert.Throws<InvalidDataException>(() => new OnnxFeatureBackbone(path, "pixels", null, 8, 1));
        Assert.Contains("'pixels'", e.Message);
        e = Assert.Throws<InvalidDataException>(() => new OnnxFeatureBackbone(path, null, null, 8, 1));   // the pooled [1, 2] output
        Assert.Contains("[1, 2]", e.Message);
    }

    [Fact]
    public void ResNet18InnerMapAveragedIsTheGraphsPooledOutput()
    {
        // The NuGet ResNet-18 (Microsoft.ML.DnnImageFeaturizer.ResNet18) ends in a 7 × 7 average pool: its last ReLU map,
        // added to the graph outputs, pooled over 7 × 7 must equal the graph's own pooled output.
        string models = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        string model = Path.Combine(models, "ResNet18Onnx", "ResNet18.onnx"), prep = Path.Combine(models, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        var face = ExpressionFixture.Image("astronaut_face");
        using var inner = new OnnxFeatureBackbone(model, null, "ReLU393_Output_0", 224, 7, prep);
        using var pooled = new OnnxFeatureBackbone(model, null, "Pooling395_Output_0", 224, 1, prep);
        Assert.Equal((512, 1, 1), inner.MapShape);
        Assert.Equal((512, 1, 1), pooled.MapShape);
        float[] a = new float[512], b = new float[512];
        inner.Compute([face], a);
        pooled.Compute([face], b);
        for (int i = 0; i < 512; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-4f * (1 + Math.Abs(b[i])), $"channel {i}: {a[i]} vs {b[i]}");
        Assert.True(b.Count(v => v > 0) > 100, "ReLU features of a face should not be mostly zero");
    }

    /// <summary>The 8 × 8 RGB image of make_tiny_cnn.py: pixel (y, x) = (16 y + 8 x, 255 − 20 x, 30 y).</summary>
    private static Image<byte> TestImage()
    {
        var pixels = new byte[8 * 8 * 3];
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 8; x++)
                (pixels[(y * 8 + x) * 3], pixels[(y * 8 + x) * 3 + 1], pixels[(y * 8 + x) * 3 + 2]) = ((byte)(16 * y + 8 * x), (byte)(255 - 20 * x), (byte)(30 * y));
        return new Image<byte>(8, 8, 3, pixels);
    }
}
