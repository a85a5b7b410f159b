using System.Text.Json;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Vision.Expression;

namespace MlNetEmotion.Vision.Tests.Expression;

/// <summary>The committed parity inputs and face-api's outputs on them (tests/data/vision/expression/expected.json).</summary>
internal static class ExpressionFixture
{
    public static readonly string[] Inputs = ["astronaut_face", "random_0", "random_1", "dlib_face"];

    private static readonly Lazy<FaceExpressionNet> SharedNet = new(FaceExpressionNet.LoadPretrained);

    private static readonly Lazy<JsonElement> Expected = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestData.Path("expression", "expected.json"))).RootElement.GetProperty("inputs").Clone());

    /// <summary>One network for all tests (loading takes a few milliseconds, but predictions need no fresh one).</summary>
    public static FaceExpressionNet Net => SharedNet.Value;

    public static Image<byte> Image(string name)
    {
        var npy = Npy.Read(TestData.Path("expression", name + ".npy"));
        return new Image<byte>(npy.Shape[1], npy.Shape[0], npy.Shape[2], npy.As<byte>());
    }

    public static float[] Probabilities(string name) => Floats(name, "probabilities");

    public static float[] Embedding(string name) => Floats(name, "embedding");

    private static float[] Floats(string name, string property) =>
        Expected.Value.GetProperty(name).GetProperty(property).EnumerateArray().Select(v => v.GetSingle()).ToArray();
}
