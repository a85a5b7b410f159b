using System.IO.Compression;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Core.Imaging;

namespace MlNetEmotion.Vision.Detection;

/// <summary>Viola–Jones boosted-cascade object detector that loads OpenCV cascade XML (Haar, including tilted
/// features, and LBP) and reproduces OpenCV 4.6 <c>CascadeClassifier::detectMultiScale</c>: the image is shrunk
/// once per scale level (bit-exact bilinear), the fixed-size window slides with a step of 2 pixels below scale 2 and
/// 1 pixel above (skipping one more step after a first-stage rejection), windows are variance-normalised, and the
/// raw hits are merged by <see cref="RectangleGrouping"/> with eps 0.2.</summary>
/// <remarks>Thread-safe: detection keeps no state in the instance. Results are identical for any thread count.</remarks>
public sealed class CascadeClassifier
{
    private const string DefaultResource = "MlNetEmotion.Vision.Detection.Cascades.haarcascade_frontalface_default.xml.gz";
    private readonly CascadeModel _model;

    private CascadeClassifier(CascadeModel model, string source)
    {
        _model = model;
        Source = source;
    }

    /// <summary>The parsed cascade.</summary>
    internal CascadeModel Model => _model;

    /// <summary>Where the cascade was loaded from.</summary>
    public string Source { get; }

    /// <summary>Width of the training window in pixels (24 for the frontal-face cascade).</summary>
    public int WindowWidth => _model.WindowWidth;

    /// <summary>Height of the training window in pixels.</summary>
    public int WindowHeight => _model.WindowHeight;

    /// <summary>Haar or LBP.</summary>
    public CascadeFeatureType FeatureType => _model.FeatureType;

    /// <summary>Number of boosted stages.</summary>
    public int StageCount => _model.Stages.Length;

    /// <summary>Loads an OpenCV cascade XML file (e.g. <c>/usr/share/opencv4/haarcascades/haarcascade_eye.xml</c>).</summary>
    /// <param name="path">The cascade file, XML or gzip-compressed XML (<c>.gz</c>).</param>
    /// <param name="limits">Resource limits (file size, decompressed size, nesting depth), or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="CascadeFormatException">The file is not an OpenCV cascade or exceeds a limit; the message names the element.</exception>
    public static CascadeClassifier Load(string path, ReadLimits? limits = null)
    {
        var stream = InputFile.OpenRead(path, limits, detail => new CascadeFormatException(path, "opencv_storage", detail));
        Stream xml = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        try
        {
            using (xml) return new CascadeClassifier(CascadeXml.Read(xml, path, limits), path);
        }
        catch (InvalidDataException e)
        {
            throw new CascadeFormatException(path, "opencv_storage", $"not valid gzip data ({e.Message})");
        }
    }

    /// <summary>OpenCV's <c>haarcascade_frontalface_default.xml</c> (Rainer Lienhart, Intel License Agreement — see
    /// <c>Detection/Cascades/NOTICE.md</c>), embedded in this assembly.</summary>
    public static CascadeClassifier FrontalFaceDefault()
    {
        using var stream = typeof(CascadeClassifier).Assembly.GetManifestResourceStream(DefaultResource)
                           ?? throw new InvalidOperationException($"Embedded resource {DefaultResource} is missing.");
        using var xml = new GZipStream(stream, CompressionMode.Decompress);
        return new CascadeClassifier(CascadeXml.Read(xml, "haarcascade_frontalface_default.xml"), "embedded:haarcascade_frontalface_default.xml");
    }

    /// <summary>Detects objects in an 8-bit image (RGB is converted to grey with OpenCV's weights first).</summary>
    /// <param name="image">Grey or RGB image.</param>
    /// <param name="options">Scale factor, neighbours, size limits; defaults as OpenCV.</param>
    /// <returns>Grouped boxes in image coordinates.</returns>
    public IReadOnlyList<BoundingBox> DetectMultiScale(Image<byte> image, CascadeDetectionOptions? options = null)
    {
        options ??= new CascadeDetectionOptions();
        options.Validate();
        var grey = image.Channels == 1 ? image : image.ToGrey();
        return ClipToImage(RectangleGrouping.Group(DetectRaw(grey, options), options.MinNeighbors), grey.Width, grey.Height);
    }

