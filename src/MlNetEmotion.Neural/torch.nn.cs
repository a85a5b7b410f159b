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
