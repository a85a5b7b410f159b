using System.Runtime.CompilerServices;
using System.Text.Json;
using MlNetEmotion.Cli.Commands;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Expression;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Cli.Tests.Faces;

public class FacesExpressionCommandTests
{
    private static readonly string[] Labels = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"];

    /// <summary>tests/data/vision/expression, found from this source file.</summary>
    private static string Data(string file) =>
        Path.Combine(Path.GetDirectoryName(SourcePath())!, "..", "..", "data", "vision", "expression", file);

    private static string SourcePath([CallerFilePath] string path = "") => path;

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = FacesCommands.Create().Parse(["expression", .. args]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static float[] Probabilities(JsonElement face) =>
        [.. Labels.Select(l => face.GetProperty("expressions").GetProperty(l).GetSingle())];

    [Fact]
    public void JsonGivesTheAstronautsDetectedFaceItsProbabilities()
    {
        string image = Data("astronaut_head.png");
        var (code, output, error) = Invoke(image, "--json");
        Assert.True(code == 0, error);

        using var doc = JsonDocument.Parse(output);
        var entry = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(image, entry.GetProperty("file").GetString());
        var face = Assert.Single(entry.GetProperty("faces").EnumerateArray());
        // OpenCV 4.6's box for this image (make_expression_inputs.py printed it); our detector matches OpenCV exactly.
        Assert.Equal([82, 67, 93, 93], new[] { "x", "y", "width", "height" }.Select(p => face.GetProperty(p).GetInt32()));
        Assert.Equal("happy", face.GetProperty("top").GetString());

        var photo = ImageLoader.LoadRgb(image);
        var expected = FaceExpressionNet.LoadPretrained().Predict(FaceCropper.Crop(photo, new BoundingBox(82, 67, 93, 93)));
        Assert.Equal(expected.Probabilities, Probabilities(face));
        Assert.True(expected["happy"] > 0.99f);
    }

    [Fact]
    public void WholeImageMatchesFaceApiOnA112PixelFace()
    {
        // random_0.npy as a PNG: the command must reproduce face-api's probabilities from expected.json (1e-4).
        var npy = Npy.Read(Data("random_0.npy"));
        string png = Path.Combine(Path.GetTempPath(), $"mlne-expression-{Guid.NewGuid():N}.png");
        PngEncoder.Write(png, new Image<byte>(112, 112, 3, npy.As<byte>()));
        try
        {
            var (code, output, error) = Invoke(png, "--whole-image", "--json");
            Assert.True(code == 0, error);
            using var doc = JsonDocument.Parse(output);
            var face = Assert.Single(Assert.Single(doc.RootElement.EnumerateArray()).GetProperty("faces").EnumerateArray());
            Assert.Equal([0, 0, 112, 112], new[] { "x", "y", "width", "height" }.Select(p => face.GetProperty(p).GetInt32()));
            using var fixture = JsonDocument.Parse(File.ReadAllText(Data("expected.json")));
            var reference = fixture.RootElement.GetProperty("inputs").GetProperty("random_0").GetProperty("probabilities")
                .EnumerateArray().Select(v => v.GetSingle()).ToArray();
            var ours = Probabilities(face);
            for (int i = 0; i < Labels.Length; i++) Assert.True(Math.Abs(reference[i] - ours[i]) <= 1e-4f, $"{Labels[i]}: {ours[i]} vs face-api {reference[i]}");
            Assert.Equal(Labels[Array.IndexOf(reference, reference.Max())], face.GetProperty("top").GetString());
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public void TableListsEachFaceWithItsTopLabel()
    {
        var (code, output, error) = Invoke(Data("astronaut_head.png"));
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(Labels, l => Assert.Contains(l, lines[0]));
        Assert.Contains("82,67,93,93", lines[1]);
        Assert.EndsWith("happy", lines[1].TrimEnd());
    }

    [Fact]
    public void MissingFileIsAnErrorNamingIt()
    {
        var (code, _, error) = Invoke("/nonexistent/face.png", "--json");
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/face.png", error);
    }
}
