using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Neural;

public static partial class torch
{
    /// <summary>Layer factories named like TorchSharp's <c>torch.nn</c> (each returns the module type in <see cref="Modules"/>).</summary>
    public static partial class nn
    {
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
        public static GELU GELU() => new();

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

        /// <summary>New <see cref="Modules.Identity"/>.</summary>
        public static Identity Identity() => new();

        /// <summary>New <see cref="Modules.Flatten"/>.</summary>
        public static Flatten Flatten(long startDim = 1, long endDim = -1) => new(startDim, endDim);

        /// <summary>New <see cref="Modules.Sequential"/> from unnamed modules.</summary>
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        /// <summary>New <see cref="Modules.Sequential"/> from named modules.</summary>
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);
    }
}
