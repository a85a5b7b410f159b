using System.Text.Json;
using System.Text.Json.Serialization;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Expression;

/// <summary>Expressions of the faces in one image file.</summary>
/// <param name="File">The image path as given.</param>
/// <param name="Faces">One entry per face, largest first.</param>
public sealed record FileExpressions(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("faces")] IReadOnlyList<FaceExpressionJson> Faces);

/// <summary>A face box with its expression probabilities, as JSON.</summary>
/// <param name="X">Left edge in pixels.</param>
/// <param name="Y">Top edge in pixels.</param>
/// <param name="Width">Box width.</param>
/// <param name="Height">Box height.</param>
/// <param name="Expressions">Probability per label, in <see cref="FaceExpressionNet.Labels"/> order.</param>
/// <param name="Top">The most probable label.</param>
public sealed record FaceExpressionJson(
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("expressions")] IReadOnlyDictionary<string, float> Expressions,
    [property: JsonPropertyName("top")] string Top);

/// <summary>The work behind <c>mlnet-emotion faces expression</c>: detect faces in image files (or take each image
/// as one face) and classify their expressions with <see cref="FaceExpressionNet"/>.</summary>
public static class FaceExpressionReport
{
    /// <summary>Detects faces in each file with <paramref name="cascade"/> and classifies every face crop; with a null
    /// cascade each whole image is the face (padded and resized to 112×112 unless it already is that size).</summary>
    /// <param name="files">Image files (any format <see cref="ImageLoader"/> reads).</param>
    /// <param name="net">The expression network.</param>
    /// <param name="cascade">Face detector, or null for whole images.</param>
    /// <param name="options">Detection settings (ignored for whole images).</param>
    /// <returns>One entry per file, faces largest first (ties: top-left first).</returns>
    public static List<FileExpressions> Analyze(IEnumerable<string> files, FaceExpressionNet net, CascadeClassifier? cascade,
        CascadeDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(net);
        var result = new List<FileExpressions>();
        foreach (var file in files)
        {
            var image = ImageLoader.LoadRgb(file);
            BoundingBox[] boxes = cascade is null
                ? [new BoundingBox(0, 0, image.Width, image.Height)]
                : [.. cascade.DetectMultiScale(image, options).OrderByDescending(b => b.Area).ThenBy(b => b.Y).ThenBy(b => b.X)];
            var predictions = net.Predict(cascade is null ? [image] : [.. boxes.Select(b => FaceCropper.Crop(image, b))]);
            result.Add(new FileExpressions(file, [.. boxes.Zip(predictions, ToJson)]));
        }
        return result;
    }

    /// <summary>JSON array <c>[{"file":..,"faces":[{"x":..,"y":..,"width":..,"height":..,"expressions":{"neutral":..,...},"top":..}]}]</c>.</summary>
    /// <param name="report">What <see cref="Analyze"/> returned.</param>
    /// <param name="indented">Indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(IReadOnlyList<FileExpressions> report, bool indented = false) =>
        JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = indented });

    private static FaceExpressionJson ToJson(BoundingBox box, FaceExpressionResult result)
    {
        var expressions = new Dictionary<string, float>(FaceExpressionNet.Labels.Count);
        for (int i = 0; i < FaceExpressionNet.Labels.Count; i++) expressions[FaceExpressionNet.Labels[i]] = result.Probabilities[i];
        return new FaceExpressionJson(box.X, box.Y, box.Width, box.Height, expressions, result.Top);
    }
}
