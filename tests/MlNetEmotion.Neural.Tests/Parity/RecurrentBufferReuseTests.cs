using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// The fused recurrent op rents its tapes and scratch from a pool and adds weight gradients straight into
/// parameters that already hold one: these tests pin that this changes nothing a caller can observe.
/// </summary>
public sealed class RecurrentBufferReuseTests
{
    /// <summary>A 3-layer model with inter-layer dropout drawn from <paramref name="dropout"/> (also its init source).</summary>
    private static RecurrentBase Model(bool gru, Generator dropout) => gru
        ? new GRU(5, 7, num_layers: 3, batch_first: true, dropout: 0.3, generator: dropout)
        : new LSTM(5, 7, num_layers: 3, batch_first: true, dropout: 0.3, generator: dropout);

    /// <summary>Forward (training mode, seeded dropout) + a loss touching the output and both final states.</summary>
    private static Tensor Loss(RecurrentBase model, Tensor x, Generator dropout, int seed)
    {
        dropout.manual_seed(seed);
        if (model is GRU gru)
        {
            var (gy, gh) = gru.forward(x);
            return gy.square().sum() + gh.sum();
        }

        var (y, h, c) = ((LSTM)model).forward(x);
        return y.square().sum() + h.sum() + c.mul(c).sum();
    }

    private static float[][] Grads(Module model, Tensor x) =>
        [.. model.parameters().Select(p => p.grad!.ToArray()), x.grad!.ToArray()];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gradients_into_zeroed_buffers_equal_fresh_ones_bit_for_bit(bool gru)
    {
        var gen = new Generator(11);
        var model = Model(gru, gen);
        var x = torch.randn([3, 6, 5], new Generator(1)).requires_grad_();
        Loss(model, x, gen, 5).backward();          // first backward: no parameter has a gradient yet
        var fresh = Grads(model, x);
        model.zero_grad();                          // zeroed in place: the op now adds into them
        x.grad = null;
        Loss(model, x, gen, 5).backward();
        var reused = Grads(model, x);
        Assert.Equal(fresh.Length, reused.Length);
        for (int i = 0; i < fresh.Length; i++) Assert.Equal(fresh[i], reused[i]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interleaved_graphs_accumulate_the_sum_of_their_gradients(bool gru)
    {
        var gen = new Generator(11);
        var model = Model(gru, gen);
        var x1 = torch.randn([3, 6, 5], new Generator(2));
        var x2 = torch.randn([3, 6, 5], new Generator(3));
        Loss(model, x1, gen, 8).backward();
        var g1 = model.parameters().Select(p => p.grad!.ToArray()).ToArray();
        model.zero_grad(setToNone: true);
        Loss(model, x2, gen, 9).backward();
        var g2 = model.parameters().Select(p => p.grad!.ToArray()).ToArray();
        model.zero_grad(setToNone: true);

        // Both graphs alive at once (their pooled tapes coexist), backpropagated in the reverse order.
        var l1 = Loss(model, x1, gen, 8);
        var l2 = Loss(model, x2, gen, 9);
        l2.backward();
        l1.backward();
        var both = model.parameters().Select(p => p.grad!.ToArray()).ToArray();
        for (int p = 0; p < both.Length; p++)
            for (int i = 0; i < both[p].Length; i++)
                Assert.Equal(g1[p][i] + g2[p][i], both[p][i], 1e-5f * (1 + Math.Abs(g1[p][i]) + Math.Abs(g2[p][i])));
    }

    [Fact]
    public void Frozen_weights_get_no_gradient_and_the_input_gradient_is_unchanged()
    {
        var gen = new Generator(11);
        var model = Model(gru: false, gen);
        var x = torch.randn([3, 6, 5], new Generator(4)).requires_grad_();
        Loss(model, x, gen, 1).backward();
        var expected = x.grad!.ToArray();
        model.zero_grad(setToNone: true);
        x.grad = null;
        var frozen = model.named_parameters().Where(p => p.name.StartsWith("weight_hh", StringComparison.Ordinal)).ToList();
        foreach (var (_, p) in frozen) p.requires_grad = false;
        Loss(model, x, gen, 1).backward();
        Assert.Equal(expected, x.grad!.ToArray());
        Assert.All(frozen, p => Assert.Null(p.parameter.grad));
    }

    [Fact]
    public void A_second_backward_through_the_same_graph_is_refused()
    {
        var gen = new Generator(11);
        var loss = Loss(Model(gru: false, gen), torch.randn([2, 4, 5], new Generator(6)), gen, 1);
        loss.backward();
        var error = Assert.Throws<InvalidOperationException>(() => loss.backward());
        Assert.Contains("lstm", error.Message, StringComparison.Ordinal);
        Assert.Contains("forward pass again", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Rented arrays hold whatever the last user left: fill the shared pool's arrays of every size class these
    /// models rent with NaN, and the results must still equal a run made before the poisoning, bit for bit.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Stale_pool_contents_never_leak_into_results(bool gru)
    {
        float[][] Run()
        {
            var gen = new Generator(11);
            var model = Model(gru, gen);
            var x = torch.randn([3, 6, 5], new Generator(1)).requires_grad_();
            var loss = Loss(model, x, gen, 5);
            loss.backward();
            return [loss.ToArray(), .. Grads(model, x)];
        }

        var before = Run();
        var rented = new List<float[]>();
        for (int size = 1; size <= 1 << 16; size *= 2)
            for (int k = 0; k < 8; k++)
            {
                var a = System.Buffers.ArrayPool<float>.Shared.Rent(size);
                Array.Fill(a, float.NaN);
                rented.Add(a);
            }
        foreach (var a in rented) System.Buffers.ArrayPool<float>.Shared.Return(a);
        var after = Run();
        Assert.Equal(before.Length, after.Length);
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i], after[i]);
    }
}
