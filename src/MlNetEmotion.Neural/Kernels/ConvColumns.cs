namespace MlNetEmotion.Neural.Kernels;

/// <summary>
/// im2col / col2im for convolutions on one NCHW image: <see cref="Im2Col"/> lays every receptive field out as
/// a column so a convolution becomes <c>W[Cout, C·kH·kW] · columns[C·kH·kW, outH·outW]</c> through
/// <see cref="Gemm.Sgemm"/>; <see cref="Col2Im"/> is its adjoint (the input gradient), adding overlapping
/// windows. Row order is PyTorch's weight order <c>(c, kh, kw)</c>; columns are output positions row-major.
/// Both run on the calling thread (parallelise over the batch, one image per task); each output element is
/// written in a fixed order, so results do not depend on the caller's thread split.
/// </summary>
public static class ConvColumns
{
    /// <summary>Fills <paramref name="columns"/> (<c>ColumnRows × ColumnCols</c>, row stride ColumnCols) from
    /// <paramref name="input"/> (<c>Channels × Height × Width</c>); padding reads as zero.</summary>
    /// <param name="geometry">Convolution shape.</param>
    /// <param name="input">One image.</param>
    /// <param name="columns">Destination column matrix.</param>
    /// <exception cref="ArgumentException">The geometry is invalid or a span is too short.</exception>
    public static void Im2Col(in ConvGeometry geometry, ReadOnlySpan<float> input, Span<float> columns)
    {
        CheckSpans(geometry, input.Length, columns.Length);
        var g = geometry;
        int outH = g.OutputHeight, outW = g.OutputWidth, plane = g.Height * g.Width;
        int row = 0;
        for (int c = 0; c < g.Channels; c++)
        {
            var src = input.Slice(c * plane, plane);
            for (int ki = 0; ki < g.KernelHeight; ki++)
            {
                for (int kj = 0; kj < g.KernelWidth; kj++, row++)
                {
                    var dst = columns.Slice(row * outH * outW, outH * outW);
                    var (x0, x1) = ValidRange(g.PadLeft - kj * g.DilationWidth, g.StrideWidth, g.Width, outW);
                    for (int oy = 0; oy < outH; oy++)
                    {
                        var d = dst.Slice(oy * outW, outW);
                        int iy = oy * g.StrideHeight - g.PadTop + ki * g.DilationHeight;
                        if ((uint)iy >= (uint)g.Height || x0 >= x1)
                        {
                            d.Clear();
                            continue;
                        }
                        d[..x0].Clear();
                        d[x1..].Clear();
                        int ix0 = x0 * g.StrideWidth - g.PadLeft + kj * g.DilationWidth;
                        var s = src.Slice(iy * g.Width);
                        if (g.StrideWidth == 1)
                            s.Slice(ix0, x1 - x0).CopyTo(d[x0..x1]);
                        else
                            for (int ox = x0, ix = ix0; ox < x1; ox++, ix += g.StrideWidth) d[ox] = s[ix];
                    }
                }
            }
        }
    }

    /// <summary>Adds the columns back onto the image: <paramref name="input"/> += col2im(<paramref name="columns"/>),
    /// the adjoint of <see cref="Im2Col"/>. Values that fall on padding are dropped. Clear
    /// <paramref name="input"/> first for a plain (non-accumulating) result.</summary>
    /// <param name="geometry">Convolution shape.</param>
    /// <param name="columns">Column matrix (<c>ColumnRows × ColumnCols</c>), e.g. <c>Wᵀ · dY</c>.</param>
    /// <param name="input">Image gradient to add into.</param>
    /// <exception cref="ArgumentException">The geometry is invalid or a span is too short.</exception>
    public static void Col2Im(in ConvGeometry geometry, ReadOnlySpan<float> columns, Span<float> input)
    {
        CheckSpans(geometry, input.Length, columns.Length);
        var g = geometry;
        int outH = g.OutputHeight, outW = g.OutputWidth, plane = g.Height * g.Width;
        int row = 0;
        for (int c = 0; c < g.Channels; c++)
        {
            var dstPlane = input.Slice(c * plane, plane);
            for (int ki = 0; ki < g.KernelHeight; ki++)
            {
                for (int kj = 0; kj < g.KernelWidth; kj++, row++)
                {
                    var src = columns.Slice(row * outH * outW, outH * outW);
                    var (x0, x1) = ValidRange(g.PadLeft - kj * g.DilationWidth, g.StrideWidth, g.Width, outW);
                    if (x0 >= x1) continue;
                    int ix0 = x0 * g.StrideWidth - g.PadLeft + kj * g.DilationWidth;
                    for (int oy = 0; oy < outH; oy++)
                    {
                        int iy = oy * g.StrideHeight - g.PadTop + ki * g.DilationHeight;
                        if ((uint)iy >= (uint)g.Height) continue;
                        var s = src.Slice(oy * outW);
                        var d = dstPlane.Slice(iy * g.Width);
                        if (g.StrideWidth == 1)
                            System.Numerics.Tensors.TensorPrimitives.Add(d.Slice(ix0, x1 - x0), s[x0..x1], d.Slice(ix0, x1 - x0));
                        else
                            for (int ox = x0, ix = ix0; ox < x1; ox++, ix += g.StrideWidth) d[ix] += s[ox];
                    }
                }
            }
        }
    }

    /// <summary>Output columns <c>[start, end)</c> whose input column <c>ox·stride − offset</c> lies in
    /// <c>[0, width)</c>, where <paramref name="offset"/> = padLeft − kj·dilation.</summary>
    private static (int Start, int End) ValidRange(int offset, int stride, int width, int outW)
    {
        // ox·stride − offset ≥ 0  ⇔  ox ≥ ceil(offset / stride);  ox·stride − offset ≤ width − 1.
        int start = offset <= 0 ? 0 : (offset + stride - 1) / stride;
        int last = width - 1 + offset;
        int end = last < 0 ? 0 : last / stride + 1;
        start = Math.Min(start, outW);
        end = Math.Clamp(end, start, outW);
        return (start, end);
    }

    private static void CheckSpans(in ConvGeometry g, int inputLength, int columnsLength)
    {
        g.Validate();
        if (inputLength < g.InputSize)
            throw new ArgumentException($"Convolution columns: the image holds {inputLength} floats but {g.Channels}×{g.Height}×{g.Width} needs {g.InputSize}.", "input");
        long need = (long)g.ColumnRows * g.ColumnCols;
        if (columnsLength < need)
            throw new ArgumentException($"Convolution columns: the column matrix holds {columnsLength} floats but {g.ColumnRows}×{g.ColumnCols} needs {need}.", "columns");
    }
}
