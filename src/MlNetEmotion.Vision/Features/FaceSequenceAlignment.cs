using MlNetEmotion.Data;

namespace MlNetEmotion.Vision.Features;

/// <summary>One clip's padded network input: the kept frames' maps and labels, their count and the dropped count.</summary>
/// <param name="Features">[T, C, H, W]: the kept frames' maps, then zeros.</param>
/// <param name="Label">[T, targets]: the kept frames' labels, then zeros.</param>
/// <param name="Length">Kept frames.</param>
/// <param name="MissedFaces">Frames dropped for want of a face.</param>
public sealed record FaceSequenceAlignment(float[] Features, float[] Label, int Length, int MissedFaces)
{
    /// <summary>Pads one clip: the face crops' timestamps pick, among the clip's frame timestamps, the frames whose
    /// labels are kept.</summary>
    /// <param name="maps">[kept, mapSize] maps of the face crops.</param>
    /// <param name="mapSize">C · H · W.</param>
    /// <param name="faceTimes">Timestamps of the face crops, increasing, each one of <paramref name="frameTimes"/>.</param>
    /// <param name="frameTimes">Timestamps of all frames of the clip.</param>
    /// <param name="labels">Per target, one label per frame of the clip.</param>
    /// <param name="frames">T.</param>
    /// <param name="row">Row index, for errors.</param>
    /// <param name="labelColumns">Label column names, for errors.</param>
    /// <returns>The padded clip.</returns>
    /// <exception cref="DataValidationException">A label vector's length differs from the frame count, a face crop's
    /// time is not a frame time, or more frames kept a face than T (names the row and column).</exception>
    public static FaceSequenceAlignment Pad(ReadOnlySpan<float> maps, int mapSize, IReadOnlyList<double> faceTimes, IReadOnlyList<double> frameTimes,
        IReadOnlyList<float[]> labels, int frames, long row, IReadOnlyList<string> labelColumns)
    {
        int kept = faceTimes.Count, targets = labels.Count;
        for (int d = 0; d < targets; d++)
            if (labels[d].Length != frameTimes.Count)
                throw new DataValidationException($"Column '{labelColumns[d]}', row {row}: {labels[d].Length} labels for {frameTimes.Count} frames; one label per frame is required.", labelColumns[d], row);
        if (kept > frames)
            throw new DataValidationException($"Row {row}: {kept} frames with a face, more than the {frames} of FaceSequenceAlignmentOptions.Frames; raise it.", null, row);
        if (maps.Length != kept * mapSize)
            throw new DataValidationException($"Row {row}: {maps.Length} feature values for {kept} face crops of {mapSize} values.", null, row);
        var features = new float[frames * mapSize];
        maps.CopyTo(features);
        var label = new float[frames * targets];
        int frame = 0;
        for (int k = 0; k < kept; k++)
        {
            while (frame < frameTimes.Count && frameTimes[frame] != faceTimes[k]) frame++;
            if (frame == frameTimes.Count)
                throw new DataValidationException($"Row {row}: face crop {k} at {faceTimes[k]} s matches no frame time of the clip (crops must come from its frames, in order).", null, row);
            for (int d = 0; d < targets; d++) label[k * targets + d] = labels[d][frame];
            frame++;
        }
        return new FaceSequenceAlignment(features, label, kept, frameTimes.Count - kept);
    }
}
