using System.Buffers;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// The convolution op rents its column matrices and weight-gradient partials from the shared pool and adds the weight
/// gradient straight into a weight that already holds one, and max pooling rents its saved argmax indices: these tests
/// pin that this changes nothing a caller can observe. The net covers both chunk layouts (large images one per chunk,
/// small images batched side by side), a partial last chunk, more chunks than partials, groups, strides, dilation,
/// asymmetric padding, and both max-pool paths (2×2 pairs and a padded 3×3 window).
/// </summary>
public sealed class ConvBufferReuseTests
{
    private sealed record Net(Tensor X, Tensor W1, Tensor B1, Tensor W2, Tensor B2)
    {
        public Tensor[] Parameters => [W1, B1, W2, B2];

        /// <summary>Forward and a loss reaching every output element with a different weight.</summary>
        public Tensor Loss()
        {
            // 34×33 images: 1,122 output positions per image, so every image is its own chunk (18 chunks, 16 partials).
            var h = F.max_pool2d(F.conv2d(X, W1, B1, padding: (1, 1)).tanh(), (2, 2));
            // Strided, dilated, grouped on 17×16: 9×7 outputs, 17 images per chunk and a partial last chunk.
            var y = F.conv2d(h, W2, B2, stride: (2, 2), padding: (1, 0), dilation: (1, 2), groups: 2);
            var pooled = F.max_pool2d(y, (3, 3), (2, 2), (1, 1));
            return y.square().sum() + y.sum() + pooled.sum();
        }
    }

    private static Net Build() => new(
        torch.randn([18, 2, 34, 33], new Generator(1)).requires_grad_(),
        (torch.randn([4, 2, 3, 3], new Generator(2)) * 0.3f).detach().requires_grad_(),
        torch.randn([4], new Generator(3)).requires_grad_(),
        (torch.randn([6, 2, 3, 2], new Generator(4)) * 0.3f).detach().requires_grad_(),
        torch.randn([6], new Generator(5)).requires_grad_());

    private static float[][] Grads(Net net) => [.. net.Parameters.Select(p => p.grad!.ToArray()), net.X.grad!.ToArray()];

    [Fact]
    public void Gradients_added_into_existing_ones_equal_the_engines_sum_bit_for_bit()
    {
        var net = Build();
        net.Loss().backward();                      // no gradient yet: the op returns fresh ones
        var first = Grads(net);
        foreach (var p in net.Parameters) p.grad = null;
        net.X.grad = null;
        net.Loss().backward();
        var again = Grads(net);
        for (int i = 0; i < first.Length; i++) Assert.Equal(first[i], again[i]);

        foreach (var p in net.Parameters) p.grad!.zero_();   // zeroed in place: the op now adds into them
        net.X.grad = null;
        net.Loss().backward();
        var intoZeros = Grads(net);
        for (int i = 0; i < first.Length; i++) Assert.Equal(first[i], intoZeros[i]);

        net.Loss().backward();                      // accumulate: exactly g + g in float, as the engine's leaf sum
        var twice = Grads(net);
        for (int i = 0; i < first.Length; i++)
            Assert.Equal(first[i].Select(v => v + v).ToArray(), twice[i]);
    }

    [Fact]
    public void A_frozen_weight_gets_no_gradient_and_the_others_are_unchanged()
    {
        var net = Build();
        net.Loss().backward();
        var expected = Grads(net);
        foreach (var p in net.Parameters) p.grad = null;
        net.X.grad = null;
        net.W2.requires_grad = false;
        net.Loss().backward();
        Assert.Null(net.W2.grad);
        Assert.Equal(expected[0], net.W1.grad!.ToArray());
        Assert.Equal(expected[3], net.B2.grad!.ToArray());
        Assert.Equal(expected[4], net.X.grad!.ToArray());
    }

    /// <summary>Rented arrays hold whatever the last user left: fill the shared pool's arrays of every size class the
    /// op rents with NaN (on one thread, so the op rents on the thread that was poisoned), and the forward and backward
    /// results must still equal a run made before the poisoning, bit for bit.</summary>
    [Fact]
    public void Stale_pool_contents_never_leak_into_results()
    {
        int saved = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);
            float[][] Run()
            {
                var net = Build();
                var loss = net.Loss();
                loss.backward();
                return [loss.ToArray(), .. Grads(net)];
            }

            var before = Run();
            var rented = new List<float[]>();
            var rentedIndices = new List<int[]>();
            for (int size = 1; size <= 1 << 17; size *= 2)
                for (int k = 0; k < 8; k++)
                {
                    var a = ArrayPool<float>.Shared.Rent(size);
                    Array.Fill(a, float.NaN);
                    rented.Add(a);
                    var ix = ArrayPool<int>.Shared.Rent(size);
                    Array.Fill(ix, 3);                 // a valid but wrong argmax wherever one is read unwritten
                    rentedIndices.Add(ix);
                }
            foreach (var a in rented) ArrayPool<float>.Shared.Return(a);
            foreach (var ix in rentedIndices) ArrayPool<int>.Shared.Return(ix);
            var after = Run();
            Assert.Equal(before.Length, after.Length);
            for (int i = 0; i < before.Length; i++)
            {
                Assert.All(after[i], v => Assert.True(float.IsFinite(v)));
                Assert.Equal(before[i], after[i]);
            }
        }
        finally
        {
            torch.set_num_threads(saved);
        }
    }

    [Fact]
    public void A_second_backward_through_a_max_pool_is_refused()
    {
        var x = torch.randn([2, 3, 6, 6], new Generator(7)).requires_grad_();
        var loss = F.max_pool2d(x, (2, 2)).sum();
        loss.backward();
        var error = Assert.Throws<InvalidOperationException>(() => loss.backward());
        Assert.Contains("max_pool2d", error.Message, StringComparison.Ordinal);
        Assert.Contains("forward pass again", error.Message, StringComparison.Ordinal);
    }
}
