using System.Buffers.Binary;
using MlNetEmotion.Vision.Expression;

namespace MlNetEmotion.Vision.Tests.Expression;

public class TfjsWeightsTests
{
    /// <summary>A manifest with one weight of every supported encoding, split across two shard files mid-weight.</summary>
    private const string Manifest = """
        [{"paths": ["shard1", "shard2"], "weights": [
          {"name": "a/u8", "shape": [2, 2], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}},
          {"name": "a/u16", "shape": [2], "dtype": "float32", "quantization": {"dtype": "uint16", "scale": 0.25, "min": 10.0}},
          {"name": "b/f16", "shape": [3], "dtype": "float32", "quantization": {"dtype": "float16"}},
          {"name": "b/f32", "shape": [2], "dtype": "float32"},
          {"name": "b/i32", "shape": [1], "dtype": "int32"}
        ]}]
        """;

    private static byte[] Payload()
    {
        var bytes = new List<byte> { 0, 2, 255, 7 };                                  // u8
        AddUInt16(bytes, 0); AddUInt16(bytes, 65535);                                 // u16
        foreach (var h in new[] { (Half)1.5, (Half)(-2), Half.MaxValue }) AddUInt16(bytes, BitConverter.HalfToUInt16Bits(h));
        foreach (var f in new[] { 3.25f, -0.125f }) AddUInt32(bytes, BitConverter.SingleToUInt32Bits(f));
        AddUInt32(bytes, unchecked((uint)-42));
        return [.. bytes];

        static void AddUInt16(List<byte> b, ushort v) { var s = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(s, v); b.AddRange(s); }
        static void AddUInt32(List<byte> b, uint v) { var s = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(s, v); b.AddRange(s); }
    }

    private static string WriteModel(string manifest, byte[] payload, int split)
    {
        string dir = TestData.TempDir();
        File.WriteAllText(Path.Combine(dir, "model-weights_manifest.json"), manifest);
        File.WriteAllBytes(Path.Combine(dir, "shard1"), payload[..split]);
        File.WriteAllBytes(Path.Combine(dir, "shard2"), payload[split..]);
        return Path.Combine(dir, "model-weights_manifest.json");
    }

    [Fact]
    public void DequantisesEveryEncodingAcrossShards()
    {
        string path = WriteModel(Manifest, Payload(), split: 5);
        var weights = TfjsWeights.Load(path);

        Assert.Equal(["a/u8", "a/u16", "b/f16", "b/f32", "b/i32"], weights.Keys);
        Assert.Equal([2L, 2], weights["a/u8"].shape);
        Assert.Equal([-1f, 0f, 126.5f, 2.5f], weights["a/u8"].ToArray());              // q · 0.5 − 1
        Assert.Equal([10f, 16393.75f], weights["a/u16"].ToArray());                    // q · 0.25 + 10
        Assert.Equal([1.5f, -2f, 65504f], weights["b/f16"].ToArray());
        Assert.Equal([3.25f, -0.125f], weights["b/f32"].ToArray());
        Assert.Equal([-42f], weights["b/i32"].ToArray());
    }

    [Fact]
    public void ShortShardIsInvalidDataNamingTheWeight()
    {
        string path = WriteModel(Manifest, Payload()[..^3], split: 5);
        var e = Assert.Throws<InvalidDataException>(() => TfjsWeights.Load(path));
        Assert.Contains("b/i32", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void MissingShardAndUnsupportedQuantisationAreNamed()
    {
        string path = WriteModel(Manifest, Payload(), split: 5);
        File.Delete(Path.Combine(Path.GetDirectoryName(path)!, "shard2"));
        Assert.Contains("shard2", Assert.Throws<FileNotFoundException>(() => TfjsWeights.Load(path)).Message);

        string int4 = WriteModel(Manifest.Replace("\"dtype\": \"uint16\"", "\"dtype\": \"int4\""), Payload(), split: 5);
        var e = Assert.Throws<InvalidDataException>(() => TfjsWeights.Load(int4));
        Assert.Contains("a/u16", e.Message);
        Assert.Contains("int4", e.Message);
    }

    [Fact]
    public void NetworkRejectsWeightsOfAnotherModelListingTheMismatch()
    {
        string path = WriteModel(Manifest, Payload(), split: 5);
        var e = Assert.Throws<InvalidDataException>(() => FaceExpressionNet.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("dense0.conv0.filters", e.Message);
    }

    [Fact]
    public void EmbeddedWeightsAreTheManifestsFortyNineTensors()
    {
        // dense0: conv0 (filters, bias) + 3 separable convs × 3 = 11; dense1-3: 4 × 3 = 12 each; fc: 2.
        var state = FaceExpressionNet.LoadPretrained().state_dict();
        Assert.Equal(49, state.Count);
        Assert.Equal([32L, 3, 3, 3], state["dense0.conv0.filters"].shape);
        Assert.Equal([256L, 1, 3, 3], state["dense3.conv3.depthwise_filter"].shape);
        Assert.Equal([7L, 256], state["fc.weight"].shape);
    }
}
