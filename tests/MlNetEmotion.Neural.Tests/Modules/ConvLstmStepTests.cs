using MlNetEmotion.Neural.Kernels;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural.Tests.Modules;

/// <summary>The fused ConvLSTM step against the same cell composed of generic ops (conv2d over cat(x, h), split,
/// elementwise gate math), outputs and every gradient, with the images split into several column chunks.</summary>
public sealed class ConvLstmStepTests
{
    [Theory]
    [InlineData(true, 4000L, false)]   // K·P = 63·30 = 1890 floats per image: chunks of 2, 2, 1 images
    [InlineData(false, 4000L, false)]
    [InlineData(true, 1L << 23, false)] // one chunk
    [InlineData(false, 4000L, true)]    // every gradient added into an existing non-zero .grad
    public void Fused_step_matches_composed_ops(bool inputNeedsGrad, long maxChunkFloats, bool existingGrads) =>
        CheckAgainstComposed(inputNeedsGrad, maxChunkFloats, existingGrads, false, 3, 4, 3, 5, 6, 5);

    [Theory]
    [InlineData(true, false, 3, 4, 3, 5, 6, 5)]     // 3×3 kernel, channels and gates not multiples of 8, batch 5 (a 4 + 1 block)
    [InlineData(false, true, 3, 4, 3, 5, 6, 5)]
    [InlineData(true, false, 5, 3, 7, 14, 14, 4)]   // paper 001's 7×7 "same" kernel on 14×14 maps
    [InlineData(false, false, 16, 8, 7, 14, 14, 2)] // layer-3 shape of the benchmark; X needs no gradient
    [InlineData(true, true, 2, 9, 4, 6, 5, 3)]      // even kernel (asymmetric "same" padding), non-square maps
    [InlineData(true, false, 9, 2, 5, 3, 8, 1)]     // kernel larger than the map height, batch 1
    public void Spectral_step_matches_composed_ops(bool inputNeedsGrad, bool existingGrads, int inputs, int hidden,
        int kernel, int height, int width, int batch)
    {
        if (!SpectralPlan.IsSupported) return;   // the spectral kernels need AVX2 + FMA; elsewhere the GEMM path runs
        CheckAgainstComposed(inputNeedsGrad, 1L << 23, existingGrads, true, inputs, hidden, kernel, height, width, batch);
    }

    private static void CheckAgainstComposed(bool inputNeedsGrad, long maxChunkFloats, bool existingGrads, bool spectral,
        int inputs, int hidden, int kernel, int height, int width, int batch)
    {
        var cell = new ConvLSTMCell(inputs, hidden, kernel, height, width, generator: new Generator(3));
        using (torch.no_grad())
            foreach (var p in new[] { cell.weight_ci, cell.weight_cf, cell.weight_co })
                torch.nn.init.normal_(p, 0, 0.5, new Generator(4));
        var x1 = torch.randn([batch, inputs, height, width], new Generator(1)).requires_grad_(inputNeedsGrad);
        var x2 = torch.randn([batch, inputs, height, width], new Generator(2)).requires_grad_(inputNeedsGrad);
        var rh = torch.randn([batch, hidden, height, width], new Generator(5));
        var rc = torch.randn([batch, hidden, height, width], new Generator(6));
        var leaves = new[] { cell.conv.weight, cell.conv.bias!, cell.weight_ci, cell.weight_cf, cell.weight_co, x1, x2 };

        (Tensor, Tensor) Fused(Tensor x, (Tensor h, Tensor c)? s) =>
            ConvLstmStep.Forward(x, s?.h, s?.c, cell.conv.weight, cell.conv.bias, (cell.weight_ci, cell.weight_cf, cell.weight_co), maxChunkFloats, spectral);
        var (fused, fusedGrads) = Run(Fused);
        var (composed, composedGrads) = Run((x, s) => Composed(cell, x, s));

        for (int i = 0; i < fused.Length; i++)
            AssertClose(composed[i], fused[i], 1e-5f);
        for (int i = 0; i < leaves.Length; i++)
        {
            if (composedGrads[i] is null) Assert.Null(fusedGrads[i]);
            else AssertClose(composedGrads[i]!, fusedGrads[i]!, 1e-4f);
        }

        (float[][] Outputs, float[]?[] Grads) Run(Func<Tensor, (Tensor h, Tensor c)?, (Tensor, Tensor)> step)
        {
            foreach (var leaf in leaves) leaf.grad = existingGrads ? torch.full(leaf.shape, 0.25f) : null;
            var s1 = step(x1, null);
            var s2 = step(x2, s1);
            ((s2.Item1 * rh).sum() + (s2.Item2 * rc).sum() + s1.Item1.sum()).backward();
            return ([s1.Item1.ToArray(), s1.Item2.ToArray(), s2.Item1.ToArray(), s2.Item2.ToArray()],
                leaves.Select(l => l.grad?.ToArray()).ToArray());
        }
    }

