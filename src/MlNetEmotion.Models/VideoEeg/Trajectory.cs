using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>One sampled glimpse sequence τ of the temporal hard attention (Liu et al. eq. 7; Wu et al. eq. 14).</summary>
/// <param name="Frames">Glimpsed frames f_1 … f_N, <c>[1, N]</c> int64 (f_1 = 0).</param>
/// <param name="Actions">Sampled positions a_1 … a_(N−1) that chose f_2 … f_N, <c>[1, N − 1]</c>.</param>
/// <param name="Output">The network's outputs along the sequence (recorded for autograd).</param>
public sealed record Trajectory(Tensor Frames, Tensor Actions, GlimpseSequenceOutput Output)
{
    /// <summary>N, the number of glimpses.</summary>
    public int Glimpses => (int)Frames.size(1);
}
