using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Neural;
using MlNetEmotion.Vision.Pipeline;
using MlNetEmotion.Vision.Processing;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Vision.Features;

/// <summary>Any ONNX image model as a frozen feature-map network (ONNX Runtime, CPU): each face is resized (bilinear)
/// to <c>S × S</c> and fed as <c>[1, 3, S, S]</c> RGB, either scaled to [0, 1] and normalised with the ImageNet mean and
/// standard deviation, or as raw 0–255 values through a preprocessing model first (as ML.NET's DNN image featurizers
/// ship them, e.g. <c>ResNetPreprocess.onnx</c>: RGB → BGR and mean subtraction); the named node output
/// <c>[1, C, H, W]</c> is read, average-pooled by <c>poolSize</c>.
/// A node output that is not a graph output is added to the graph's outputs (<see cref="OnnxGraphOutputs"/>).</summary>
/// <remarks>One face per run, so models exported with batch size 1 work; ONNX Runtime runs single-threaded for
/// bit-identical maps.</remarks>
public sealed class OnnxFeatureBackbone : IFaceFeatureBackbone, IDisposable
{
    private readonly InferenceSession _session;
    private readonly InferenceSession? _preprocess;
    private readonly string _input, _output;
    private readonly int _size, _pool, _mapC, _mapH, _mapW;

    /// <summary>Loads the model and checks its input and the chosen output.</summary>
    /// <param name="modelPath">ONNX file.</param>
    /// <param name="inputName">Image input; null for the graph's only input.</param>
    /// <param name="outputName">Node output read; null for the graph's first output.</param>
    /// <param name="inputSize">Side S of the square input.</param>
    /// <param name="poolSize">Average pooling window and stride; must divide the map's sides.</param>
    /// <param name="preprocessModelPath">A model with one input and one output, both <c>[1, 3, S, S]</c>, run first on raw
    /// RGB 0–255 pixels; null to feed ImageNet-normalised pixels directly.</param>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">The input or output is missing or not 4-d (names them and the file).</exception>
    public OnnxFeatureBackbone(string modelPath, string? inputName, string? outputName, int inputSize, int poolSize, string? preprocessModelPath = null)
    {
        foreach (var path in new[] { modelPath, preprocessModelPath })
            if (path is not null && !File.Exists(path)) throw new FileNotFoundException($"ONNX model '{path}' not found.", path);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        (_size, _pool) = (inputSize, poolSize);
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        if (preprocessModelPath is not null) _preprocess = new InferenceSession(preprocessModelPath, options);
        var bytes = File.ReadAllBytes(modelPath);
        var session = new InferenceSession(bytes, options);
        _input = inputName ?? (session.InputMetadata.Count == 1 ? session.InputMetadata.Keys.First()
            : throw new InvalidDataException($"'{modelPath}' has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputMetadata.Keys)}); set OnnxInputName."));
        if (!session.InputMetadata.ContainsKey(_input))
            throw new InvalidDataException($"'{modelPath}' has no input '{_input}'; its inputs: {string.Join(", ", session.InputMetadata.Keys)}.");
        _output = outputName ?? session.OutputMetadata.Keys.First();
        if (!session.OutputMetadata.ContainsKey(_output))
        {
            session.Dispose();
            try
            {
                session = new InferenceSession(OnnxGraphOutputs.AddOutput(bytes, _output), options);
            }
            catch (OnnxRuntimeException e)
            {
                throw new InvalidDataException($"'{modelPath}': '{_output}' is not a tensor of the graph ({e.Message}).", e);
            }
        }
        _session = session;
        var probe = Run(new float[3 * _size * _size]);
        if (probe.Dimensions.Length != 4)
            throw new InvalidDataException($"'{modelPath}': output '{_output}' has shape [{string.Join(", ", probe.Dimensions.ToArray())}], not [1, C, H, W].");
        var d = probe.Dimensions;
        if (d[2] % _pool != 0 || d[3] % _pool != 0)
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, $"The pooling window must divide the {d[2]} × {d[3]} map of '{_output}'.");
        (_mapC, _mapH, _mapW) = (d[1], d[2] / _pool, d[3] / _pool);
    }

    /// <inheritdoc />
    public (int Channels, int Height, int Width) MapShape => (_mapC, _mapH, _mapW);

    /// <inheritdoc />
    public void Compute(IReadOnlyList<Image<byte>> faces, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(faces);
        int map = _mapC * _mapH * _mapW;
        var pixels = new float[3 * _size * _size];
        for (int i = 0; i < faces.Count; i++)
        {
            var face = faces[i].Channels == 3 ? faces[i] : faces[i].ToRgb();
            var resized = ImageResize.Resize(face, _size, _size);
            if (_preprocess is null) ChannelFirstPixels.Write(resized, NormalizationKind.ImageNet, pixels);
            else Preprocess(resized, pixels);
            var output = Run(pixels);
            var values = output.ToArray();
            if (_pool > 1)
            {
                using var noGrad = torch.no_grad();
                values = F.avg_pool2d(torch.tensor(values, 1, _mapC, _mapH * _pool, _mapW * _pool), (_pool, _pool), (_pool, _pool)).AsSpan().ToArray();
            }
            values.AsSpan(0, map).CopyTo(destination.Slice(i * map, map));
        }
    }

    /// <summary>Raw channel-first RGB 0–255 through the preprocessing model, in place.</summary>
    private void Preprocess(Image<byte> rgb, float[] pixels)
    {
        int plane = _size * _size;
        for (int i = 0; i < plane; i++)
            for (int c = 0; c < 3; c++)
                pixels[c * plane + i] = rgb.Pixels[i * 3 + c];
        var input = new DenseTensor<float>(pixels, [1, 3, _size, _size]);
        using var results = _preprocess!.Run([NamedOnnxValue.CreateFromTensor(_preprocess.InputMetadata.Keys.First(), input)]);
        var output = results.First().AsTensor<float>();
        if (output.Length != pixels.Length)
            throw new InvalidDataException($"The preprocessing model gives {output.Length} values for {pixels.Length} pixels; it must keep [1, 3, {_size}, {_size}].");
        int k = 0;
        foreach (var v in output) pixels[k++] = v;
    }

    private DenseTensor<float> Run(float[] pixels)
    {
        var input = new DenseTensor<float>(pixels, [1, 3, _size, _size]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, input)], [_output]);
        var tensor = results.First().AsTensor<float>();
        return tensor as DenseTensor<float> ?? new DenseTensor<float>(tensor.ToArray(), tensor.Dimensions);
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        _session.Dispose();
        _preprocess?.Dispose();
    }
}
