using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Datasets.Synthetic.Faces;
using MlNetEmotion.Vision.Faces;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Faces;

/// <summary>Two hand-made features of the mouth in the frame's true face box, cropped to 48×48 grey (area resize).
/// Inside the mouth band (rows 0.62..0.88, columns 0.35..0.65 of the crop) each pixel weighs by how much darker it is
/// than the band's mean (lips, mouth line and opening are darker than skin; teeth weigh nothing).</summary>
internal static class MouthFeatures
{
    private const int Size = 48;
    private const int Top = (int)(0.62 * Size), Bottom = (int)(0.88 * Size);

    /// <summary>CornerLift: how far the dark centroid of the mouth's centre columns lies below that of its corner
    /// columns, in crop pixels (positive for a smile). CentreDarkness: the dark mass of the centre columns over the band's
    /// mean (an open mouth adds a dark gap).</summary>
    public static (double CornerLift, double CentreDarkness) Of(SyntheticFaceFrame frame)
    {
        var grey = FaceCropper.CropSquare(frame.Image, frame.Face, Size).ToGrey();
        double mean = 0;
        for (int y = Top; y < Bottom; y++)
            for (int x = Column(0.35); x < Column(0.65); x++) mean += grey[y, x];
        mean /= (Bottom - Top) * (Column(0.65) - Column(0.35));
        var (left, _) = DarkCentroid(grey, mean, Column(0.37), Column(0.45));
        var (right, _) = DarkCentroid(grey, mean, Column(0.55), Column(0.63));
        var (centre, mass) = DarkCentroid(grey, mean, Column(0.47), Column(0.53));
        return (centre - (left + right) / 2, mass / (mean + 1));
    }

    private static int Column(double fraction) => (int)(fraction * Size);

    private static (double Row, double Mass) DarkCentroid(Image<byte> grey, double mean, int x0, int x1)
    {
        double mass = 0, moment = 0;
        for (int y = Top; y < Bottom; y++)
            for (int x = x0; x < x1; x++)
            {
                double dark = Math.Max(0, mean - grey[y, x]);
                mass += dark;
                moment += dark * y;
            }
        return (moment / (mass + 1e-9), mass);
    }
}
