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

            /// <summary>ELU with <paramref name="alpha"/>.</summary>
            public static Tensor elu(Tensor input, float alpha = 1f) => input.elu(alpha);

            /// <summary>Exact (erf) GELU.</summary>
            public static Tensor gelu(Tensor input) => input.gelu();

            /// <summary>SELU.</summary>
            public static Tensor selu(Tensor input) => input.selu();

            /// <summary>Leaky ReLU.</summary>
            public static Tensor leaky_relu(Tensor input, float negative_slope = 0.01f) => input.leaky_relu(negative_slope);

            /// <summary>SiLU / swish.</summary>
            public static Tensor silu(Tensor input) => input.silu();

            /// <summary>Softplus.</summary>
            public static Tensor softplus(Tensor input) => input.softplus();

            /// <summary>Batch normalisation over [N, C, *]; <paramref name="training"/> uses batch statistics and updates the running ones.</summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5)
                => Normalization.BatchNorm(input, running_mean, running_var, weight, bias, training, momentum, eps);

            /// <summary>Layer normalisation over the trailing <paramref name="normalized_shape"/> dims.</summary>
            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
                => Normalization.LayerNorm(input, normalized_shape, weight, bias, eps);

            /// <summary>2-D convolution of [N, C, H, W] with weight [Cout, C/groups, kH, kW] (stride, zero padding, dilation, groups).</summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, (long, long)? stride = null, (long, long)? padding = null,
                (long, long)? dilation = null, long groups = 1)
                => ConvApi.Conv2d(input, weight, bias, stride ?? (1, 1), padding ?? (0, 0), dilation ?? (1, 1), groups);

            /// <summary>2-D convolution with "valid" or "same" padding.</summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias, Padding padding, (long, long)? stride = null, (long, long)? dilation = null, long groups = 1)
                => ConvApi.Conv2d(input, weight, bias, stride ?? (1, 1), padding == Padding.Same ? null : (0, 0), dilation ?? (1, 1), groups);

            /// <summary>1-D convolution of [N, C, L] with weight [Cout, C/groups, k].</summary>
            public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1)
                => ConvApi.Conv1d(input, weight, bias, stride, padding, dilation, groups);

            /// <summary>1-D convolution with "valid" or "same" padding.</summary>
            public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias, Padding padding, long stride = 1, long dilation = 1, long groups = 1)
                => ConvApi.Conv1d(input, weight, bias, stride, padding == Padding.Same ? null : 0, dilation, groups);

            /// <summary>2-D max pooling over [N, C, H, W]; stride defaults to the kernel size; padding acts as −∞.</summary>
            public static Tensor max_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                (long, long)? dilation = null, bool ceil_mode = false)
            {
                var k = Ints(kernel_size);
                return Pooling.MaxPool2d(input, k, stride is null ? k : Ints(stride.Value), Ints(padding ?? (0, 0)), Ints(dilation ?? (1, 1)), ceil_mode);
            }

            /// <summary>2-D average pooling over [N, C, H, W]; stride defaults to the kernel size.</summary>
            public static Tensor avg_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                bool ceil_mode = false, bool count_include_pad = true)
            {
                var k = Ints(kernel_size);
                return Pooling.AvgPool2d(input, k, stride is null ? k : Ints(stride.Value), Ints(padding ?? (0, 0)), ceil_mode, count_include_pad);
            }

            /// <summary>Adaptive average pooling to <paramref name="output_size"/> (PyTorch's floor/ceil window bounds).</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, (long, long) output_size) =>
                Pooling.AdaptiveAvgPool2d(input, (int)output_size.Item1, (int)output_size.Item2);

            /// <summary>1-D max pooling over [N, C, L].</summary>
            public static Tensor max_pool1d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false)
                => max_pool2d(input.unsqueeze(-2), (1, kernel_size), (1, stride ?? kernel_size), (0, padding), (1, dilation), ceil_mode).squeeze(-2);

            /// <summary>1-D average pooling over [N, C, L].</summary>
            public static Tensor avg_pool1d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true)
                => avg_pool2d(input.unsqueeze(-2), (1, kernel_size), (1, stride ?? kernel_size), (0, padding), ceil_mode, count_include_pad).squeeze(-2);

            private static (int, int) Ints((long A, long B) v) => ((int)v.A, (int)v.B);

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

            /// <summary>
            /// Focal loss −α_i (1 − p_t)^γ log p_t over logits [N, C] (Lin et al.; paper 004's FLDW passes the per-sample α_i).
            /// Mean reduction divides by N.
            /// </summary>
            /// <param name="input">Logits [N, C].</param>
            /// <param name="target">Int64 class indices [N].</param>
            /// <param name="gamma">Focusing exponent γ ≥ 0 (0 gives weighted cross-entropy).</param>
            /// <param name="alpha">Optional per-sample weights α_i [N].</param>
            /// <param name="class_alpha">Optional per-class weights α_c [C], multiplied in by target class.</param>
            /// <param name="reduction">Reduction over samples.</param>
            public static Tensor focal_loss(Tensor input, Tensor target, double gamma = 2, Tensor? alpha = null, Tensor? class_alpha = null,
                Reduction reduction = Reduction.Mean) => Losses.Focal(input, target, gamma, alpha, class_alpha, reduction);

            /// <summary>Mean absolute error (shapes must broadcast).</summary>
            public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                Shapes.Broadcast(input.Dims, target.Dims, "l1_loss");
                return Losses.Reduce(input.sub(target).abs(), reduction);
            }

            /// <summary>Binary cross-entropy on logits, stable form, with optional element weights and positive-class weights.</summary>
            /// <param name="input">Logits.</param>
            /// <param name="target">Targets in [0, 1], same shape.</param>
            /// <param name="weight">Optional rescaling weight broadcast over elements.</param>
            /// <param name="pos_weight">Optional weight of positive examples, broadcast over the last dim (classes).</param>
            /// <param name="reduction">Reduction.</param>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Tensor? pos_weight = null,
                Reduction reduction = Reduction.Mean) => Losses.BceWithLogits(input, target, weight, pos_weight, reduction);

            /// <summary>One-hot encoding of int64 class indices: float [.., num_classes].</summary>
            public static Tensor one_hot(Tensor target, long num_classes)
            {
                var t = target.dtype == ScalarType.Int64 ? target.LongData : target.to(ScalarType.Int64).LongData;
                var y = new float[t.Length * num_classes];
                for (int i = 0; i < t.Length; i++)
                {
                    if (t[i] < 0 || t[i] >= num_classes) throw new ArgumentOutOfRangeException(nameof(target), t[i], $"one_hot: class {t[i]} at {i} is outside [0, {num_classes}).");
                    y[i * num_classes + t[i]] = 1f;
                }
                return torch.tensor(y, [.. target.shape, num_classes]);
            }

            /// <summary>Mean squared error (shapes must broadcast).</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                Shapes.Broadcast(input.Dims, target.Dims, "mse_loss");
                return Losses.Reduce(input.sub(target).square(), reduction);
            }
        }
    }
}
