using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography;

namespace MlNetEmotion.Eeg.Tests.Topography;

public class TopomapInterpolatorTests
{
    private static readonly Lazy<TopomapInterpolator> Default = new(() => TopomapInterpolator.Create(TopomapCases.PhysioNetOnStandard1020));

    [Fact]
    public void BatchEqualsOneAtATimeAndDouble()
    {
        var interp = Default.Value;
        float[] values = TopomapCases.Power64.Select(v => (float)v).ToArray();
        int count = values.Length / 64, pixels = interp.Height * interp.Width;
        // 13 maps: one 8-wide SIMD block plus a scalar remainder
        float[] many = Enumerable.Range(0, 13).SelectMany(i => values.Skip(64 * (i % count)).Take(64)).ToArray();
        var batch = new float[13 * pixels];
        interp.InterpolateBatch(many, batch, 13);
        var single = new float[pixels];
        var reference = new double[pixels];
        for (int m = 0; m < 13; m++)
        {
            interp.InterpolateBatch(many.AsSpan(m * 64, 64), single, 1);
            Assert.Equal(single, batch.AsSpan(m * pixels, pixels).ToArray());
            interp.Interpolate(many.AsSpan(m * 64, 64), single);
            interp.Interpolate(many.AsSpan(m * 64, 64).ToArray().Select(v => (double)v).ToArray(), reference);
            double scale = reference.Max(Math.Abs);
            for (int i = 0; i < pixels; i++) Assert.True(Math.Abs(reference[i] - single[i]) <= 1e-5 * scale, $"pixel {i}");
        }
    }

    [Fact]
    public void ConstantFieldIsReproducedInsideTheHull()
    {
        // Clough-Tocher and linear interpolation reproduce constants (gradients vanish); border='mean' extends them.
        foreach (var method in new[] { TopomapInterpolation.CloughTocher, TopomapInterpolation.Linear, TopomapInterpolation.Nearest })
        {
            var interp = TopomapInterpolator.Create(TopomapCases.PhysioNetOnStandard1020, new TopomapOptions { Interpolation = method, FillValue = float.NaN });
            var image = new double[interp.Height * interp.Width];
            interp.Interpolate(Enumerable.Repeat(2.5, 64).ToArray(), image);
            Assert.All(image.Where(v => !double.IsNaN(v)), v => Assert.Equal(2.5, v, 1e-12));
            if (method != TopomapInterpolation.Nearest) Assert.Contains(image, double.IsNaN); // corners lie outside the extra-point ring
        }
    }

    [Fact]
    public void LinearFieldIsReproducedByCloughTocher()
    {
        // scipy's curvature-minimising gradients are exact for linear data, so the cubic is exact too.
        var interp = TopomapInterpolator.Create(TopomapCases.Points("bashivan32_pos"), TopomapOptions.Bashivan);
        double[] values = interp.Electrodes.Select(p => 3 * p.X - 2 * p.Y + 1).ToArray();
        var image = new double[interp.Height * interp.Width];
        interp.Interpolate(values, image);
        for (int i = 0; i < interp.Height; i++)
            for (int j = 0; j < interp.Width; j++)
            {
                double v = image[i * interp.Width + j];
                if (v != 0) Assert.Equal(3 * interp.Grid.X[j] - 2 * interp.Grid.Y[i] + 1, v, 1e-12);
            }
    }

    [Fact]
    public void MaskOutsideHeadFillsTheCorners()
    {
        var interp = TopomapInterpolator.Create(TopomapCases.PhysioNetOnStandard1020, new TopomapOptions { MaskOutsideHead = true, FillValue = -1 });
        var image = new float[interp.Height * interp.Width];
        interp.Interpolate(Enumerable.Repeat(1f, 64).ToArray(), image);
        Assert.Equal(-1, image[0]);
        Assert.Equal(1, image[16 * 32 + 16], 1e-6);
        Assert.Equal(image.Length - image.Count(v => v == -1), Enumerable.Range(0, 1024).Count(p => interp.Grid.InsideHead(interp.Grid[p / 32, p % 32])));
    }

    [Fact]
    public void ConstantBorderIsAnOffset()
    {
        var interp = TopomapInterpolator.Create(TopomapCases.PhysioNetOnStandard1020, new TopomapOptions { Border = 5, Interpolation = TopomapInterpolation.Linear });
        var image = new double[interp.Height * interp.Width];
        interp.Interpolate(new double[64], image);
        Assert.True(image.Max() > 4.9 && image.Min() == 0);
    }

    [Fact]
    public void NonFiniteValuesAreRejectedWithTheirPosition()
    {
        var values = new float[64];
        values[17] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => Default.Value.Interpolate(values, new float[1024]));
        Assert.Contains("electrode 17", e.Message);
    }

    [Fact]
    public void WrongValueCountIsRejected() =>
        Assert.Throws<ArgumentException>(() => Default.Value.Interpolate(new float[32], new float[1024]));

    [Fact]
    public void WeightsAreAPrecomputedSparseMatrix()
    {
        var w = Default.Value.Weights;
        Assert.Equal(1024, w.Rows);
        Assert.Equal(64, w.Columns);
        Assert.InRange(w.NonZeroCount, 1, 1024 * 64);
    }

    [Fact]
    public void DeapGridPlacesChannelsLikeTorchEeg()
    {
        var grid = ElectrodeGrid.Deap(DeapChannels.Names);
        float[] values = Enumerable.Range(1, 32).Select(i => (float)i).ToArray();
        var image = new float[81];
        grid.InterpolateBatch(values, image, 1);
        Assert.Equal(1, image[0 * 9 + 3]);   // FP1
        Assert.Equal(17, image[0 * 9 + 5]);  // FP2
        Assert.Equal(4, image[2 * 9 + 0]);   // F7
        Assert.Equal(24, image[4 * 9 + 4]);  // CZ
        Assert.Equal(15, image[8 * 9 + 4]);  // OZ
        Assert.Equal(32, image.Count(v => v != 0));
        Assert.Throws<UnknownChannelException>(() => ElectrodeGrid.Deap(["Fp1", "Iz"]));
    }
}
