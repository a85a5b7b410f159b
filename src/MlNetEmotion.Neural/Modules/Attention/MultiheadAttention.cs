namespace MlNetEmotion.Neural.Modules.Attention;

/// <summary>
/// Multi-head scaled dot-product attention (<c>torch.nn.MultiheadAttention</c>, PyTorch 1.13 semantics):
/// <c>q, k, v</c> are projected by the three row blocks of <c>in_proj_weight [3E, E]</c> and <c>in_proj_bias</c>, split
/// into <c>num_heads</c> heads of <c>E / num_heads</c>, <c>softmax(q kᵀ / √head_dim)</c> (masked positions get −∞,
/// then dropout) weights <c>v</c>, and <c>out_proj</c> maps the concatenated heads back to E.
/// </summary>
/// <remarks>
/// Masks are boolean masks stored as tensors whose non-zero elements mean "not allowed" (PyTorch's bool masks):
/// <c>key_padding_mask [B, S]</c> hides keys per batch item, <c>attn_mask [L, S]</c> or <c>[B·num_heads, L, S]</c>
/// hides query–key pairs. A query whose every key is hidden gives NaN, as in PyTorch.
/// </remarks>
public sealed class MultiheadAttention : Module
{
    private readonly Generator? generator;

    /// <summary>
    /// Creates the layer with PyTorch's init: <c>in_proj_weight</c> Xavier-uniform, <c>in_proj_bias</c> and
    /// <c>out_proj.bias</c> zero, <c>out_proj.weight</c> as <see cref="Linear"/>'s default.
    /// </summary>
    /// <param name="embed_dim">Model width E (query, key and value features).</param>
    /// <param name="num_heads">Heads; must divide <paramref name="embed_dim"/>.</param>
    /// <param name="dropout">Dropout on the attention weights in training mode (default 0).</param>
    /// <param name="bias">Whether the projections have biases (default true).</param>
    /// <param name="batch_first">Inputs <c>[B, L, E]</c> when true, <c>[L, B, E]</c> when false (default false, as PyTorch).</param>
    /// <param name="generator">Random source for the init and the dropout masks (default generator when null).</param>
    public MultiheadAttention(long embed_dim, long num_heads, double dropout = 0, bool bias = true, bool batch_first = false,
        Generator? generator = null) : base("MultiheadAttention")
    {
        if (embed_dim < 1 || num_heads < 1 || embed_dim % num_heads != 0)
            throw new ArgumentException($"MultiheadAttention: embed_dim ({embed_dim}) must be a positive multiple of num_heads ({num_heads}).", nameof(num_heads));
        if (dropout < 0 || dropout > 1) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "MultiheadAttention: dropout must be in [0, 1].");
        this.embed_dim = embed_dim;
        this.num_heads = num_heads;
        this.dropout = dropout;
        this.batch_first = batch_first;
        this.generator = generator;
        in_proj_weight = torch.empty(3 * embed_dim, embed_dim);
        register_parameter("in_proj_weight", in_proj_weight);
        if (bias)
        {
            in_proj_bias = torch.zeros(3 * embed_dim);
            register_parameter("in_proj_bias", in_proj_bias);
        }

