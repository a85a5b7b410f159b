using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>Hidden and cell state of one LSTM (layer), each <c>[B, hidden]</c>: the glimpse and core states of Liu et al.
/// (vis-EEG-LSTM, section 2.2) and the per-layer h_t^(l), c_t^(l) of Wu et al. (IEEE Access 2020, eq. 5–6).</summary>
/// <param name="H">Hidden state h.</param>
/// <param name="C">Cell state c.</param>
public sealed record LstmState(Tensor H, Tensor C)
{
    /// <summary>Zero state for <paramref name="batch"/> rows.</summary>
    public static LstmState Zeros(long batch, long hidden) => new(torch.zeros(batch, hidden), torch.zeros(batch, hidden));
}
