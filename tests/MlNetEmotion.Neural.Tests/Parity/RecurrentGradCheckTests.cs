using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Modules.Attention;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// Finite-difference gradient checks of the recurrent and attention modules in the configurations the PyTorch fixtures do
/// not cover: step-first layout, no bias, inter-layer dropout (fixed masks by re-seeding), no initial state, attention
/// without batch-first, pre-norm GELU encoder with a causal mask.
/// </summary>
public sealed class RecurrentGradCheckTests
{
    private static IEnumerable<(string, Tensor)> Leaves(Module m, params (string, Tensor)[] inputs) =>
        m.named_parameters().Select(p => (p.name, p.parameter)).Concat(inputs);

    [Theory]
    [InlineData(false, true, 0.0)]
    [InlineData(true, false, 0.0)]
    [InlineData(true, true, 0.3)]
    public void Lstm_gradients_match_finite_differences(bool batchFirst, bool bias, double dropout)
    {
        var gen = new Generator(5);
        var lstm = new LSTM(3, 4, num_layers: 2, bias: bias, batch_first: batchFirst, dropout: dropout, generator: gen);
        var x = torch.randn([batchFirst ? 2 : 5, batchFirst ? 5 : 2, 3], new Generator(1)).requires_grad_();
        var h0 = torch.randn([2, 2, 4], new Generator(2)).requires_grad_();
        var c0 = torch.randn([2, 2, 4], new Generator(3)).requires_grad_();
        GradCheck.Check(() =>
        {
            gen.manual_seed(99);
            var (y, hn, cn) = lstm.forward(x, (h0, c0));
            return [y, hn, cn];
        }, Leaves(lstm, ("x", x), ("h0", h0), ("c0", c0)));
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(true, 0.3)]
    public void Gru_gradients_match_finite_differences(bool batchFirst, double dropout)
    {
        var gen = new Generator(6);
        var gru = new GRU(3, 4, num_layers: 2, bias: !batchFirst, batch_first: batchFirst, dropout: dropout, generator: gen);
        var x = torch.randn([batchFirst ? 2 : 5, batchFirst ? 5 : 2, 3], new Generator(1)).requires_grad_();
        GradCheck.Check(() =>
        {
            gen.manual_seed(99);
            var (y, hn) = gru.forward(x);
            return [y, hn];
        }, Leaves(gru, ("x", x)));
    }

    [Fact]
    public void Cells_gradients_match_finite_differences()
    {
        var lstm = new LSTMCell(3, 4, bias: false, generator: new Generator(7));
        var gru = new GRUCell(3, 4, generator: new Generator(8));
        var x = torch.randn([2, 3], new Generator(1)).requires_grad_();
        GradCheck.Check(() =>
        {
            var (h, c) = lstm.forward(x);
            var (h2, c2) = lstm.forward(x, (h, c));
            return [h2, c2, gru.forward(x, gru.forward(x))];
        }, Leaves(lstm, ("x", x)).Concat(Leaves(gru)));
    }

    [Fact]
    public void ConvLstmCell_gradients_match_finite_differences()
    {
        var cell = new ConvLSTMCell(2, 3, 3, 4, 5, generator: new Generator(9));
        using (torch.no_grad())
        {
            foreach (var p in new[] { cell.weight_ci, cell.weight_cf, cell.weight_co })
                torch.nn.init.normal_(p, 0, 0.5, new Generator(10));
        }

        var x = torch.randn([2, 2, 4, 5], new Generator(1)).requires_grad_();
        GradCheck.Check(() =>
        {
            var (h, c) = cell.forward(x);
            var (h2, c2) = cell.forward(x, (h, c));
            return [h2, c2];
        }, Leaves(cell, ("x", x)));
    }

    [Fact]
    public void ConvLstmCell_spectral_gradients_match_finite_differences()
    {
        // A 5×5 kernel takes the spectral gate convolution where AVX2 + FMA exist (the im2col + GEMM path elsewhere).
        var cell = new ConvLSTMCell(2, 3, 5, 4, 6, generator: new Generator(13));
        using (torch.no_grad())
        {
            foreach (var p in new[] { cell.weight_ci, cell.weight_cf, cell.weight_co })
                torch.nn.init.normal_(p, 0, 0.5, new Generator(14));
        }

        var x = torch.randn([2, 2, 4, 6], new Generator(15)).requires_grad_();
        GradCheck.Check(() =>
        {
            var (h, c) = cell.forward(x);
            var (h2, c2) = cell.forward(x, (h, c));
            return [h2, c2];
        }, Leaves(cell, ("x", x)));
    }

    [Fact]
    public void Attention_gradients_match_finite_differences()
    {
        var mha = new MultiheadAttention(6, 3, batch_first: false, generator: new Generator(11));
        var layer = new TransformerEncoderLayer(6, 2, dim_feedforward: 8, dropout: 0, activation: "gelu", batch_first: true,
            norm_first: true, generator: new Generator(12));
        var q = torch.randn([4, 2, 6], new Generator(1)).requires_grad_();
        var kv = torch.randn([5, 2, 6], new Generator(2)).requires_grad_();
        var causal = torch.tensor(Enumerable.Range(0, 16).Select(i => i % 4 > i / 4 ? 1f : 0f).ToArray(), 4, 4);
        var padding = torch.tensor(new[] { 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 1f, 1f }, 2, 5);
        GradCheck.Check(() =>
        {
            var (y, w) = mha.forward(q, kv, kv, padding);
            return [y, w!, layer.forward(q.transpose(0, 1), src_mask: causal)];
        }, Leaves(mha, ("q", q), ("kv", kv)).Concat(Leaves(layer)), samples: 4);
    }
}
