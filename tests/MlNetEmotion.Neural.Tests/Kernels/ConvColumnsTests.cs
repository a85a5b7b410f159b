using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Tests.Kernels;

public class ConvColumnsTests
{
    /// <summary>Direct convolution in double: out[co, oy, ox] = Σ w[co, c, ki, kj] · x[c, iy, ix], padding zero.</summary>
    private static double[] DirectConvolution(in ConvGeometry g, float[] x, float[] w, int outChannels)
    {
        var y = new double[outChannels * g.ColumnCols];
        for (int co = 0; co < outChannels; co++)
            for (int oy = 0; oy < g.OutputHeight; oy++)
                for (int ox = 0; ox < g.OutputWidth; ox++)
                {
                    double sum = 0;
                    for (int c = 0; c < g.Channels; c++)
                        for (int ki = 0; ki < g.KernelHeight; ki++)
                            for (int kj = 0; kj < g.KernelWidth; kj++)
                            {
                                int iy = oy * g.StrideHeight - g.PadTop + ki * g.DilationHeight;
                                int ix = ox * g.StrideWidth - g.PadLeft + kj * g.DilationWidth;
                                if (iy < 0 || iy >= g.Height || ix < 0 || ix >= g.Width) continue;
                                sum += (double)w[((co * g.Channels + c) * g.KernelHeight + ki) * g.KernelWidth + kj]
                                    * x[(c * g.Height + iy) * g.Width + ix];
                            }
                    y[(co * g.OutputHeight + oy) * g.OutputWidth + ox] = sum;
                }
        return y;
    }

    public static TheoryData<ConvGeometry> Geometries() =>
    [
        ConvGeometry.For2d(3, 8, 8, (3, 3), (1, 1), (1, 1), (1, 1)),
        ConvGeometry.For2d(2, 9, 7, (3, 2), (2, 3), (1, 2), (1, 1)),
        ConvGeometry.For2d(4, 10, 11, (3, 3), (1, 2), (2, 2), (2, 3)),
        new ConvGeometry(2, 6, 6, 2, 4, PadTop: 0, PadLeft: 1, PadBottom: 1, PadRight: 2),
        ConvGeometry.For2d(1, 5, 5, (5, 5), (1, 1), (0, 0), (1, 1)),
        ConvGeometry.For1d(3, 20, 5, stride: 2, padLeft: 2, padRight: 2, dilation: 2),
        ConvGeometry.For1d(2, 7, 1),
    ];

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Im2ColThenGemm_EqualsDirectConvolution(ConvGeometry g)
    {
        const int outChannels = 5;
        var x = GemmReference.Random(g.InputSize, 11);
        var w = GemmReference.Random(outChannels * g.ColumnRows, 12);
        var columns = Enumerable.Repeat(float.NaN, g.ColumnRows * g.ColumnCols).ToArray();
        ConvColumns.Im2Col(g, x, columns);
        var y = new float[outChannels * g.ColumnCols];
        Gemm.Sgemm(false, false, outChannels, g.ColumnCols, g.ColumnRows, 1, w, g.ColumnRows, columns, g.ColumnCols, 0, y, g.ColumnCols);
        var expected = DirectConvolution(g, x, w, outChannels);
        for (int i = 0; i < y.Length; i++)
            Assert.True(Math.Abs(y[i] - expected[i]) <= 1e-5 * (1 + Math.Abs(expected[i])), $"y[{i}] = {y[i]}, expected {expected[i]} for {g}");
    }

    [Fact]
    public void Im2Col_KnownSmallCase()
    {
        // 1 channel 3×3 image 1..9, 2×2 kernel, stride 1, padding 0: 4 rows (taps) × 4 columns (positions).
        var g = new ConvGeometry(1, 3, 3, 2, 2);
        var columns = new float[16];
        ConvColumns.Im2Col(g, [1, 2, 3, 4, 5, 6, 7, 8, 9], columns);
        Assert.Equal(new float[] { 1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9 }, columns);
    }

