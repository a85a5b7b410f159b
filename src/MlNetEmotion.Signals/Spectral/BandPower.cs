namespace MlNetEmotion.Signals.Spectral;

/// <summary>Power of a one-sided density spectrum inside a frequency band.</summary>
public static class BandPower
{
    /// <summary>Integrates <paramref name="density"/> over the bins whose frequency lies in [<paramref name="low"/>, <paramref name="high"/>] Hz.</summary>
    /// <param name="frequencies">Bin frequencies in Hz, ascending and evenly spaced (as from <see cref="Welch"/>).</param>
    /// <param name="density">Power spectral density per bin.</param>
    /// <param name="low">Lower band edge in Hz (inclusive).</param>
    /// <param name="high">Upper band edge in Hz (inclusive), above <paramref name="low"/>.</param>
    /// <param name="method">Trapezoid (default) or rectangle rule.</param>
    /// <returns>Band power in signal units²; 0 when no bin lies in the band (or one bin with the trapezoid rule).</returns>
    public static double Integrate(ReadOnlySpan<double> frequencies, ReadOnlySpan<double> density, double low, double high, BandIntegration method = BandIntegration.Trapezoid)
    {
        if (frequencies.Length != density.Length)
        {
            throw new ArgumentException($"There are {frequencies.Length} frequencies but {density.Length} power values.", nameof(density));
        }

        if (!(low < high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The band's upper edge must exceed its lower edge {low} Hz.");
        }

        int first = 0;
        while (first < frequencies.Length && frequencies[first] < low)
        {
            first++;
        }

        int end = first;
        while (end < frequencies.Length && frequencies[end] <= high)
        {
            end++;
        }

        if (method == BandIntegration.Rectangle)
        {
            if (frequencies.Length < 2)
            {
                return 0;
            }

            double sum = 0;
            for (int k = first; k < end; k++)
            {
                sum += density[k];
            }

            return sum * (frequencies[1] - frequencies[0]);
        }

        double area = 0;
        for (int k = first + 1; k < end; k++)
        {
            area += (frequencies[k] - frequencies[k - 1]) * (density[k] + density[k - 1]) / 2;
        }

        return area;
    }
}
