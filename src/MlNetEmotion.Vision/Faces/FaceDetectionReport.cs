using System.Text.Json;
using System.Text.Json.Serialization;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Faces;

/// <summary>Faces found in one image file.</summary>
/// <param name="File">The image path as given.</param>
/// <param name="Faces">Detected boxes.</param>
public sealed record FileFaces(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("faces")] IReadOnlyList<FaceBoxJson> Faces);

/// <summary>A box as JSON (<c>x, y, width, height</c>).</summary>
public sealed record FaceBoxJson(
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height)
{
    /// <summary>From a <see cref="BoundingBox"/>.</summary>
    public static FaceBoxJson From(BoundingBox b) => new(b.X, b.Y, b.Width, b.Height);
}

/// <summary>The work behind <c>mlnet-emotion faces detect</c>: detect faces in image files and report them as JSON.</summary>
public static class FaceDetectionReport
{
    /// <summary>Detects faces in each file (any format <see cref="ImageLoader"/> reads).</summary>
    public static List<FileFaces> Detect(IEnumerable<string> files, CascadeClassifier cascade, CascadeDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(cascade);
        var result = new List<FileFaces>();
        foreach (var file in files)
        {
            var boxes = cascade.DetectMultiScale(ImageLoader.LoadRgb(file), options);
            result.Add(new FileFaces(file, [.. boxes.OrderBy(b => b.X).ThenBy(b => b.Y).Select(FaceBoxJson.From)]));
        }
        return result;
    }

    /// <summary>JSON array <c>[{"file":..,"faces":[{"x":..,"y":..,"width":..,"height":..}]}]</c>.</summary>
    public static string ToJson(IReadOnlyList<FileFaces> report, bool indented = false) =>
        JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = indented });
}
