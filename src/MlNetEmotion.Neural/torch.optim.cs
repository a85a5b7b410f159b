using MlNetEmotion.Neural.Optim;

namespace MlNetEmotion.Neural;

public static partial class torch
{
    /// <summary>Optimizer factories named like TorchSharp's <c>torch.optim</c>.</summary>
    public static partial class optim
    {
        /// <summary>New <see cref="Optim.SGD"/>.</summary>
        public static SGD SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false)
            => new(parameters, lr, momentum, dampening, weight_decay, nesterov);

        /// <summary>New <see cref="Optim.Adam"/>.</summary>
        public static Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false)
            => new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad);

        /// <summary>New <see cref="Optim.AdamW"/>.</summary>
        public static AdamW AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false)
            => new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad);
    }
}
