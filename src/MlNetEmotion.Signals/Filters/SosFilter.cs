namespace MlNetEmotion.Signals.Filters;

/// <summary>
/// Filtering with second-order sections, matching SciPy's <c>sosfilt</c>, <c>sosfilt_zi</c> and
/// <c>sosfiltfilt</c> (transposed direct form II per section, odd padding by default).
/// Filter state is laid out <c>[sections, 2]</c> row-major, like SciPy's <c>zi</c>.
/// </summary>
public static class SosFilter
{
    /// <summary>Causal filtering (<c>scipy.signal.sosfilt</c>).</summary>
    /// <param name="sos">The filter.</param>
    /// <param name="x">Input samples.</param>
    /// <param name="y">Output, same length as <paramref name="x"/>; may be the same memory as <paramref name="x"/>.</param>
    /// <param name="state">
    /// Optional filter state, <c>2·sos.Count</c> values: read as the initial conditions and overwritten with the
    /// final conditions. Empty means start from rest.
    /// </param>
    /// <exception cref="NonFiniteSampleException">An input sample is NaN or infinite.</exception>
    public static void SosFilt(SecondOrderSections sos, ReadOnlySpan<double> x, Span<double> y, Span<double> state = default)
    {
        ArgumentNullException.ThrowIfNull(sos);
        SampleGuard.EnsureFinite(x, nameof(x));
        if (y.Length != x.Length)
        {
            throw new ArgumentException($"The output holds {y.Length} samples but the input has {x.Length}.", nameof(y));
        }

        if (!state.IsEmpty && state.Length != 2 * sos.Count)
        {
            throw new ArgumentException($"The state must hold 2 values per section ({2 * sos.Count}); got {state.Length}.", nameof(state));
        }

        x.CopyTo(y);
        FilterInPlace(sos, y, state.IsEmpty ? new double[2 * sos.Count] : state);
    }

    /// <summary>Causal filtering from rest (<c>scipy.signal.sosfilt</c>), allocating the output.</summary>
    /// <param name="sos">The filter.</param>
    /// <param name="x">Input samples.</param>
    /// <returns>The filtered signal.</returns>
    public static double[] SosFilt(SecondOrderSections sos, ReadOnlySpan<double> x)
    {
        var y = new double[x.Length];
        SosFilt(sos, x, y);
        return y;
    }

    /// <summary>
    /// Steady-state initial conditions for a unit step (<c>scipy.signal.sosfilt_zi</c>): multiply by the first
    /// sample to start <see cref="SosFilt(SecondOrderSections, ReadOnlySpan{double}, Span{double}, Span{double})"/> without a transient.
    /// </summary>
    /// <param name="sos">The filter.</param>
    /// <returns><c>[sections, 2]</c> row-major initial conditions.</returns>
    public static double[] SosFiltZi(SecondOrderSections sos)
    {
        ArgumentNullException.ThrowIfNull(sos);
        var zi = new double[2 * sos.Count];
        double scale = 1.0;
        for (int s = 0; s < sos.Count; s++)
        {
            ReadOnlySpan<double> section = sos.Section(s);
            double[] sectionZi = TransferFunctionFilter.LFilterZi(section[..3], section[3..]);
            zi[2 * s] = scale * sectionZi[0];
            zi[2 * s + 1] = scale * sectionZi[1];
            scale *= (section[0] + section[1] + section[2]) / (section[3] + section[4] + section[5]);
        }

        return zi;
    }

    /// <summary>
    /// SciPy's default padding length for <see cref="SosFiltFilt(SecondOrderSections, ReadOnlySpan{double}, Span{double}, int?)"/>:
    /// <c>3·(2·sections + 1 − min(#zero b2, #zero a2))</c>.
    /// </summary>
    /// <param name="sos">The filter.</param>
    public static int DefaultPadLength(SecondOrderSections sos)
    {
        ArgumentNullException.ThrowIfNull(sos);
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (int s = 0; s < sos.Count; s++)
        {
            zeroB2 += sos.Section(s)[2] == 0 ? 1 : 0;
            zeroA2 += sos.Section(s)[5] == 0 ? 1 : 0;
        }

        return 3 * (2 * sos.Count + 1 - Math.Min(zeroB2, zeroA2));
    }

    /// <summary>Zero-phase forward–backward filtering (<c>scipy.signal.sosfiltfilt</c>, <c>padtype='odd'</c>).</summary>
    /// <param name="sos">The filter.</param>
    /// <param name="x">Input samples; must be longer than the padding length.</param>
    /// <param name="y">Output, same length as <paramref name="x"/>.</param>
    /// <param name="padLength">Samples of odd extension at each end; null means <see cref="DefaultPadLength"/>.</param>
    /// <exception cref="NonFiniteSampleException">An input sample is NaN or infinite.</exception>
    /// <exception cref="ArgumentException">The signal is not longer than the padding length.</exception>
    public static void SosFiltFilt(SecondOrderSections sos, ReadOnlySpan<double> x, Span<double> y, int? padLength = null)
    {
        ArgumentNullException.ThrowIfNull(sos);
        SampleGuard.EnsureFinite(x, nameof(x));
        ZeroPhase.Apply(x, y, padLength ?? DefaultPadLength(sos), SosFiltZi(sos), (data, state) => FilterInPlace(sos, data, state));
    }

