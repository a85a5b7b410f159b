using MlNetEmotion.Neural.Functional;

namespace MlNetEmotion.Neural;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless ops (<c>torch.nn.functional</c>, usually imported as F).</summary>
        public static partial class functional
        {
            /// <summary>y = x Wᵀ + b over the last dim of <paramref name="input"/>.</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) => LinearOp.Forward(input, weight, bias);

            /// <summary>Inverted dropout with probability <paramref name="p"/> when <paramref name="training"/>.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null) =>
                DropoutOp.Forward(input, p, training, generator);

            /// <summary>max(x, 0).</summary>
            public static Tensor relu(Tensor input) => input.relu();

            /// <summary>tanh(x).</summary>
            public static Tensor tanh(Tensor input) => input.tanh();

            /// <summary>Logistic sigmoid.</summary>
            public static Tensor sigmoid(Tensor input) => input.sigmoid();

            /// <summary>Softmax over <paramref name="dim"/>.</summary>
            public static Tensor softmax(Tensor input, long dim) => input.softmax(dim);

            /// <summary>Log-softmax over <paramref name="dim"/>.</summary>
            public static Tensor log_softmax(Tensor input, long dim) => input.log_softmax(dim);

            /// <summary>Negative log-likelihood of log-probabilities [N, C] (or [N, C, d...]) at class targets.</summary>
            /// <param name="input">Log-probabilities.</param>
            /// <param name="target">Int64 class indices [N] (or [N, d...]); float tensors holding integers are converted.</param>
            /// <param name="weight">Optional per-class weights [C].</param>
            /// <param name="ignore_index">Target value that contributes nothing.</param>
            /// <param name="reduction">Mean is weighted by the targets' class weights, as in PyTorch.</param>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean)
            {
                var (flat, t, rest) = Losses.Flatten(input, target, "nll_loss");
                return Losses.Nll(flat, t, weight, ignore_index, reduction, rest);
            }

            /// <summary>Cross-entropy of logits [N, C] (or [N, C, d...]) against class indices; log-softmax + NLL.</summary>
            /// <param name="input">Unnormalised logits.</param>
            /// <param name="target">Int64 class indices [N] (or [N, d...]).</param>
            /// <param name="weight">Optional per-class weights [C].</param>
            /// <param name="ignore_index">Target value that contributes nothing.</param>
            /// <param name="reduction">Reduction over samples.</param>
            /// <param name="label_smoothing">ε in [0, 1]: targets become (1-ε)·onehot + ε/C.</param>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0)
                => CrossEntropy.Forward(input, target, weight, ignore_index, reduction, label_smoothing);

            /// <summary>Cross-entropy against class indices given as a long array.</summary>
            public static Tensor cross_entropy(Tensor input, long[] target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0)
                => CrossEntropy.Forward(input, torch.tensor(target), weight, ignore_index, reduction, label_smoothing);

            /// <summary>Mean squared error (shapes must broadcast).</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Losses.Reduce(input.sub(target).square(), reduction);
        }
    }
}