        out_proj = new Linear(embed_dim, embed_dim, bias, generator);
        register_module("out_proj", out_proj);
        using (torch.no_grad())
        {
            torch.nn.init.xavier_uniform_(in_proj_weight, generator: generator);
            if (out_proj.bias is { } b) torch.nn.init.zeros_(b);
        }
    }

    /// <summary>Model width E.</summary>
    public long embed_dim { get; }

    /// <summary>Number of heads.</summary>
    public long num_heads { get; }

    /// <summary>Features per head, <c>E / num_heads</c>.</summary>
    public long head_dim => embed_dim / num_heads;

    /// <summary>Dropout probability on the attention weights.</summary>
    public double dropout { get; }

    /// <summary>Whether inputs are <c>[B, L, E]</c>.</summary>
    public bool batch_first { get; }

    /// <summary>Stacked q, k, v projection weights <c>[3E, E]</c>.</summary>
    public Tensor in_proj_weight { get; }

    /// <summary>Stacked q, k, v projection biases <c>[3E]</c>, or null.</summary>
    public Tensor? in_proj_bias { get; }

    /// <summary>Output projection.</summary>
    public Linear out_proj { get; }

    /// <summary>Attends from <paramref name="query"/> to <paramref name="key"/> / <paramref name="value"/>.</summary>
    /// <param name="query">Queries, <c>[B, L, E]</c> (batch first) or <c>[L, B, E]</c>.</param>
    /// <param name="key">Keys, <c>[B, S, E]</c> or <c>[S, B, E]</c>.</param>
    /// <param name="value">Values, same shape as <paramref name="key"/>.</param>
    /// <param name="key_padding_mask">Optional <c>[B, S]</c>, non-zero = ignore that key.</param>
    /// <param name="need_weights">Whether to return the attention weights.</param>
    /// <param name="attn_mask">Optional <c>[L, S]</c> or <c>[B·num_heads, L, S]</c>, non-zero = not allowed.</param>
    /// <param name="average_attn_weights">Average the returned weights over heads (<c>[B, L, S]</c>) or not (<c>[B, heads, L, S]</c>).</param>
    /// <returns>The attended output (query's shape) and the attention weights (after dropout, as PyTorch 1.13), or null.</returns>
    public (Tensor output, Tensor? weights) forward(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask = null,
        bool need_weights = true, Tensor? attn_mask = null, bool average_attn_weights = true)
    {
        Check3("query", query);
        Check3("key", key);
        if (!Shapes.Equal(key.Dims, value.Dims))
            throw new ShapeMismatchException("MultiheadAttention", key.Dims, value.Dims, "key and value must have the same shape");
        if (!batch_first)
        {
            query = query.transpose(0, 1);
            key = key.transpose(0, 1);
            value = value.transpose(0, 1);
        }

        long b = query.size(0), l = query.size(1), s = key.size(1), e = embed_dim, h = num_heads, d = head_dim;
        if (key.size(0) != b)
            throw new ShapeMismatchException("MultiheadAttention", query.Dims, key.Dims, "query and key must have the same batch size");
        var q = Project(query, 0).mul((float)(1 / Math.Sqrt(d)));
        var k = Project(key, 1);
        var v = Project(value, 2);
        q = q.reshape(b, l, h, d).transpose(1, 2);                    // [B, H, L, d]
        k = k.reshape(b, s, h, d).transpose(1, 2);
        v = v.reshape(b, s, h, d).transpose(1, 2);
        var scores = q.matmul(k.transpose(2, 3));                     // [B, H, L, S]
        if (attn_mask is not null) scores = scores.masked_fill(AttnMask(attn_mask, b, l, s), float.NegativeInfinity);
        if (key_padding_mask is not null)
        {
            if (key_padding_mask.ndim != 2 || key_padding_mask.size(0) != b || key_padding_mask.size(1) != s)
                throw new ShapeMismatchException("MultiheadAttention", key_padding_mask.Dims, [b, s], "key_padding_mask must be [batch, source length]");
            scores = scores.masked_fill(key_padding_mask.reshape(b, 1, 1, s), float.NegativeInfinity);
        }

        var weights = torch.nn.functional.dropout(scores.softmax(-1), dropout, training, generator);
        var output = weights.matmul(v).transpose(1, 2).reshape(b, l, e);
        output = out_proj.forward(output);
        if (!batch_first) output = output.transpose(0, 1);
        if (!need_weights) return (output, null);
        return (output, average_attn_weights ? weights.mean(1) : weights);
    }

    /// <summary>Calls <see cref="forward"/> (PyTorch's <c>mha(q, k, v, …)</c>).</summary>
    public (Tensor output, Tensor? weights) call(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask = null,
        bool need_weights = true, Tensor? attn_mask = null, bool average_attn_weights = true) =>
        forward(query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights);

    private Tensor Project(Tensor x, int block)
    {
        var w = in_proj_weight.narrow(0, block * embed_dim, embed_dim);
        var bias = in_proj_bias?.narrow(0, block * embed_dim, embed_dim);
        return torch.nn.functional.linear(x, w, bias);
    }

    private Tensor AttnMask(Tensor mask, long b, long l, long s)
    {
        if (mask.ndim == 2 && mask.size(0) == l && mask.size(1) == s) return mask;
        if (mask.ndim == 3 && mask.size(0) == b * num_heads && mask.size(1) == l && mask.size(2) == s)
            return mask.reshape(b, num_heads, l, s);
        throw new ShapeMismatchException("MultiheadAttention", mask.Dims, [l, s], $"attn_mask must be [L, S] or [batch*num_heads ({b * num_heads}), L, S]");
    }

    private void Check3(string name, Tensor x)
    {
        if (x.ndim != 3 || x.size(2) != embed_dim)
            throw new ShapeMismatchException("MultiheadAttention", x.Dims, [-1, -1, embed_dim], $"{name} must be 3-D with embed_dim {embed_dim} features");
    }

    /// <inheritdoc/>
    public override string ToString() => $"MultiheadAttention(embed_dim={embed_dim}, num_heads={num_heads}, dropout={dropout}, batch_first={batch_first})";
}
