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
        var rows = Rows(frames);
        return (FlatFaces.index_select(0, rows), FlatBandImages.index_select(0, rows));
    }

    /// <summary>The face features with trials and frames on one axis, <c>[B·T, faceFeatures]</c> (row b·T + t).</summary>
    public Tensor FlatFaces => Faces.reshape(Batch * FrameCount, Faces.size(2));

    /// <summary>The band images with trials and frames on one axis, <c>[B·T, bands, size, size]</c> (row b·T + t).</summary>
    public Tensor FlatBandImages => BandImages.reshape([Batch * FrameCount, .. BandImages.shape[2..]]);

    /// <summary>The rows of <see cref="FlatFaces"/> and <see cref="FlatBandImages"/> holding frame <c>frames[b]</c> of each
    /// trial b (<c>[B]</c> int64): b·T + frames[b], <c>[B]</c> int64.</summary>
    /// <exception cref="ArgumentException">Not one frame per trial.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A frame outside [0, T).</exception>
    public Tensor Rows(Tensor frames)
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
        return torch.tensor(rows, batch);
    }
}