    /// <summary>Window hits before grouping, in scale order then row-major order, clipped to the image as OpenCV clips
    /// what <c>detectMultiScale</c> returns with <c>minNeighbors</c> 0.</summary>
    public IReadOnlyList<BoundingBox> DetectMultiScaleUngrouped(Image<byte> image, CascadeDetectionOptions? options = null)
    {
        options ??= new CascadeDetectionOptions();
        options.Validate();
        var grey = image.Channels == 1 ? image : image.ToGrey();
        return ClipToImage(DetectRaw(grey, options), grey.Width, grey.Height);
    }

    /// <summary>OpenCV's <c>clipObjects</c>, applied after grouping: boxes are cut to the image and empty ones dropped.</summary>
    private static List<BoundingBox> ClipToImage(List<BoundingBox> boxes, int width, int height)
    {
        var clipped = new List<BoundingBox>(boxes.Count);
        foreach (var b in boxes)
        {
            int x0 = Math.Max(b.X, 0), y0 = Math.Max(b.Y, 0);
            int x1 = Math.Min(b.X + b.Width, width), y1 = Math.Min(b.Y + b.Height, height);
            if (x1 > x0 && y1 > y0) clipped.Add(new BoundingBox(x0, y0, x1 - x0, y1 - y0));
        }
        return clipped;
    }

    /// <summary>The scale levels OpenCV 4.6 visits for an image of this size: float factors whose window
    /// (rounded) fits the image and lies within [minSize, maxSize].</summary>
    internal List<float> Scales(int width, int height, CascadeDetectionOptions options)
    {
        int maxW = options.MaxSize > 0 ? options.MaxSize : width, maxH = options.MaxSize > 0 ? options.MaxSize : height;
        var all = new List<float>();
        for (double factor = 1; ; factor *= options.ScaleFactor)
        {
            int ww = (int)Math.Round(WindowWidth * factor, MidpointRounding.ToEven);
            int wh = (int)Math.Round(WindowHeight * factor, MidpointRounding.ToEven);
            if (ww > width || wh > height) break;
            all.Add((float)factor);
        }
        var scales = new List<float>();
        foreach (float s in all)
        {
            int ww = (int)MathF.Round(WindowWidth * s, MidpointRounding.ToEven);
            int wh = (int)MathF.Round(WindowHeight * s, MidpointRounding.ToEven);
            if (ww > maxW || wh > maxH) break;
            if (ww < options.MinSize || wh < options.MinSize) continue;
            scales.Add(s);
        }
        return scales;
    }

    private List<BoundingBox> DetectRaw(Image<byte> grey, CascadeDetectionOptions options)
    {
        if (grey.Width < WindowWidth || grey.Height < WindowHeight) return [];
        var scales = Scales(grey.Width, grey.Height, options);
        if (scales.Count == 0) return [];
        // One layout (and one resolved cascade) per window step, wide enough for the largest level.
        int columns = (int)MathF.Round(grey.Width / scales[0], MidpointRounding.ToEven) + 1;
        bool tilted = _model.FeatureType == CascadeFeatureType.Haar && _model.HasTiltedFeatures;
        var resolved = new Dictionary<int, (IntegralLayout Layout, WindowCascade Cascade)>();
        foreach (int step in scales.Select(ScaleLevel.Step).Distinct())
        {
            var layout = new IntegralLayout(columns, step, tilted);
            resolved[step] = (layout, _model.FeatureType == CascadeFeatureType.Haar ? new HaarWindow(_model, layout) : new LbpWindow(_model, layout));
        }
        var perScale = new List<BoundingBox>[scales.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.For(0, scales.Count, parallel, i =>
        {
            var (layout, cascade) = resolved[ScaleLevel.Step(scales[i])];
            perScale[i] = ScaleLevel.Detect(_model, cascade, layout, grey, scales[i]);
        });
        var all = new List<BoundingBox>();
        foreach (var list in perScale) all.AddRange(list);
        return all;
    }
}
