using System.Globalization;
using MlNetEmotion.Vision.Features;

namespace MlNetEmotion.Samples.AffWild;

/// <summary>The run's size and protocol; the defaults run the stand-in in minutes on two cores.</summary>
/// <param name="Videos">Stand-in videos, one subject each (split 4:1 by subject).</param>
/// <param name="Seconds">Seconds per stand-in video.</param>
/// <param name="DataSeed">Seed of the stand-in corpus.</param>
/// <param name="Seed">Seed of the split and the models.</param>
/// <param name="Epochs">Most training epochs (early stopping on validation subjects' CCC picks the epoch).</param>
/// <param name="Models">Models to run, comma-separated: convlstm, convlstm-paper (the paper's 32 / 16 / 8 filters, 7 × 7 kernels, 4 × 4 pooling), cnnlstm, cnngru, linear.</param>
/// <param name="Root">A real Aff-Wild folder read through the built-in <c>aff-wild</c> manifest instead of the stand-in; null for the stand-in.</param>
/// <param name="Backbone">The frozen CNN: <c>faceapi</c> (the embedded face-api expression network, stage 3, 2 × 2 pooling:
/// 128 × 7 × 7), <c>resnet18</c> (the NuGet ImageNet ResNet-18's last 512 × 7 × 7 map) or <c>onnx</c> (<paramref name="Onnx"/>).</param>
/// <param name="Onnx">With <c>--backbone onnx</c>: the model path.</param>
/// <param name="OnnxOutput">The ONNX node output read as the feature map.</param>
internal sealed record SampleSettings(int Videos = 30, double Seconds = 20, int DataSeed = 42, int Seed = 1, int Epochs = 30,
    string Models = "convlstm,cnnlstm,cnngru,linear", string? Root = null, string Backbone = "faceapi", string? Onnx = null, string? OnnxOutput = null)
{
    /// <summary>Frames per second the video is read at (the paper's 5).</summary>
    public const double FrameRate = 5;

    /// <summary>The feature-map options of <see cref="Backbone"/>.</summary>
    public FaceFeatureMapOptions FeatureMaps()
    {
        string models = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        return Backbone switch
        {
            "faceapi" => new FaceFeatureMapOptions(),
            "resnet18" => new FaceFeatureMapOptions
            {
                Backbone = FaceFeatureBackbone.Onnx, OnnxModelPath = Path.Combine(models, "ResNet18Onnx", "ResNet18.onnx"),
                OnnxPreprocessModelPath = Path.Combine(models, "ResNetPrepOnnx", "ResNetPreprocess.onnx"), OnnxOutputName = "ReLU393_Output_0", PoolSize = 1,
            },
            "onnx" => new FaceFeatureMapOptions { Backbone = FaceFeatureBackbone.Onnx, OnnxModelPath = Onnx, OnnxOutputName = OnnxOutput, PoolSize = 1 },
            _ => throw new ArgumentException($"Unknown backbone '{Backbone}'; use faceapi, resnet18 or onnx."),
        };
    }

    /// <summary>Reads <c>--name value</c> pairs over the defaults.</summary>
    public static SampleSettings Parse(string[] args)
    {
        var s = new SampleSettings();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string v = args[i + 1];
            s = args[i] switch
            {
                "--videos" => s with { Videos = int.Parse(v, CultureInfo.InvariantCulture) },
                "--seconds" => s with { Seconds = double.Parse(v, CultureInfo.InvariantCulture) },
                "--data-seed" => s with { DataSeed = int.Parse(v, CultureInfo.InvariantCulture) },
                "--seed" => s with { Seed = int.Parse(v, CultureInfo.InvariantCulture) },
                "--epochs" => s with { Epochs = int.Parse(v, CultureInfo.InvariantCulture) },
                "--models" => s with { Models = v },
                "--aff-wild" => s with { Root = v },
                "--backbone" => s with { Backbone = v },
                "--onnx" => s with { Onnx = v },
                "--onnx-output" => s with { OnnxOutput = v },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --videos --seconds --data-seed --seed --epochs --models --aff-wild --backbone --onnx --onnx-output."),
            };
        }
        return s;
    }
}
