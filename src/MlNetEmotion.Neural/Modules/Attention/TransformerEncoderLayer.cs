namespace MlNetEmotion.Neural.Modules.Attention;

/// <summary>
/// One Transformer encoder block (<c>torch.nn.TransformerEncoderLayer</c>, PyTorch 1.13's standard path):
/// post-norm <c>x = norm1(x + SA(x)); x = norm2(x + FF(x))</c>, or with <c>norm_first</c>
/// <c>x = x + SA(norm1(x)); x = x + FF(norm2(x))</c>, where <c>SA = dropout1(self_attn(x, x, x))</c> and
/// <c>FF = dropout2(linear2(dropout(activation(linear1(x)))))</c>. Children and parameter names as PyTorch:
/// <c>self_attn</c>, <c>linear1</c>, <c>dropout</c>, <c>linear2</c>, <c>norm1</c>, <c>norm2</c>, <c>dropout1</c>, <c>dropout2</c>.
/// </summary>
public sealed class TransformerEncoderLayer : Module
{
    private readonly Func<Tensor, Tensor> activationFn;

    /// <summary>Creates the block.</summary>
    /// <param name="d_model">Model width.</param>
    /// <param name="nhead">Attention heads.</param>
    /// <param name="dim_feedforward">Hidden width of the feed-forward part (default 2048).</param>
    /// <param name="dropout">Dropout probability everywhere (default 0.1).</param>
    /// <param name="activation">"relu" (default) or "gelu" (exact, erf form).</param>
    /// <param name="layer_norm_eps">LayerNorm epsilon (default 1e-5).</param>
    /// <param name="batch_first">Inputs <c>[B, L, E]</c> when true (default false, as PyTorch).</param>
    /// <param name="norm_first">Pre-norm when true (default false).</param>
    /// <param name="generator">Random source for the init and dropout masks (default generator when null).</param>
    public TransformerEncoderLayer(long d_model, long nhead, long dim_feedforward = 2048, double dropout = 0.1,
        string activation = "relu", double layer_norm_eps = 1e-5, bool batch_first = false, bool norm_first = false,
        Generator? generator = null) : base("TransformerEncoderLayer")
    {
        activationFn = activation switch
        {
            "relu" => x => x.relu(),
            "gelu" => x => x.gelu(),
            _ => throw new ArgumentException($"TransformerEncoderLayer: activation must be \"relu\" or \"gelu\", got \"{activation}\".", nameof(activation)),
        };
        this.activation = activation;
        this.norm_first = norm_first;
        self_attn = new MultiheadAttention(d_model, nhead, dropout, bias: true, batch_first: batch_first, generator: generator);
        linear1 = new Linear(d_model, dim_feedforward, generator: generator);
        this.dropout = new Dropout(dropout, generator);
        linear2 = new Linear(dim_feedforward, d_model, generator: generator);
        norm1 = new LayerNorm(d_model, layer_norm_eps);
        norm2 = new LayerNorm(d_model, layer_norm_eps);
        dropout1 = new Dropout(dropout, generator);
        dropout2 = new Dropout(dropout, generator);
        register_module("self_attn", self_attn);
        register_module("linear1", linear1);
        register_module("dropout", this.dropout);
        register_module("linear2", linear2);
        register_module("norm1", norm1);
        register_module("norm2", norm2);
        register_module("dropout1", dropout1);
        register_module("dropout2", dropout2);
    }

    /// <summary>Activation name ("relu" or "gelu").</summary>
    public string activation { get; }

    /// <summary>Whether the block is pre-norm.</summary>
    public bool norm_first { get; }

    /// <summary>Self-attention.</summary>
    public MultiheadAttention self_attn { get; }

    /// <summary>First feed-forward layer (d_model → dim_feedforward).</summary>
    public Linear linear1 { get; }

    /// <summary>Dropout inside the feed-forward part.</summary>
    public Dropout dropout { get; }

    /// <summary>Second feed-forward layer (dim_feedforward → d_model).</summary>
    public Linear linear2 { get; }

    /// <summary>Norm around the attention part.</summary>
    public LayerNorm norm1 { get; }

    /// <summary>Norm around the feed-forward part.</summary>
    public LayerNorm norm2 { get; }

    /// <summary>Dropout on the attention output.</summary>
    public Dropout dropout1 { get; }

    /// <summary>Dropout on the feed-forward output.</summary>
    public Dropout dropout2 { get; }

    /// <summary>Runs the block.</summary>
    /// <param name="src">Input sequence (<c>[B, L, E]</c> when batch first).</param>
    /// <param name="src_mask">Optional attention mask (see <see cref="MultiheadAttention"/>).</param>
    /// <param name="src_key_padding_mask">Optional <c>[B, L]</c> padding mask, non-zero = padding.</param>
    /// <returns>The transformed sequence, same shape as <paramref name="src"/>.</returns>
    public Tensor forward(Tensor src, Tensor? src_mask = null, Tensor? src_key_padding_mask = null)
    {
        var x = src;
        if (norm_first)
        {
            x = x + SelfAttention(norm1.forward(x), src_mask, src_key_padding_mask);
            return x + FeedForward(norm2.forward(x));
        }

        x = norm1.forward(x + SelfAttention(x, src_mask, src_key_padding_mask));
        return norm2.forward(x + FeedForward(x));
    }

    /// <summary>Calls <see cref="forward"/>.</summary>
    public Tensor call(Tensor src, Tensor? src_mask = null, Tensor? src_key_padding_mask = null) =>
        forward(src, src_mask, src_key_padding_mask);

    private Tensor SelfAttention(Tensor x, Tensor? mask, Tensor? padding) =>
        dropout1.forward(self_attn.forward(x, x, x, padding, need_weights: false, attn_mask: mask).output);

    private Tensor FeedForward(Tensor x) => dropout2.forward(linear2.forward(dropout.forward(activationFn(linear1.forward(x)))));
}
