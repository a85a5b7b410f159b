namespace MlNetEmotion.Neural;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Training utilities (<c>torch.nn.utils</c>).</summary>
        public static class utils
        {
            /// <summary>
            /// Scales all gradients so their joint norm is at most <paramref name="max_norm"/>
            /// (coefficient max_norm / (norm + 1e-6), clamped to 1, as in PyTorch 1.13). Returns the norm before clipping.
            /// </summary>
            /// <param name="parameters">Parameters whose gradients are clipped (those without a gradient are skipped).</param>
            /// <param name="max_norm">Largest allowed norm.</param>
            /// <param name="norm_type">p of the p-norm; <see cref="double.PositiveInfinity"/> for the max norm.</param>
            public static double clip_grad_norm_(IEnumerable<Tensor> parameters, double max_norm, double norm_type = 2)
            {
                var grads = parameters.Where(p => p.grad is not null).Select(p => p.grad!).ToList();
                if (grads.Count == 0) return 0;
                double total;
                if (double.IsPositiveInfinity(norm_type))
                    total = grads.Max(g => g.AsSpan().Length == 0 ? 0.0 : Math.Abs((double)System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(g.AsSpan())));
                else
                {
                    double sum = 0;
                    foreach (var g in grads) sum += g.PowSum(norm_type);
                    total = Math.Pow(sum, 1 / norm_type);
                }
                double coef = Math.Min(max_norm / (total + 1e-6), 1.0);
                if (coef < 1.0)
                    foreach (var g in grads) System.Numerics.Tensors.TensorPrimitives.Multiply(g.AsSpan(), (float)coef, g.AsSpan());
                return total;
            }
        }
    }
}
