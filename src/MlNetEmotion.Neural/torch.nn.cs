using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Neural;

public static partial class torch
{
    /// <summary>Layer factories named like TorchSharp's <c>torch.nn</c> (each returns the module type in <see cref="Modules"/>).</summary>
    public static partial class nn
    {
        /// <summary>A learnable leaf sharing <paramref name="data"/>'s storage (<c>torch.nn.Parameter</c>); register it with <c>register_parameter</c>.</summary>
        public static Tensor Parameter(Tensor data, bool requires_grad = true) => data.detach().requires_grad_(requires_grad);

        /// <summary>New <see cref="Modules.Linear"/>.</summary>
        public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Generator? generator = null) =>
            new(inputSize, outputSize, hasBias, generator);

        /// <summary>New <see cref="Modules.Dropout"/>.</summary>
        public static Dropout Dropout(double p = 0.5, Generator? generator = null) => new(p, generator);

        /// <summary>New <see cref="Modules.ReLU"/>.</summary>
        public static ReLU ReLU() => new();

        /// <summary>New <see cref="Modules.Tanh"/>.</summary>
        public static Tanh Tanh() => new();

        /// <summary>New <see cref="Modules.Sigmoid"/>.</summary>
        public static Sigmoid Sigmoid() => new();

        /// <summary>New <see cref="Modules.Softmax"/> over <paramref name="dim"/>.</summary>
        public static Softmax Softmax(long dim) => new(dim);

        /// <summary>New <see cref="Modules.LogSoftmax"/> over <paramref name="dim"/>.</summary>
        public static LogSoftmax LogSoftmax(long dim) => new(dim);

        /// <summary>New <see cref="Modules.ELU"/>.</summary>
        public static ELU ELU(float alpha = 1f) => new(alpha);

        /// <summary>New exact <see cref="Modules.GELU"/>.</summary>
        public static GELU GELU(string approximate = "none") => new(approximate);

        /// <summary>New <see cref="Modules.SELU"/>.</summary>
        public static SELU SELU() => new();

        /// <summary>New <see cref="Modules.LeakyReLU"/>.</summary>
        public static LeakyReLU LeakyReLU(float negativeSlope = 0.01f) => new(negativeSlope);

        /// <summary>New <see cref="Modules.SiLU"/>.</summary>
        public static SiLU SiLU() => new();

        /// <summary>New <see cref="Modules.BatchNorm1d"/>.</summary>
        public static BatchNorm1d BatchNorm1d(long features, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool track_running_stats = true)
            => new(features, eps, momentum, affine, track_running_stats);

        /// <summary>New <see cref="Modules.BatchNorm2d"/>.</summary>
        public static BatchNorm2d BatchNorm2d(long features, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool track_running_stats = true)
            => new(features, eps, momentum, affine, track_running_stats);

        /// <summary>New <see cref="Modules.LayerNorm"/> over the trailing dims.</summary>
        public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true) => new(normalized_shape, eps, elementwise_affine);

        /// <summary>New <see cref="Modules.LayerNorm"/> over the last dim.</summary>
        public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true) => new(normalized_shape, eps, elementwise_affine);

        /// <summary>New <see cref="ModuleList{T}"/>.</summary>
        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);

        /// <summary>New <see cref="Modules.Conv2d"/> with a square kernel.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true)
            => new(in_channels, out_channels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation), groups, bias);

        /// <summary>New <see cref="Modules.Conv2d"/> with "valid" / "same" padding.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernelSize, Padding padding, long stride = 1, long dilation = 1, long groups = 1, bool bias = true)
            => new(in_channels, out_channels, (kernelSize, kernelSize), padding, (stride, stride), (dilation, dilation), groups, bias);

        /// <summary>New <see cref="Modules.Conv2d"/> with rectangular settings.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernelSize, (long, long)? stride = null, (long, long)? padding = null,
            (long, long)? dilation = null, long groups = 1, bool bias = true)
            => new(in_channels, out_channels, kernelSize, stride, padding, dilation, groups, bias);

        /// <summary>New <see cref="Modules.Conv1d"/>.</summary>
        public static Conv1d Conv1d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true)
            => new(in_channels, out_channels, kernelSize, stride, padding, dilation, groups, bias);

        /// <summary>New <see cref="Modules.Conv1d"/> with "valid" / "same" padding.</summary>
        public static Conv1d Conv1d(long in_channels, long out_channels, long kernelSize, Padding padding, long stride = 1, long dilation = 1, long groups = 1, bool bias = true)
            => new(in_channels, out_channels, kernelSize, padding, stride, dilation, groups, bias);

        /// <summary>New <see cref="Modules.MaxPool2d"/> with a square window.</summary>
        public static MaxPool2d MaxPool2d(long kernelSize, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false)
            => new((kernelSize, kernelSize), stride is long s ? (s, s) : null, (padding, padding), (dilation, dilation), ceil_mode);

        /// <summary>New <see cref="Modules.AvgPool2d"/> with a square window.</summary>
        public static AvgPool2d AvgPool2d(long kernelSize, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true)
            => new((kernelSize, kernelSize), stride is long s ? (s, s) : null, (padding, padding), ceil_mode, count_include_pad);

        /// <summary>New <see cref="Modules.AdaptiveAvgPool2d"/>.</summary>
        public static AdaptiveAvgPool2d AdaptiveAvgPool2d((long, long) outputSize) => new(outputSize);

        /// <summary>New <see cref="Modules.MaxPool1d"/>.</summary>
        public static MaxPool1d MaxPool1d(long kernelSize, long? stride = null, long padding = 0) => new(kernelSize, stride, padding);

        /// <summary>New <see cref="Modules.AvgPool1d"/>.</summary>
        public static AvgPool1d AvgPool1d(long kernelSize, long? stride = null, long padding = 0) => new(kernelSize, stride, padding);

        /// <summary>New <see cref="Modules.Identity"/>.</summary>
        public static Identity Identity() => new();

        /// <summary>New <see cref="Modules.Flatten"/>.</summary>
        public static Flatten Flatten(long startDim = 1, long endDim = -1) => new(startDim, endDim);

        /// <summary>New empty <see cref="Modules.Sequential"/>.</summary>
        public static Sequential Sequential() => new();

        /// <summary>New <see cref="Modules.Sequential"/> from unnamed modules.</summary>
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        /// <summary>New <see cref="Modules.Sequential"/> from named modules.</summary>
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);
    }
}