    [Fact]
    public void Spectral_step_follows_weight_changes_between_passes()
    {
        // The kernel spectra are cached per weight tensor and recomputed (into the previous arrays once no step holds
        // them) when the values change, as after an optimizer step; every pass must match the GEMM path.
        if (!SpectralPlan.IsSupported) return;
        var cell = new ConvLSTMCell(5, 6, 7, 9, 8, generator: new Generator(31));
        var x = torch.randn([3, 5, 9, 8], new Generator(32));
        var leaves = cell.parameters().ToArray();
        for (int round = 0; round < 4; round++)
        {
            var spectral = Run(true);
            var gemm = Run(false);
            for (int i = 0; i < gemm.Length; i++) AssertClose(gemm[i], spectral[i], 1e-4f);
            using (torch.no_grad())
            {
                if (round == 1) ConvLstmStep.Forward(x, null, null, cell.conv.weight, cell.conv.bias,
                    (cell.weight_ci, cell.weight_cf, cell.weight_co), spectral: true);   // a pass without a graph releases at once
                cell.conv.weight.mul_(0.8f);
                cell.conv.weight.AsSpan()[round * 7] += 0.5f;
            }
        }

        float[][] Run(bool spectral)
        {
            foreach (var p in leaves) p.grad = null;
            (Tensor h, Tensor c) Step(Tensor input, (Tensor h, Tensor c)? state) => ConvLstmStep.Forward(input, state?.h, state?.c,
                cell.conv.weight, cell.conv.bias, (cell.weight_ci, cell.weight_cf, cell.weight_co), spectral: spectral);
            var (h, c) = Step(x, Step(x, null));
            (h.sum() + c.square().sum()).backward();
            return [h.ToArray(), c.ToArray(), .. leaves.Select(p => p.grad!.ToArray())];
        }
    }

    [Fact]
    public void A_second_backward_through_the_same_step_is_refused()
    {
        var cell = new ConvLSTMCell(2, 3, 3, 4, 4, generator: new Generator(7));
        var (h, c) = cell.forward(torch.randn([2, 2, 4, 4], new Generator(8)), null);
        var loss = h.sum() + c.sum();
        loss.backward();
        var error = Assert.Throws<InvalidOperationException>(() => loss.backward());
        Assert.Contains("ConvLSTMCell", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Paper 001 eq. 6–10 from generic ops (the cell's implementation before the fused step).</summary>
    private static (Tensor, Tensor) Composed(ConvLSTMCell cell, Tensor x, (Tensor h, Tensor c)? state)
    {
        long[] shape = [x.size(0), cell.hidden_channels, cell.height, cell.width];
        var h = state?.h ?? torch.zeros(shape);
        var c = state?.c ?? torch.zeros(shape);
        var gates = torch.nn.functional.conv2d(torch.cat([x, h], 1), cell.conv.weight, cell.conv.bias, Padding.Same).split(cell.hidden_channels, 1);
        var i = (gates[0] + cell.weight_ci * c).sigmoid();
        var f = (gates[1] + cell.weight_cf * c).sigmoid();
        var cNext = f * c + i * gates[2].tanh();
        var o = (gates[3] + cell.weight_co * cNext).sigmoid();
        return (o * cNext.tanh(), cNext);
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        float scale = Math.Max(1f, expected.Max(Math.Abs));
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
