using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Attention;

/// <summary>
/// Cross-layer self-attention of Wu et al. (IEEE Access 2020, eq. 3–7) at one time step: for the stack
/// X_t = (x_t^(1) … x_t^(L)) of hidden states H_t (eq. 5) or cell states C_t (eq. 6),
/// u_t = vᵀ tanh(W_s X_t + b) (eq. 3), a_t = softmax(u_t) over the layers (eq. 4), Y_t = a_t X_t (eq. 7).
/// </summary>
/// <remarks>Parameters: <c>projection</c> (Linear r → d_a: W_s and b) and <c>context</c> (Linear d_a → 1 without bias: vᵀ).</remarks>
public sealed class LayerAttention : Module<Tensor, LayerAttentionResult>
{
    private readonly Linear projection;
    private readonly Linear context;

    /// <summary>Creates the layer.</summary>
    /// <param name="stateSize">r, the size of each layer's state.</param>
    /// <param name="attentionSize">d_a, the hidden size of the scoring network.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public LayerAttention(int stateSize, int attentionSize, Generator? generator = null) : base("LayerAttention")
    {
        projection = torch.nn.Linear(stateSize, attentionSize, generator: generator);
        context = torch.nn.Linear(attentionSize, 1, hasBias: false, generator: generator);
        register_module("projection", projection);
        register_module("context", context);
    }

    /// <summary>Weights the layers of <paramref name="input"/> <c>[B, L, r]</c>.</summary>
    /// <returns>Y_t <c>[B, r]</c> and a_t <c>[B, L]</c>.</returns>
    public override LayerAttentionResult forward(Tensor input)
    {
        var u = context.forward(projection.forward(input).tanh()).squeeze(2);   // eq. 3
        var a = u.softmax(1);                                                  // eq. 4
        return new LayerAttentionResult(a.unsqueeze(1).matmul(input).squeeze(1), a);   // eq. 7
    }
}

/// <summary>Output of <see cref="LayerAttention"/>.</summary>
/// <param name="State">The weighted state Y_t, <c>[B, r]</c>.</param>
/// <param name="Weights">The layer weights a_t, <c>[B, L]</c>.</param>
public sealed record LayerAttentionResult(Tensor State, Tensor Weights);
