using System.Runtime.Intrinsics;

namespace MlNetEmotion.Neural.Kernels;

/// <summary>
/// im2col / col2im for convolutions on one NCHW image: <see cref="Im2Col(in ConvGeometry, ReadOnlySpan{float}, Span{float})"/> lays every receptive field out as
/// a column so a convolution becomes <c>W[Cout, C·kH·kW] · columns[C·kH·kW, outH·outW]</c> through
/// <see cref="Gemm.Sgemm"/>; <see cref="Col2Im(in ConvGeometry, ReadOnlySpan{float}, Span{float})"/> is its adjoint (the input gradient), adding overlapping
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
    public static void Im2Col(in ConvGeometry geometry, ReadOnlySpan<float> input, Span<float> columns) =>
        Im2ColCore(geometry, input, columns, null);

    /// <summary>As <see cref="Im2Col(in ConvGeometry, ReadOnlySpan{float}, Span{float})"/>, into a column matrix whose
    /// rows are <paramref name="columnStride"/> floats apart (so several images' columns can sit side by side).</summary>
    /// <param name="geometry">Convolution shape.</param>
    /// <param name="input">One image.</param>
    /// <param name="columns">Destination: row r occupies <c>[r·columnStride, r·columnStride + ColumnCols)</c>.</param>
    /// <param name="columnStride">Distance between rows of <paramref name="columns"/>, at least <c>ColumnCols</c>.</param>
    /// <exception cref="ArgumentException">The geometry is invalid, the stride too small or a span too short.</exception>
    public static void Im2Col(in ConvGeometry geometry, ReadOnlySpan<float> input, Span<float> columns, int columnStride) =>
        Im2ColCore(geometry, input, columns, columnStride);

    private static unsafe void Im2ColCore(in ConvGeometry geometry, ReadOnlySpan<float> input, Span<float> columns, int? stride)
    {
        int columnStride = CheckSpans(geometry, input.Length, columns.Length, stride);
        var g = geometry;
        int outH = g.OutputHeight, outW = g.OutputWidth, plane = g.Height * g.Width;
        // Unit strides and dilations with an output as wide as the input: a kernel tap's column row is the image
        // shifted, so the rows in range are one contiguous copy with the wrapped-around edge columns zeroed.
        bool unitStride = g.StrideHeight == 1 && g.StrideWidth == 1 && g.DilationHeight == 1 && g.DilationWidth == 1 && outW == g.Width;
        fixed (float* x = input, cols = columns)
        {
            float* row = cols;
            for (int c = 0; c < g.Channels; c++)
            {
                float* src = x + (long)c * plane;
                for (int ki = 0; ki < g.KernelHeight; ki++)
                {
                    for (int kj = 0; kj < g.KernelWidth; kj++, row += columnStride)
                    {
                        float* dst = row;
                        var (x0, x1) = ValidRange(g.PadLeft - kj * g.DilationWidth, g.StrideWidth, g.Width, outW);
                        int ix0 = x0 * g.StrideWidth - g.PadLeft + kj * g.DilationWidth;
                        if (unitStride)
                        {
                            ShiftedPlane(src, dst, g.Width, outH, ki - g.PadTop, g.Height, x0, x1, ix0);
                            continue;
                        }
                        for (int oy = 0; oy < outH; oy++, dst += outW)
                        {
                            int iy = oy * g.StrideHeight - g.PadTop + ki * g.DilationHeight;
                            if ((uint)iy >= (uint)g.Height || x0 >= x1)
                            {
                                new Span<float>(dst, outW).Clear();
                                continue;
                            }
                            for (int ox = 0; ox < x0; ox++) dst[ox] = 0;
                            for (int ox = x1; ox < outW; ox++) dst[ox] = 0;
                            float* s = src + (long)iy * g.Width + ix0;
                            if (g.StrideWidth == 1)
                                Copy(s, dst + x0, x1 - x0);
                            else
                                for (int ox = x0; ox < x1; ox++, s += g.StrideWidth) dst[ox] = *s;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adds the columns back onto the image: <paramref name="input"/> += col2im(<paramref name="columns"/>),
    /// the adjoint of <see cref="Im2Col(in ConvGeometry, ReadOnlySpan{float}, Span{float})"/>. Values that fall on padding are dropped. Clear
    /// <paramref name="input"/> first for a plain (non-accumulating) result.</summary>
    /// <param name="geometry">Convolution shape.</param>
    /// <param name="columns">Column matrix (<c>ColumnRows × ColumnCols</c>), e.g. <c>Wᵀ · dY</c>.</param>
    /// <param name="input">Image gradient to add into.</param>
    /// <exception cref="ArgumentException">The geometry is invalid or a span is too short.</exception>
    public static void Col2Im(in ConvGeometry geometry, ReadOnlySpan<float> columns, Span<float> input) =>
        Col2ImCore(geometry, columns, input, null);

    /// <summary>As <see cref="Col2Im(in ConvGeometry, ReadOnlySpan{float}, Span{float})"/>, from a column matrix whose
    /// rows are <paramref name="columnStride"/> floats apart.</summary>
    /// <param name="geometry">Convolution shape.</param>
    /// <param name="columns">Column matrix: row r occupies <c>[r·columnStride, r·columnStride + ColumnCols)</c>.</param>
    /// <param name="input">Image gradient to add into.</param>
    /// <param name="columnStride">Distance between rows of <paramref name="columns"/>, at least <c>ColumnCols</c>.</param>
    /// <exception cref="ArgumentException">The geometry is invalid, the stride too small or a span too short.</exception>
    public static void Col2Im(in ConvGeometry geometry, ReadOnlySpan<float> columns, Span<float> input, int columnStride) =>
        Col2ImCore(geometry, columns, input, columnStride);

    private static unsafe void Col2ImCore(in ConvGeometry geometry, ReadOnlySpan<float> columns, Span<float> input, int? stride)
    {
        int columnStride = CheckSpans(geometry, input.Length, columns.Length, stride);
        var g = geometry;
        int outH = g.OutputHeight, outW = g.OutputWidth, plane = g.Height * g.Width;
        fixed (float* x = input, cols = columns)
        {
            float* row = cols;
            for (int c = 0; c < g.Channels; c++)
            {
                float* dstPlane = x + (long)c * plane;
                for (int ki = 0; ki < g.KernelHeight; ki++)
                {
                    for (int kj = 0; kj < g.KernelWidth; kj++, row += columnStride)
                    {
                        float* src = row;
                        var (x0, x1) = ValidRange(g.PadLeft - kj * g.DilationWidth, g.StrideWidth, g.Width, outW);
                        int ix0 = x0 * g.StrideWidth - g.PadLeft + kj * g.DilationWidth;
                        for (int oy = 0; oy < outH; oy++, src += outW)
                        {
                            int iy = oy * g.StrideHeight - g.PadTop + ki * g.DilationHeight;
                            if ((uint)iy >= (uint)g.Height || x0 >= x1) continue;
                            float* d = dstPlane + (long)iy * g.Width + ix0;
                            if (g.StrideWidth == 1)
                                AddInto(src + x0, d, x1 - x0);
                            else
                                for (int ox = x0; ox < x1; ox++, d += g.StrideWidth) *d += src[ox];
                        }
                    }
                }
            }
        }
    }

    /// <summary>One column row of a unit-stride tap: <c>dst[oy, ox] = src[oy + dy, ox + ix0 − x0]</c> where the input
    /// row is in <c>[0, height)</c> and <c>ox</c> in <c>[x0, x1)</c>, else zero; <c>width</c> is both row lengths.</summary>
    private static unsafe void ShiftedPlane(float* src, float* dst, int width, int outH, int dy, int height, int x0, int x1, int ix0)
    {
        int oy0 = Math.Clamp(-dy, 0, outH), oy1 = Math.Clamp(height - dy, oy0, outH);
        if (oy0 >= oy1 || x0 >= x1)
        {
            new Span<float>(dst, outH * width).Clear();
            return;
        }
        new Span<float>(dst, oy0 * width + x0).Clear();
        long first = (long)oy0 * width + x0, last = (long)(oy1 - 1) * width + x1;
        new ReadOnlySpan<float>(src + (long)(oy0 + dy) * width + ix0, (int)(last - first)).CopyTo(new Span<float>(dst + first, (int)(last - first)));
        for (int oy = oy0; oy < oy1 - 1; oy++)
        {
            float* r = dst + (long)oy * width;
            for (int ox = x1; ox < width; ox++) r[ox] = 0;
            for (int ox = 0; ox < x0; ox++) r[width + ox] = 0;
        }
        new Span<float>(dst + last, (int)((long)outH * width - last)).Clear();
    }

    /// <summary>Copies <paramref name="count"/> floats; rows here are short, so an inline vector loop beats a call.</summary>
    private static unsafe void Copy(float* src, float* dst, int count)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + 8 <= count; i += 8) Vector256.Store(Vector256.Load(src + i), dst + i);
        for (; i < count; i++) dst[i] = src[i];
    }

    /// <summary><c>dst[i] += src[i]</c> for <paramref name="count"/> floats.</summary>
    private static unsafe void AddInto(float* src, float* dst, int count)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + 8 <= count; i += 8) Vector256.Store(Vector256.Load(dst + i) + Vector256.Load(src + i), dst + i);
        for (; i < count; i++) dst[i] += src[i];
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

    /// <summary>Validates the geometry and spans; returns the column stride (ColumnCols when <paramref name="stride"/> is null).</summary>
    private static int CheckSpans(in ConvGeometry g, int inputLength, int columnsLength, int? stride)
    {
        g.Validate();
        int columnStride = stride ?? g.ColumnCols;
        if (inputLength < g.InputSize)
            throw new ArgumentException($"Convolution columns: the image holds {inputLength} floats but {g.Channels}×{g.Height}×{g.Width} needs {g.InputSize}.", "input");
        if (columnStride < g.ColumnCols)
            throw new ArgumentException($"Convolution columns: the column stride {columnStride} is below the {g.ColumnCols} output positions of a row.", nameof(columnStride));
        long need = (long)(g.ColumnRows - 1) * columnStride + g.ColumnCols;
        if (columnsLength < need)
            throw new ArgumentException($"Convolution columns: the column matrix holds {columnsLength} floats but {g.ColumnRows} rows of {g.ColumnCols} at stride {columnStride} need {need}.", "columns");
        return columnStride;
    }
}
