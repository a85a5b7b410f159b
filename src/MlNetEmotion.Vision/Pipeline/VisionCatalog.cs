using MlNetEmotion.Vision.Pipeline;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion;

/// <summary>
/// <c>mlContext.Transforms.Vision</c>: video and face pipeline steps. A text column of video or image paths becomes an
/// <see cref="ImageSequence"/> column of frames; face steps turn frames into face crops; image steps
/// resize, normalise to a float tensor and (in training only) augment. Other files add steps to this partial class.
/// </summary>
public sealed partial class VisionCatalog
{
    /// <summary>Creates the catalog on <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The ML.NET transforms catalog it extends (its environment draws the seeds).</param>
    public VisionCatalog(TransformsCatalog catalog) => Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>The ML.NET transforms catalog this catalog extends.</summary>
    public TransformsCatalog Catalog { get; }

    /// <summary>Reads the video (or still image) named in a text column into a sequence of RGB frames with their
    /// timestamps. Lazy: each file is decoded (through ffmpeg) only when a cursor asks for its row.</summary>
    /// <param name="outputColumnName">Image column produced. Default <c>Frames</c>.</param>
    /// <param name="inputColumnName">Text column of file paths. Default <c>VideoPath</c>.</param>
    /// <param name="options">Frame rate or every-n-th frame, start, duration, frame limit; null for every frame.</param>
    public IEstimator<ReadFramesTransformer> ReadFrames(string outputColumnName = "Frames", string inputColumnName = "VideoPath", FrameReadOptions? options = null)
    {
        var t = new ReadFramesTransformer(outputColumnName, inputColumnName, options);
        return new StatelessEstimator<ReadFramesTransformer>(t, t.GetOutputShape);
    }

    /// <summary>Finds the largest face in each frame (Viola–Jones, OpenCV <c>detectMultiScale</c> settings), tracks it
    /// (a miss reuses the last box or drops the frame) and cuts square crops of a fixed size around it.</summary>
    /// <param name="outputColumnName">Image column of crops produced. Default <c>Faces</c>.</param>
    /// <param name="inputColumnName">Image column of frames read. Default <c>Frames</c>.</param>
    /// <param name="options">Crop size (default 227), margin, grey, miss policy, detector settings, cascade; null for defaults.</param>
    /// <param name="boxesColumnName">Optional Int32 [frames, 4] column of the face boxes (x, y, width, height) used; null for none.</param>
    /// <remarks>A clip in which no frame yields a face throws <see cref="Vision.Faces.FaceNotFoundException"/> naming the file.</remarks>
    public IEstimator<FaceCropTransformer> DetectAndCropFaces(string outputColumnName = "Faces", string inputColumnName = "Frames",
        FaceCropOptions? options = null, string? boxesColumnName = null)
    {
        var t = new FaceCropTransformer(outputColumnName, inputColumnName, options, boxesColumnName);
        return new StatelessEstimator<FaceCropTransformer>(t, t.GetOutputShape);
    }

    /// <summary>Resizes every image to <paramref name="width"/> x <paramref name="height"/>.</summary>
    /// <param name="outputColumnName">Image column produced. Default <c>Faces</c>.</param>
    /// <param name="inputColumnName">Image column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="width">Output width in pixels. Default 224.</param>
    /// <param name="height">Output height in pixels. Default 224.</param>
    /// <param name="interpolation">Default <see cref="ResizeInterpolation.Area"/> (OpenCV <c>INTER_AREA</c>; bilinear when enlarging).</param>
    public IEstimator<ImageSequenceTransformer> Resize(string outputColumnName = "Faces", string? inputColumnName = null, int width = 224, int height = 224,
        ResizeInterpolation interpolation = ResizeInterpolation.Area) =>
        Images(outputColumnName, inputColumnName, new ResizeOperation(width, height, interpolation));

    /// <summary>Converts fixed-size images to a float tensor column [frames, C, H, W] (channel first).</summary>
    /// <param name="outputColumnName">Float tensor column produced. Default <c>Pixels</c>.</param>
    /// <param name="inputColumnName">Image column read (after <see cref="Resize"/> or <see cref="DetectAndCropFaces"/>). Default <c>Faces</c>.</param>
    /// <param name="kind">[0, 1], [-1, 1] or ImageNet mean/std. Default <see cref="NormalizationKind.ZeroToOne"/>.</param>
    public IEstimator<ImageNormalizingTransformer> Normalize(string outputColumnName = "Pixels", string inputColumnName = "Faces",
        NormalizationKind kind = NormalizationKind.ZeroToOne)
    {
        var t = new ImageNormalizingTransformer(outputColumnName, inputColumnName, kind);
        return new StatelessEstimator<ImageNormalizingTransformer>(t, t.GetOutputShape);
    }

    /// <summary>Random crop, rotation and horizontal flip for training (paper 004), one draw per row applied to all its
    /// images. Append it with ML.NET's <see cref="TransformerScope.Training"/>, e.g.
    /// <c>pipeline.Append(mlContext.Transforms.Vision.Augment(), TransformerScope.Training)</c>, so that fitting
    /// sees augmented rows while the fitted chain's scoring and testing models (<c>model.GetModelFor(TransformerScope.Scoring)</c>,
    /// <c>TransformerScope.Testing</c>) skip it; ML.NET's <c>TransformerChain.Transform</c> itself applies every member, so score
    /// and evaluate through <c>GetModelFor</c>. It writes back to <paramref name="columnName"/> so the schema is the same either way.</summary>
    /// <param name="columnName">Image column augmented in place. Default <c>Faces</c>.</param>
    /// <param name="options">Crop fraction (0.9), rotation range (±10°), flip probability (0.5); null for defaults.</param>
    /// <param name="seed">Base seed; null draws one from the context's environment (<see cref="CatalogEnvironment.NextSeed"/>, deterministic for <c>new MLContext(seed)</c>). Each row's draw depends only on it and the row position.</param>
    public IEstimator<ImageSequenceTransformer> Augment(string columnName = "Faces", AugmentationOptions? options = null, int? seed = null) =>
        Images(columnName, columnName, new AugmentOperation(options ?? new AugmentationOptions(), seed ?? CatalogEnvironment.Of(Catalog).NextSeed()));

    private static StatelessEstimator<ImageSequenceTransformer> Images(string outputColumnName, string? inputColumnName, ImageSequenceOperation operation)
    {
        var t = new ImageSequenceTransformer(outputColumnName, inputColumnName ?? outputColumnName, operation);
        return new StatelessEstimator<ImageSequenceTransformer>(t, t.GetOutputShape);
    }
}

/// <summary>Adds <c>mlContext.Transforms.Vision</c> to ML.NET's <see cref="TransformsCatalog"/>.</summary>
public static class VisionCatalogExtensions
{
    extension(TransformsCatalog catalog)
    {
        /// <summary>Vision steps: reading frames, face detection and cropping, resizing, normalisation, augmentation.</summary>
        public VisionCatalog Vision => new(catalog);
    }
}
