using MlNetEmotion.Eeg.Topography;
using Xunit.Abstractions;

namespace MlNetEmotion.Eeg.Tests.Topography;

/// <summary>Images against MNE 1.3's <c>plot_topomap</c> interpolation and SciPy 1.10's <c>griddata</c> on real band powers.</summary>
public class TopomapParityTests(ITestOutputHelper output)
{
    private static TopomapOptions Mne(string extrapolation, TopomapInterpolation method) => new()
    {
        Extrapolation = Enum.Parse<TopomapExtrapolation>(extrapolation, ignoreCase: true),
        Interpolation = method,
        FillValue = float.NaN,
    };

    private static TopomapInterpolator MneWithQhull(string extrapolation, TopomapInterpolation method) =>
        TopomapInterpolator.Create(TopomapCases.Points("mne64_pos"), Mne(extrapolation, method),
            TopomapCases.Qhull("mne64_electrode_simplices", $"mne64_{extrapolation}_simplices"));

    [Theory]
    [InlineData("head")]
    [InlineData("local")]
    [InlineData("box")]
    public void ExtraPointsMatchMne(string extrapolation)
    {
        var ours = MneWithQhull(extrapolation, TopomapInterpolation.Linear).ExtraPoints
            .OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        var mne = TopomapCases.Points($"mne64_{extrapolation}_extra").OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        Assert.Equal(mne.Length, ours.Length);
        for (int i = 0; i < mne.Length; i++)
        {
            Assert.Equal(mne[i].X, ours[i].X, 1e-15);
            Assert.Equal(mne[i].Y, ours[i].Y, 1e-15);
        }
    }

    [Theory]
    [InlineData("head")]
    [InlineData("local")]
    [InlineData("box")]
    public void GridExtentMatchesMne(string extrapolation)
    {
        double[] extent = TopographyData.F64($"mne64_{extrapolation}_extent");
        var grid = MneWithQhull(extrapolation, TopomapInterpolation.Linear).Grid;
        Assert.Equal(extent[0], grid.X[0], 1e-17);
        Assert.Equal(extent[1], grid.X[^1], 1e-17);
        Assert.Equal(extent[2], grid.Y[0], 1e-17);
        Assert.Equal(extent[3], grid.Y[^1], 1e-17);
    }

    // Converged gradients (scipy run with tol=1e-14): the matrix reproduces them to rounding.
    [Theory]
    [InlineData("head", "cubic_tight", TopomapInterpolation.CloughTocher, 1e-10)]
    [InlineData("local", "cubic_tight", TopomapInterpolation.CloughTocher, 1e-10)]
    [InlineData("box", "cubic_tight", TopomapInterpolation.CloughTocher, 1e-10)]
    // scipy's default tol=1e-6 stops the Gauss-Seidel sweeps early; the images stay within 1e-7 of the limit.
    [InlineData("head", "cubic", TopomapInterpolation.CloughTocher, 1e-7)]
    [InlineData("box", "cubic", TopomapInterpolation.CloughTocher, 1e-7)]
    [InlineData("head", "linear", TopomapInterpolation.Linear, 1e-12)]
    [InlineData("local", "linear", TopomapInterpolation.Linear, 1e-12)]
    [InlineData("box", "linear", TopomapInterpolation.Linear, 1e-12)]
    public void MneImagesMatch(string extrapolation, string reference, TopomapInterpolation method, double tolerance)
    {
        var images = TopomapCases.Images(MneWithQhull(extrapolation, method), TopomapCases.Power64);
        double error = TopomapCases.RelativeError(TopographyData.F64($"mne64_{extrapolation}_{reference}"), images);
        output.WriteLine($"relative error {error:E2}");
        Assert.True(error <= tolerance, $"relative error {error:E2} > {tolerance:E0}");
    }

    [Fact]
    public void OwnTriangulationMatchesMneWhereEdgeOrderDoesNotMatter()
    {
        // 'box' takes no inter-electrode distance, so our own Delaunay reproduces MNE without Qhull's vertex order.
        var interpolator = TopomapInterpolator.Create(TopomapCases.PhysioNetOnStandard1020, Mne("box", TopomapInterpolation.CloughTocher));
        double error = TopomapCases.RelativeError(TopographyData.F64("mne64_box_cubic_tight"), TopomapCases.Images(interpolator, TopomapCases.Power64));
        output.WriteLine($"relative error {error:E2}");
        Assert.True(error <= 1e-10, $"relative error {error:E2}");
    }

    [Fact]
    public void OwnTriangulationStaysCloseToMneHead()
    {
        // MNE's ring radius uses the median of Qhull-ordered edges; ours reads edges in our order (documented).
        var interpolator = TopomapInterpolator.Create(TopomapCases.PhysioNetOnStandard1020, Mne("head", TopomapInterpolation.CloughTocher));
        double[] expected = TopographyData.F64("mne64_head_cubic_tight"), actual = TopomapCases.Images(interpolator, TopomapCases.Power64);
        double maxDiff = 0, maxAbs = 0;
        for (int i = 0; i < expected.Length; i++)
            if (!double.IsNaN(expected[i]) && !double.IsNaN(actual[i]))
            {
                maxDiff = Math.Max(maxDiff, Math.Abs(expected[i] - actual[i]));
                maxAbs = Math.Max(maxAbs, Math.Abs(expected[i]));
            }
        output.WriteLine($"relative error {maxDiff / maxAbs:E2}");
        Assert.True(maxDiff / maxAbs <= 1e-2, $"relative error {maxDiff / maxAbs:E2}");
    }

    [Theory]
    [InlineData("cubic_tight", TopomapInterpolation.CloughTocher, 1e-10)]
    [InlineData("cubic", TopomapInterpolation.CloughTocher, 1e-7)]
    [InlineData("linear", TopomapInterpolation.Linear, 1e-12)]
    [InlineData("nearest", TopomapInterpolation.Nearest, 0)]
    public void BashivanImagesMatchGriddata(string reference, TopomapInterpolation method, double tolerance)
    {
        var options = new TopomapOptions
        {
            Projection = TopomapProjection.Bashivan,
            Grid = TopomapGridKind.BoundingBox,
            Extrapolation = TopomapExtrapolation.None,
            Interpolation = method,
            FillValue = float.NaN,
        };
        var montage = Eeg.Montages.StandardMontages.Create("biosemi32").Select(Eeg.Montages.DeapChannels.Names);
        var images = TopomapCases.Images(TopomapInterpolator.Create(montage, options), TopomapCases.Power32);
        double error = TopomapCases.RelativeError(TopomapCases.Transpose(TopographyData.F64($"bashivan32_{reference}")), images);
        output.WriteLine($"relative error {error:E2}");
        Assert.True(error <= tolerance, $"relative error {error:E2} > {tolerance:E0}");
    }
}
