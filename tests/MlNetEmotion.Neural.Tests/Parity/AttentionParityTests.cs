using MlNetEmotion.Neural.Modules.Attention;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>MultiheadAttention and TransformerEncoderLayer against PyTorch 1.13 (standard path, dropout 0).</summary>
public sealed class AttentionParityTests
{
    [Fact]
    public void Mha_cross_attention_with_key_padding_mask_matches_pytorch()
    {
        var p = new ModuleParity("mha_keypadding", new MultiheadAttention(8, 2, batch_first: true));
        var (y, w) = ((MultiheadAttention)p.Module).forward(p.Input("q"), p.Input("k"), p.Input("v"), p.Mask("key_padding_mask"));
        p.Check(("y", y), ("weights", w!));
    }

    [Fact]
    public void Mha_self_attention_with_causal_and_padding_masks_matches_pytorch()
    {
        var p = new ModuleParity("mha_self_attnmask", new MultiheadAttention(8, 2, batch_first: true));
        var x = p.Input("x");
        var (y, w) = ((MultiheadAttention)p.Module).forward(x, x, x, p.Mask("key_padding_mask"), attn_mask: p.Mask("attn_mask"));
        p.Check(("y", y), ("weights", w!));
    }

    [Theory]
    [InlineData("transformer_relu_postnorm", "relu", false)]
    [InlineData("transformer_gelu_prenorm", "gelu", true)]
    public void TransformerEncoderLayer_matches_pytorch(string name, string activation, bool normFirst)
    {
        var p = new ModuleParity(name, new TransformerEncoderLayer(8, 2, dim_feedforward: 12, dropout: 0, activation: activation,
            batch_first: true, norm_first: normFirst));
        var y = ((TransformerEncoderLayer)p.Module).forward(p.Input("x"), src_key_padding_mask: p.Mask("key_padding_mask"));
        p.Check(("y", y));
    }
}
