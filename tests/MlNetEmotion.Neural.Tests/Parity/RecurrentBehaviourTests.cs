using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>Layout, dropout, shape-error and init behaviour of the recurrent modules.</summary>
public sealed class RecurrentBehaviourTests
{
    [Fact]
    public void Step_first_layout_gives_the_transposed_batch_first_result_exactly()
    {
        var a = new LSTM(3, 4, num_layers: 2, batch_first: true, generator: new Generator(1));
        var b = new LSTM(3, 4, num_layers: 2, batch_first: false, generator: new Generator(2));
        b.load_state_dict(a.state_dict());
        var x = torch.randn([2, 5, 3], new Generator(3));
        var (ya, ha, ca) = a.forward(x);
        var (yb, hb, cb) = b.forward(x.transpose(0, 1));
        Assert.Equal(ya.ToArray(), yb.transpose(0, 1).ToArray());
        Assert.Equal(ha.ToArray(), hb.ToArray());
        Assert.Equal(ca.ToArray(), cb.ToArray());
    }

    [Fact]
    public void Inter_layer_dropout_acts_only_in_training_and_is_seeded()
    {
        var gen = new Generator(4);
        var drop = new GRU(3, 8, num_layers: 2, batch_first: true, dropout: 0.5, generator: gen);
        var plain = new GRU(3, 8, num_layers: 2, batch_first: true);
        plain.load_state_dict(drop.state_dict());
        var x = torch.randn([2, 4, 3], new Generator(5));
        gen.manual_seed(7);
        var first = drop.forward(x).output.ToArray();
        gen.manual_seed(7);
        Assert.Equal(first, drop.forward(x).output.ToArray());
        Assert.NotEqual(plain.forward(x).output.ToArray(), first);
        drop.eval();
        Assert.Equal(plain.forward(x).output.ToArray(), drop.forward(x).output.ToArray());
    }

    [Fact]
    public void Parameters_have_pytorch_names_shapes_and_default_init_range()
    {
        var lstm = new LSTM(5, 6, num_layers: 2, generator: new Generator(6));
        var names = lstm.named_parameters().Select(p => $"{p.name}:{string.Join('x', p.parameter.shape)}");
        Assert.Equal(new[]
        {
            "weight_ih_l0:24x5", "weight_hh_l0:24x6", "bias_ih_l0:24", "bias_hh_l0:24",
            "weight_ih_l1:24x6", "weight_hh_l1:24x6", "bias_ih_l1:24", "bias_hh_l1:24",
        }, names);
        float bound = 1 / MathF.Sqrt(6);
        var all = lstm.parameters().SelectMany(p => p.ToArray()).ToArray();
        Assert.All(all, v => Assert.InRange(v, -bound, bound));
        Assert.True(all.Max() > 0.9f * bound && all.Min() < -0.9f * bound, "init should fill the whole U(-1/sqrt(H), 1/sqrt(H)) range");
        Assert.Equal(new[] { "weight_ih:18x5", "weight_hh:18x6", "bias_ih:18", "bias_hh:18" },
            new GRUCell(5, 6).named_parameters().Select(p => $"{p.name}:{string.Join('x', p.parameter.shape)}"));
    }

