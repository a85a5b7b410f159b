using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>Hidden and cell state of one LSTM (layer), each <c>[B, hidden]</c>.</summary>
/// <param name="H">Hidden state h.</param>
/// <param name="C">Cell state c.</param>
public sealed record LstmState(Tensor H, Tensor C)
{
    /// <summary>Zero state for <paramref name="batch"/> rows.</summary>
    public static LstmState Zeros(long batch, long hidden) => new(torch.zeros(batch, hidden), torch.zeros(batch, hidden));
}