    /// <summary>Zero-phase forward–backward filtering (<c>scipy.signal.sosfiltfilt</c>), allocating the output.</summary>
    /// <param name="sos">The filter.</param>
    /// <param name="x">Input samples.</param>
    /// <param name="padLength">Samples of odd extension at each end; null means <see cref="DefaultPadLength"/>.</param>
    /// <returns>The filtered signal.</returns>
    public static double[] SosFiltFilt(SecondOrderSections sos, ReadOnlySpan<double> x, int? padLength = null)
    {
        var y = new double[x.Length];
        SosFiltFilt(sos, x, y, padLength);
        return y;
    }

    /// <summary>
    /// Zero-phase filtering of many channels in parallel. Groups of four equally long channels run together in the
    /// lanes of 256-bit vectors; results are bit-identical to filtering each channel alone, whatever the thread count.
    /// </summary>
    /// <param name="sos">The filter.</param>
    /// <param name="channels">One array of samples per channel.</param>
    /// <param name="padLength">Samples of odd extension at each end; null means <see cref="DefaultPadLength"/>.</param>
    /// <param name="maxDegreeOfParallelism">Most worker threads to use; −1 (default) lets the runtime decide, 1 runs on the caller's thread.</param>
    /// <returns>The filtered channels, in the same order.</returns>
    /// <exception cref="NonFiniteSampleException">A sample is NaN or infinite; the argument name gives the channel (<c>channels[c]</c>).</exception>
    public static double[][] SosFiltFilt(SecondOrderSections sos, IReadOnlyList<double[]> channels, int? padLength = null, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(sos);
        ArgumentNullException.ThrowIfNull(channels);
        int edge = padLength ?? DefaultPadLength(sos);
        for (int c = 0; c < channels.Count; c++)
        {
            ArgumentNullException.ThrowIfNull(channels[c], $"channels[{c}]");
            SampleGuard.EnsureFinite(channels[c], $"channels[{c}]");
        }

        double[] zi = SosFiltZi(sos);
        var result = new double[channels.Count][];
        int groups = (channels.Count + SosFilterBatch.Lanes - 1) / SosFilterBatch.Lanes;
        Parallel.For(0, groups, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, g =>
        {
            int start = g * SosFilterBatch.Lanes;
            int count = Math.Min(SosFilterBatch.Lanes, channels.Count - start);
            int length = channels[start].Length;
            bool batch = SosFilterBatch.IsSupported && count == SosFilterBatch.Lanes && length > edge;
            for (int c = start; c < start + count; c++)
            {
                result[c] = new double[channels[c].Length];
                batch &= channels[c].Length == length;
            }

            if (batch)
            {
                double[][] inputs = [channels[start], channels[start + 1], channels[start + 2], channels[start + 3]];
                SosFilterBatch.SosFiltFilt4(sos, inputs, result.AsSpan(start, count), edge, zi);
                return;
            }

            for (int c = start; c < start + count; c++)
            {
                ZeroPhase.Apply(channels[c], result[c], edge, zi, (data, state) => FilterInPlace(sos, data, state));
            }
        });
        return result;
    }

    // Transposed direct form II, in SciPy's operation order, sample-major like SciPy: every section sees sample i
    // before any section sees sample i + 1, so the sections' recurrences overlap in the CPU pipeline.
    private static void FilterInPlace(SecondOrderSections sos, Span<double> data, Span<double> state)
    {
        ReadOnlySpan<double> c = sos.Coefficients;
        int sections = sos.Count;
        if (sections == 1)
        {
            FilterOneSection(c, data, state);
            return;
        }

        for (int i = 0; i < data.Length; i++)
        {
            double x = data[i];
            for (int s = 0; s < sections; s++)
            {
                ReadOnlySpan<double> k = c.Slice(6 * s, 6);
                Span<double> z = state.Slice(2 * s, 2);
                double y = k[0] * x + z[0];
                z[0] = k[1] * x - k[4] * y + z[1];
                z[1] = k[2] * x - k[5] * y;
                x = y;
            }

            data[i] = x;
        }
    }

    private static void FilterOneSection(ReadOnlySpan<double> k, Span<double> data, Span<double> state)
    {
        double b0 = k[0], b1 = k[1], b2 = k[2], a1 = k[4], a2 = k[5];
        double z0 = state[0], z1 = state[1];
        for (int i = 0; i < data.Length; i++)
        {
            double x = data[i];
            double y = b0 * x + z0;
            z0 = b1 * x - a1 * y + z1;
            z1 = b2 * x - a2 * y;
            data[i] = y;
        }

        state[0] = z0;
        state[1] = z1;
    }
}
