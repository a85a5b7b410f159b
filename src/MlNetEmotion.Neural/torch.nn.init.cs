namespace MlNetEmotion.Neural;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>In-place initialisers (<c>torch.nn.init</c>); they run without recording gradients.</summary>
        public static class init
        {
            /// <summary>Fan-in and fan-out as PyTorch computes them: dim 1 and dim 0 times the receptive field (dims 2..).</summary>
            public static (long fanIn, long fanOut) calculate_fan_in_and_fan_out(Tensor tensor)
            {
                if (tensor.ndim < 2)
                    throw new ArgumentException($"init: fan in and fan out need at least 2 dims, got shape {tensor}.");
                long receptive = 1;
                for (int d = 2; d < tensor.ndim; d++) receptive *= tensor.size(d);
                return (tensor.size(1) * receptive, tensor.size(0) * receptive);
            }

            /// <summary>Recommended gain for a nonlinearity ("linear", "conv*", "sigmoid", "tanh", "relu", "leaky_relu", "selu").</summary>
            public static double calculate_gain(string nonlinearity, double? param = null) => nonlinearity switch
            {
                "linear" or "conv1d" or "conv2d" or "conv3d" or "sigmoid" => 1.0,
                "tanh" => 5.0 / 3,
                "relu" => Math.Sqrt(2.0),
                "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
                "selu" => 3.0 / 4,
                _ => throw new ArgumentException($"calculate_gain: unsupported nonlinearity '{nonlinearity}'.", nameof(nonlinearity)),
            };

            /// <summary>Fills with U(a, b).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null)
            {
                var g = generator ?? default_generator;
                var d = tensor.AsSpan();
                for (int i = 0; i < d.Length; i++) d[i] = (float)(a + (b - a) * g.NextDouble());
                return tensor;
            }

            /// <summary>Fills with N(mean, std²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                var g = generator ?? default_generator;
                var d = tensor.AsSpan();
                for (int i = 0; i < d.Length; i++) d[i] = (float)(mean + std * g.NextNormal());
                return tensor;
            }

            /// <summary>Fills with a constant.</summary>
            public static Tensor constant_(Tensor tensor, double value)
            {
                tensor.AsSpan().Fill((float)value);
                return tensor;
            }

            /// <summary>Fills with zeros.</summary>
            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            /// <summary>Fills with ones.</summary>
            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>He uniform: U(±gain·√(3/fan)), gain from <paramref name="nonlinearity"/> with slope <paramref name="a"/>.</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null)
            {
                double bound = Math.Sqrt(3.0) * calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>He normal: N(0, (gain/√fan)²).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null)
                => normal_(tensor, 0, calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)), generator);

            /// <summary>Glorot uniform: U(±gain·√(6/(fan_in+fan_out))).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1, Generator? generator = null)
            {
                var (fi, fo) = calculate_fan_in_and_fan_out(tensor);
                double bound = gain * Math.Sqrt(6.0 / (fi + fo));
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>Glorot normal: N(0, gain²·2/(fan_in+fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1, Generator? generator = null)
            {
                var (fi, fo) = calculate_fan_in_and_fan_out(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fi + fo)), generator);
            }

            private static long Fan(Tensor tensor, string mode)
            {
                var (fi, fo) = calculate_fan_in_and_fan_out(tensor);
                return mode switch
                {
                    "fan_in" => fi,
                    "fan_out" => fo,
                    _ => throw new ArgumentException($"init: mode must be fan_in or fan_out, got '{mode}'.", nameof(mode)),
                };
            }

            /// <summary>PyTorch's bias init for Linear / Conv: U(±1/√fan_in of the weight), zero bound when fan_in is 0.</summary>
            internal static void DefaultBiasInit(Tensor bias, Tensor weight, Generator? generator)
            {
                var (fi, _) = calculate_fan_in_and_fan_out(weight);
                double bound = fi > 0 ? 1 / Math.Sqrt(fi) : 0;
                uniform_(bias, -bound, bound, generator);
            }
        }
    }
}
