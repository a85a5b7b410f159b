using MlNetEmotion.Vision.Features;

namespace MlNetEmotion.Vision.Tests.Features;

public class FaceSequenceAlignmentTests
{
    private static readonly double[] FrameTimes = [0, 0.2, 0.4, 0.6, 0.8];
    private static readonly string[] Columns = ["Valence", "Arousal"];

    [Fact]
    public void FramesWithoutAFaceLeaveTheLabelsAndAreCounted()
    {
        // Faces at frames 0, 2, 3 (1 and 4 had none); maps of 2 values; T = 4.
        float[] maps = [1, 2, 3, 4, 5, 6];
        float[][] labels = [[0.1f, 0.2f, 0.3f, 0.4f, 0.5f], [-0.1f, -0.2f, -0.3f, -0.4f, -0.5f]];

        var row = FaceSequenceAlignment.Pad(maps, 2, [0, 0.4, 0.6], FrameTimes, labels, 4, 7, Columns);

        Assert.Equal([1, 2, 3, 4, 5, 6, 0, 0], row.Features);
        Assert.Equal([0.1f, -0.1f, 0.3f, -0.3f, 0.4f, -0.4f, 0, 0], row.Label);
        Assert.Equal((3, 2), (row.Length, row.MissedFaces));
    }

    [Fact]
    public void BadRowsGetTypedErrorsNamingTheRow()
    {
        float[][] shortLabels = [[0.1f, 0.2f, 0.3f, 0.4f, 0.5f], [0.1f, 0.2f, 0.3f]];
        var e = Assert.Throws<DataValidationException>(() => FaceSequenceAlignment.Pad(new float[2], 2, [0], FrameTimes, shortLabels, 4, 7, Columns));
        Assert.Equal(("Arousal", 7L), (e.ColumnName, e.Row));
        Assert.Contains("3 labels for 5 frames", e.Message);

        float[][] labels = [new float[5], new float[5]];
        e = Assert.Throws<DataValidationException>(() => FaceSequenceAlignment.Pad(new float[10], 2, [0, 0.2, 0.4, 0.6, 0.8], FrameTimes, labels, 4, 7, Columns));
        Assert.Contains("5 frames with a face, more than the 4", e.Message);

        e = Assert.Throws<DataValidationException>(() => FaceSequenceAlignment.Pad(new float[2], 2, [0.3], FrameTimes, labels, 4, 7, Columns));
        Assert.Contains("matches no frame time", e.Message);
    }
}
