using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>
/// The core part of the temporal hard attention (Liu et al. section 2.2 item 2; Wu et al. section IV.A item 2): a
/// recurrence over the glimpse vectors that integrates the frames seen so far. <c>forward(glimpse, previous)</c> gives
/// the next <see cref="CoreState"/>.
/// </summary>
public abstract class RecurrentCore : Module<Tensor, CoreState, CoreState>
{
    /// <summary>Creates the core with a display name.</summary>
    protected RecurrentCore(string name) : base(name)
    {
    }

    /// <summary>Size of <see cref="CoreState.Hidden"/>, the state band attention reads as h_(n−1).</summary>
    public abstract int HiddenSize { get; }

    /// <summary>Size of <see cref="CoreState.Readout"/>, what the location head and the classifier read.</summary>
    public abstract int ReadoutSize { get; }

    /// <summary>The state before the first step (zeros) for <paramref name="batch"/> rows.</summary>
    public abstract CoreState Initial(long batch);
}

/// <summary>State of a <see cref="RecurrentCore"/> after a step.</summary>
/// <param name="Layers">Each LSTM layer's hidden and cell state.</param>
/// <param name="Hidden">h_n as band attention reads it at the next step, <c>[B, HiddenSize]</c>.</param>
/// <param name="Readout">What the location head and the classifier read, <c>[B, ReadoutSize]</c>.</param>
/// <param name="HiddenLayerWeights">Layer attention weights α over the hidden states <c>[B, L]</c> (null without layer attention).</param>
/// <param name="CellLayerWeights">Layer attention weights β over the cell states <c>[B, L]</c> (null without layer attention).</param>
public sealed record CoreState(IReadOnlyList<LstmState> Layers, Tensor Hidden, Tensor Readout,
    Tensor? HiddenLayerWeights = null, Tensor? CellLayerWeights = null);
