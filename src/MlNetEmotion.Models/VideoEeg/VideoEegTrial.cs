using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>
/// One batch of trials as the video–EEG networks read them (Liu et al. section 2.1; Wu et al. section III.B): per frame n
/// a face feature vector (from a frozen face CNN) and one EEG image per band (θ, α, β power drawn on the electrode
/// layout), aligned so EEG window n spans video frame n.
/// </summary>
/// <param name="Faces">Face features <c>[B, T, faceFeatures]</c>.</param>
/// <param name="BandImages">EEG band images <c>[B, T, bands, size, size]</c>.</param>
public sealed record VideoEegTrial(Tensor Faces, Tensor BandImages)
{
    /// <summary>Trials in the batch.</summary>
    public long Batch => Faces.size(0);

    /// <summary>Frames per trial, T.</summary>
    public long FrameCount => Faces.size(1);

    /// <summary>The face features and band images at frame <c>frames[b]</c> of each trial b (<c>[B]</c> int64).</summary>
    /// <returns>Faces <c>[B, faceFeatures]</c> and band images <c>[B, bands, size, size]</c>.</returns>
    public (Tensor Faces, Tensor BandImages) At(Tensor frames)
    {
        long batch = Batch, count = FrameCount;
        var picked = frames.ToInt64Array();
        if (picked.Length != batch) throw new ArgumentException($"VideoEegTrial: {picked.Length} frame indices for {batch} trials.", nameof(frames));
        var rows = new long[batch];
        for (int b = 0; b < batch; b++)
        {
            if (picked[b] < 0 || picked[b] >= count) throw new ArgumentOutOfRangeException(nameof(frames), picked[b], $"VideoEegTrial: frame outside [0, {count}).");
            rows[b] = b * count + picked[b];
        }

        var index = torch.tensor(rows, batch);
        var faces = Faces.reshape(batch * count, Faces.size(2)).index_select(0, index);
        long[] imageShape = [batch * count, .. BandImages.shape[2..]];
        return (faces, BandImages.reshape(imageShape).index_select(0, index));
    }
}
