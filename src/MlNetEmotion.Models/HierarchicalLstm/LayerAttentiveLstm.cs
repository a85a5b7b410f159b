using MlNetEmotion.Models.Attention;
using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Models.HierarchicalLstm;

/// <summary>
/// The hierarchical core of Wu et al. (IEEE Access 2020, section IV.B, Fig. 4): a stacked LSTM of L layers (L = 3 was
/// best), each layer's hidden state the next layer's input, with cross-layer self-attention at every step (eq. 3–7) over
/// the hidden states H_t = (h_t^(1) … h_t^(L)) (eq. 5) and over the cell states C_t (eq. 6), giving the weighted states
/// H′_t and C′_t. The recurrence itself carries each layer's own (h, c); H′_t is the h_n band attention reads, and the
/// readout for the location head and the classifier is [H′_t; C′_t] (the paper leaves C′'s consumer open; concatenating
/// lets the cross-entropy reach both attentions). Dropout (paper 0.6) acts between layers while training.
/// Children <c>layers.0</c> … (LSTMCells), <c>hidden_attention</c>, <c>cell_attention</c> (separate parameters).
/// </summary>
public sealed class LayerAttentiveLstm : RecurrentCore
{
    private readonly ModuleList<LSTMCell> layers;
    private readonly LayerAttention hiddenAttention;
    private readonly LayerAttention cellAttention;
    private readonly Dropout dropout;

    /// <summary>Creates the core.</summary>
    /// <param name="inputSize">Size of the glimpse vector.</param>
    /// <param name="hiddenSize">r, the hidden size of every layer.</param>
    /// <param name="layerCount">L.</param>
    /// <param name="attentionSize">d_a of the layer attention.</param>
    /// <param name="dropout">Dropout between layers while training.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    /// <param name="dropoutGenerator">Random source for the dropout masks (default generator when null).</param>
    public LayerAttentiveLstm(int inputSize, int hiddenSize, int layerCount, int attentionSize, double dropout,
        Generator? generator = null, Generator? dropoutGenerator = null) : base("LayerAttentiveLstm")
    {
        if (layerCount < 1) throw new ArgumentOutOfRangeException(nameof(layerCount), layerCount, "LayerAttentiveLstm: at least one layer.");
        HiddenSize = hiddenSize;
        layers = torch.nn.ModuleList(Enumerable.Range(0, layerCount)
            .Select(l => torch.nn.LSTMCell(l == 0 ? inputSize : hiddenSize, hiddenSize, generator: generator)).ToArray());
        hiddenAttention = new LayerAttention(hiddenSize, attentionSize, generator);
        cellAttention = new LayerAttention(hiddenSize, attentionSize, generator);
        this.dropout = torch.nn.Dropout(dropout, dropoutGenerator);
        register_module("layers", layers);
        register_module("hidden_attention", hiddenAttention);
        register_module("cell_attention", cellAttention);
        register_module("dropout", this.dropout);
    }

    /// <summary>L, the number of layers.</summary>
    public int LayerCount => layers.Count;

    /// <inheritdoc/>
    public override int HiddenSize { get; }

    /// <inheritdoc/>
    public override int ReadoutSize => 2 * HiddenSize;

    /// <inheritdoc/>
    public override CoreState Initial(long batch)
    {
        var states = Enumerable.Range(0, LayerCount).Select(_ => LstmState.Zeros(batch, HiddenSize)).ToList();
        return new CoreState(states, states[0].H, torch.zeros(batch, ReadoutSize));
    }

    /// <summary>One step of the stack over glimpse vectors <paramref name="input1"/> from state <paramref name="input2"/>, then
    /// the layer attention.</summary>
    public override CoreState forward(Tensor input1, CoreState input2)
    {
        var states = new List<LstmState>(LayerCount);
        var x = input1;
        for (int l = 0; l < LayerCount; l++)
        {
            if (l > 0) x = dropout.forward(x);
            var (h, c) = layers[l].forward(x, (input2.Layers[l].H, input2.Layers[l].C));
            states.Add(new LstmState(h, c));
            x = h;
        }

        var hidden = hiddenAttention.forward(torch.stack(states.Select(s => s.H).ToList(), 1));   // eq. 3–5, 7
        var cell = cellAttention.forward(torch.stack(states.Select(s => s.C).ToList(), 1));       // eq. 3–4, 6–7
        return new CoreState(states, hidden.State, torch.cat([hidden.State, cell.State], 1), hidden.Weights, cell.Weights);
    }
}
