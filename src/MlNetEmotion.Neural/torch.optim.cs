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

        /// <summary>New <see cref="Optim.RMSprop"/>.</summary>
        public static RMSprop RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false)
            => new(parameters, lr, alpha, eps, weight_decay, momentum, centered);

        /// <summary>Learning-rate schedules (<c>torch.optim.lr_scheduler</c>).</summary>
        public static class lr_scheduler
        {
            /// <summary>New <see cref="Optim.StepLR"/>.</summary>
            public static StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1) => new(optimizer, step_size, gamma);

            /// <summary>New <see cref="Optim.MultiStepLR"/>.</summary>
            public static MultiStepLR MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1) => new(optimizer, milestones, gamma);

            /// <summary>New <see cref="Optim.CosineAnnealingLR"/>.</summary>
            public static CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0) => new(optimizer, T_max, eta_min);
        }
    }
}
