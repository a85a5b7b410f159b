using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>
/// The glimpse part of Liu et al. (vis-EEG-LSTM, section 2.2 item 1; Wu et al. section IV.A item 1): the first LSTM layer
/// is two LSTMs with shared parameters, one over the face features x_v,n and one over the EEG features x_e,n, each with
/// its own state; their hidden states are concatenated into the glimpse vector. One <c>cell</c> (an LSTMCell) holds the
/// shared parameters.
/// </summary>
public sealed class Glimpse : Module<GlimpseInput, GlimpseState>
{
    private readonly LSTMCell cell;

    /// <summary>Creates the layer.</summary>
    /// <param name="features">Size of x_v,n and x_e,n (equal, the parameters are shared).</param>
    /// <param name="hiddenSize">Hidden size of each LSTM; the glimpse vector has twice this size.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public Glimpse(int features, int hiddenSize, Generator? generator = null) : base("Glimpse")
    {
        HiddenSize = hiddenSize;
        cell = torch.nn.LSTMCell(features, hiddenSize, generator: generator);
        register_module("cell", cell);
    }

    /// <summary>Hidden size of each of the two LSTMs.</summary>
    public int HiddenSize { get; }

    /// <summary>Zero states for <paramref name="batch"/> rows.</summary>
    public GlimpseState Initial(long batch) => new(LstmState.Zeros(batch, HiddenSize), LstmState.Zeros(batch, HiddenSize));

    /// <summary>One step of both LSTMs.</summary>
    public override GlimpseState forward(GlimpseInput input)
    {
        var (hv, cv) = cell.forward(input.Visual, (input.Previous.Visual.H, input.Previous.Visual.C));
        var (he, ce) = cell.forward(input.Eeg, (input.Previous.Eeg.H, input.Previous.Eeg.C));
        return new GlimpseState(new LstmState(hv, cv), new LstmState(he, ce));
    }
}

/// <summary>Input of one <see cref="Glimpse"/> step.</summary>
/// <param name="Visual">Face features x_v,n, <c>[B, features]</c>.</param>
/// <param name="Eeg">EEG features x_e,n, <c>[B, features]</c>.</param>
/// <param name="Previous">The two LSTMs' states after step n − 1.</param>
public sealed record GlimpseInput(Tensor Visual, Tensor Eeg, GlimpseState Previous);

/// <summary>States of the glimpse's face and EEG LSTMs.</summary>
/// <param name="Visual">The face LSTM's state.</param>
/// <param name="Eeg">The EEG LSTM's state.</param>
public sealed record GlimpseState(LstmState Visual, LstmState Eeg)
{
    /// <summary>The glimpse vector: the two hidden states concatenated, <c>[B, 2·hidden]</c>.</summary>
    public Tensor Output => torch.cat([Visual.H, Eeg.H], 1);
}
