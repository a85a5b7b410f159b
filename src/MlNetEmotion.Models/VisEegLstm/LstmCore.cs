using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Models.VisEegLstm;

/// <summary>
/// The core of Liu et al. (vis-EEG-LSTM, section 2.2 item 2): the second LSTM layer, one LSTM cell over the glimpse
/// vectors; its hidden state h_n feeds band attention (eq. 2), the location head and the classifier p_k = p(C_k | h_N).
/// </summary>
public sealed class LstmCore : RecurrentCore
{
    private readonly LSTMCell cell;

    /// <summary>Creates the core.</summary>
    /// <param name="inputSize">Size of the glimpse vector.</param>
    /// <param name="hiddenSize">Hidden size.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public LstmCore(int inputSize, int hiddenSize, Generator? generator = null) : base("LstmCore")
    {
        HiddenSize = hiddenSize;
        cell = torch.nn.LSTMCell(inputSize, hiddenSize, generator: generator);
        register_module("cell", cell);
    }

    /// <inheritdoc/>
    public override int HiddenSize { get; }

    /// <inheritdoc/>
    public override int ReadoutSize => HiddenSize;

    /// <inheritdoc/>
    public override CoreState Initial(long batch)
    {
        var zero = LstmState.Zeros(batch, HiddenSize);
        return new CoreState([zero], zero.H, zero.H);
    }

    /// <summary>One step over glimpse vectors <paramref name="input1"/> from state <paramref name="input2"/>.</summary>
    public override CoreState forward(Tensor input1, CoreState input2)
    {
        var previous = input2.Layers[0];
        var (h, c) = cell.forward(input1, (previous.H, previous.C));
        return new CoreState([new LstmState(h, c)], h, h);
    }
}
