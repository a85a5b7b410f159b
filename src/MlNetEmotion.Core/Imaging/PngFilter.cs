namespace MlNetEmotion.Core.Imaging;

/// <summary>The five PNG scanline filters (None, Sub, Up, Average, Paeth), applied byte-wise.</summary>
internal static class PngFilter
{
    /// <summary>Number of filter types.</summary>
    public const int Count = 5;

    /// <summary>Reverses filter <paramref name="type"/> in place on <paramref name="row"/>.</summary>
    /// <param name="type">Filter type byte, 0 to 4.</param>
    /// <param name="row">Filtered bytes of the scanline (without the type byte), replaced by raw bytes.</param>
    /// <param name="prior">Raw bytes of the previous scanline of the same pass (zeros for the first).</param>
    /// <param name="bpp">Bytes per complete pixel, at least 1.</param>
    /// <returns>False when <paramref name="type"/> is not a known filter.</returns>
    public static bool Unfilter(int type, Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        int n = row.Length;
        switch (type)
        {
            case 0:
                return true;
            case 1:
                for (int i = bpp; i < n; i++) row[i] += row[i - bpp];
                return true;
            case 2:
                for (int i = 0; i < n; i++) row[i] += prior[i];
                return true;
            case 3:
                for (int i = 0; i < bpp; i++) row[i] += (byte)(prior[i] >> 1);
                for (int i = bpp; i < n; i++) row[i] += (byte)((row[i - bpp] + prior[i]) >> 1);
                return true;
            case 4:
                for (int i = 0; i < bpp; i++) row[i] += prior[i];
                for (int i = bpp; i < n; i++) row[i] += Paeth(row[i - bpp], prior[i], prior[i - bpp]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Applies filter <paramref name="type"/> to <paramref name="raw"/> into <paramref name="filtered"/>.</summary>
    public static void Apply(int type, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> prior, int bpp, Span<byte> filtered)
    {
        int n = raw.Length;
        for (int i = 0; i < n; i++)
        {
            int a = i >= bpp ? raw[i - bpp] : 0;
            int b = prior[i];
            int c = i >= bpp ? prior[i - bpp] : 0;
            int predictor = type switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => Paeth((byte)a, (byte)b, (byte)c),
            };
            filtered[i] = (byte)(raw[i] - predictor);
        }
    }

    /// <summary>The Paeth predictor of PNG section 9.4.</summary>
    public static byte Paeth(byte a, byte b, byte c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }
}
