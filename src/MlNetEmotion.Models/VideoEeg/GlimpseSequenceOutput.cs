using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>What a <see cref="GlimpseSequenceNetwork"/> gives for N glimpses: the class scores p = (p_1 … p_C) of Liu et al.
/// (section 2.2 item 3) and the attention weights their losses read (Liu et al. eq. 3; Wu et al. eq. 8–10).</summary>
/// <param name="Logits">Class scores from the last readout, <c>[B, classes]</c> (softmax gives p(C_k | h_N)).</param>
/// <param name="BandWeights">Band attention weights θ_n, <c>[B, N, bands]</c>.</param>
/// <param name="LocationMeans">Mean of the location policy after each glimpse (the next frame's position), <c>[B, N]</c>.</param>
/// <param name="Readouts">Core readouts after each glimpse, <c>[B, N, readout]</c> (e.g. for a reward baseline).</param>
/// <param name="HiddenLayerWeights">Layer attention weights α, <c>[B, N, L]</c> (null without layer attention).</param>
/// <param name="CellLayerWeights">Layer attention weights β, <c>[B, N, L]</c> (null without layer attention).</param>
public sealed record GlimpseSequenceOutput(Tensor Logits, Tensor BandWeights, Tensor LocationMeans, Tensor Readouts,
    Tensor? HiddenLayerWeights, Tensor? CellLayerWeights);
