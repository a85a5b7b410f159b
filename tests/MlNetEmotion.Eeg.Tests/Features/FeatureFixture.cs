using MlNetEmotion.Core.IO;
using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Tests.Features;

/// <summary>The eight S001R01 channels the SciPy feature fixtures use (make_feature_fixtures.py).</summary>
internal static class FeatureFixture
{
    public static readonly string[] Names = ["Fc5.", "C3..", "Cz..", "F3..", "F4..", "Pz..", "O1..", "T8.."];

    private static readonly Lazy<double[][]> channels = new(() =>
    {
        var recording = EdfReader.Read(TestData.Path("S001R01.edf"));
        return Names.Select(n => recording.Channels[recording.IndexOf(n)].Samples).ToArray();
    });

    public static double[][] Channels => channels.Value;

    public const double Rate = 160;

    public static NpyArray Load(string name) => Npy.Read(TestData.Path("features", name));

    /// <summary>Asserts |a − e| ≤ rel·|e| + abs element by element.</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double relative, double absolute = 0)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = relative * Math.Abs(expected[i]) + absolute;
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"index {i}: expected {expected[i]}, got {actual[i]} (tolerance {tolerance})");
        }
    }
}