    [Fact]
    public void Wrong_shapes_name_the_module_and_both_shapes()
    {
        var lstm = new LSTM(5, 6, num_layers: 2, batch_first: true);
        var ex = Assert.Throws<ShapeMismatchException>(() => lstm.forward(torch.zeros(2, 3, 4)));
        Assert.Contains("LSTM", ex.Message);
        Assert.Contains("[2, 3, 4]", ex.Message);
        Assert.Throws<ShapeMismatchException>(() => lstm.forward(torch.zeros(2, 3, 5), (torch.zeros(1, 2, 6), torch.zeros(2, 2, 6))));
        Assert.Throws<ShapeMismatchException>(() => new GRUCell(5, 6).forward(torch.zeros(2, 4)));
        Assert.Throws<ShapeMismatchException>(() => new ConvLSTMCell(2, 3, 3, 4, 5).forward(torch.zeros(1, 2, 5, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LSTM(5, 6, dropout: 1.5));
    }

    [Fact]
    public void Torch_nn_factories_pass_every_setting()
    {
        var lstm = torch.nn.LSTM(3, 4, num_layers: 3, bias: false, batch_first: true, dropout: 0.2);
        Assert.Equal((3L, 4L, 3L, false, true, 0.2), (lstm.input_size, lstm.hidden_size, lstm.num_layers, lstm.bias, lstm.batch_first, lstm.dropout));
        var gru = torch.nn.GRU(3, 4);
        Assert.Equal((1L, true, false, 0.0), (gru.num_layers, gru.bias, gru.batch_first, gru.dropout));
        Assert.Equal(4L, torch.nn.LSTMCell(3, 4).hidden_size);
        Assert.False(torch.nn.GRUCell(3, 4, bias: false).bias);
        var conv = torch.nn.ConvLSTMCell(2, 3, 5, 6, 7);
        Assert.Equal(new long[] { 12, 5, 5, 5 }, conv.conv.weight.shape);
        Assert.Equal(new long[] { 3, 6, 7 }, conv.weight_co.shape);
        var mha = torch.nn.MultiheadAttention(8, 4, batch_first: true);
        Assert.Equal((8L, 4L, 2L, true), (mha.embed_dim, mha.num_heads, mha.head_dim, mha.batch_first));
        var enc = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16, activation: "gelu", norm_first: true);
        Assert.Equal(("gelu", true, 16L), (enc.activation, enc.norm_first, enc.linear1.out_features));
        Assert.Equal(new[]
        {
            "self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight", "self_attn.out_proj.bias",
            "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias", "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias",
        }, enc.named_parameters().Select(p => p.name));
        Assert.Throws<ArgumentException>(() => torch.nn.TransformerEncoderLayer(8, 2, activation: "swish"));
        Assert.Throws<ArgumentException>(() => torch.nn.MultiheadAttention(8, 3));
    }

    [Fact]
    public void Results_are_bit_identical_for_one_and_two_threads()
    {
        float[][] Run(int threads)
        {
            int saved = torch.get_num_threads();
            torch.set_num_threads(threads);
            try
            {
                var lstm = new LSTM(24, 40, num_layers: 2, batch_first: true, generator: new Generator(21));
                var x = torch.randn([6, 7, 24], new Generator(22)).requires_grad_();
                var (y, hn, cn) = lstm.forward(x);
                (y.square().sum() + hn.sum() + cn.sum()).backward();
                return [y.ToArray(), x.grad!.ToArray(), .. lstm.parameters().Select(p => p.grad!.ToArray())];
            }
            finally
            {
                torch.set_num_threads(saved);
            }
        }

        var one = Run(1);
        var two = Run(2);
        for (int i = 0; i < one.Length; i++) Assert.Equal(one[i], two[i]);
    }

    [Fact]
    public void ConvLstm_7x7_results_are_bit_identical_for_one_and_two_threads()
    {
        float[][] Run(int threads)
        {
            int saved = torch.get_num_threads();
            torch.set_num_threads(threads);
            try
            {
                var cell = new ConvLSTMCell(16, 12, 7, 14, 14, generator: new Generator(23));
                var x1 = torch.randn([5, 16, 14, 14], new Generator(24)).requires_grad_();
                var x2 = torch.randn([5, 16, 14, 14], new Generator(25)).requires_grad_();
                var (h, c) = cell.forward(x2, cell.forward(x1));
                (h.square().sum() + c.sum()).backward();
                return [h.ToArray(), c.ToArray(), x1.grad!.ToArray(), x2.grad!.ToArray(), .. cell.parameters().Select(p => p.grad!.ToArray())];
            }
            finally
            {
                torch.set_num_threads(saved);
            }
        }

        var one = Run(1);
        var two = Run(2);
        for (int i = 0; i < one.Length; i++) Assert.Equal(one[i], two[i]);
    }
}