    [Fact]
    public void Col2Im_IsAdjointOfIm2Col_Property()
    {
        var gen =
            from c in Gen.Choose(1, 3)
            from h in Gen.Choose(1, 9)
            from w in Gen.Choose(1, 9)
            from kh in Gen.Choose(1, 3)
            from kw in Gen.Choose(1, 3)
            from sh in Gen.Choose(1, 3)
            from sw in Gen.Choose(1, 3)
            from pads in Gen.ArrayOf(Gen.Choose(0, 2), 4)
            from dh in Gen.Choose(1, 2)
            from dw in Gen.Choose(1, 2)
            select new ConvGeometry(c, h, w, kh, kw, sh, sw, pads[0], pads[1], pads[2], pads[3], dh, dw);
        Prop.ForAll(gen.ToArbitrary(), g =>
        {
            bool fits = g.Height + g.PadTop + g.PadBottom >= g.DilationHeight * (g.KernelHeight - 1) + 1
                && g.Width + g.PadLeft + g.PadRight >= g.DilationWidth * (g.KernelWidth - 1) + 1;
            if (!fits) return true;
            var x = GemmReference.Random(g.InputSize, g.GetHashCode());
            var y = GemmReference.Random(g.ColumnRows * g.ColumnCols, g.GetHashCode() + 1);
            var cols = new float[y.Length];
            ConvColumns.Im2Col(g, x, cols);
            var back = new float[x.Length];
            ConvColumns.Col2Im(g, y, back);
            double left = 0, right = 0;
            for (int i = 0; i < y.Length; i++) left += (double)cols[i] * y[i];
            for (int i = 0; i < x.Length; i++) right += (double)x[i] * back[i];
            return Math.Abs(left - right) <= 1e-4 * (1 + Math.Abs(left));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Col2Im_AddsOntoExistingValues()
    {
        var g = new ConvGeometry(1, 3, 3, 2, 2);
        var image = Enumerable.Repeat(10f, 9).ToArray();
        ConvColumns.Col2Im(g, Enumerable.Repeat(1f, 16).ToArray(), image);
        // Corner pixels lie in 1 window, edge pixels in 2, the centre in 4.
        Assert.Equal(new float[] { 11, 12, 11, 12, 14, 12, 11, 12, 11 }, image);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void StridedColumns_match_contiguous_ones_side_by_side(ConvGeometry g)
    {
        var rnd = new Random(5);
        var x = Enumerable.Range(0, g.InputSize).Select(_ => (float)rnd.NextDouble() - 0.5f).ToArray();
        var own = new float[g.ColumnRows * g.ColumnCols];
        ConvColumns.Im2Col(g, x, own);
        int stride = 3 * g.ColumnCols + 1, offset = g.ColumnCols + 1;
        var wide = Enumerable.Repeat(float.NaN, (g.ColumnRows - 1) * stride + offset + g.ColumnCols).ToArray();
        ConvColumns.Im2Col(g, x, wide.AsSpan(offset), stride);
        for (int r = 0; r < g.ColumnRows; r++)
            Assert.Equal(own.AsSpan(r * g.ColumnCols, g.ColumnCols).ToArray(), wide.AsSpan(offset + r * stride, g.ColumnCols).ToArray());

        var back = new float[g.InputSize];
        var backStrided = new float[g.InputSize];
        ConvColumns.Col2Im(g, own, back);
        ConvColumns.Col2Im(g, wide.AsSpan(offset), backStrided, stride);
        Assert.Equal(back, backStrided);
        Assert.Equal("columnStride", Assert.Throws<ArgumentException>(() => ConvColumns.Im2Col(g, x, wide, g.ColumnCols - 1)).ParamName);
    }

    [Fact]
    public void BadGeometryOrSpans_Throw()
    {
        var e = Assert.Throws<ArgumentException>(() => ConvColumns.Im2Col(new ConvGeometry(1, 3, 3, 5, 5), new float[9], new float[100]));
        Assert.Contains("does not fit", e.Message);
        Assert.Throws<ArgumentException>(() => ConvColumns.Im2Col(new ConvGeometry(1, 3, 3, 2, 2, StrideHeight: 0), new float[9], new float[100]));
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => ConvColumns.Im2Col(new ConvGeometry(1, 3, 3, 2, 2), new float[9], new float[15])).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => ConvColumns.Col2Im(new ConvGeometry(1, 3, 3, 2, 2), new float[16], new float[8])).ParamName);
    }
}
