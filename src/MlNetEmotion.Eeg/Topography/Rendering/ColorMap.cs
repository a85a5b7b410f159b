namespace MlNetEmotion.Eeg.Topography.Rendering;

/// <summary>A colour map: evenly spaced colour stops, linearly interpolated in RGB.</summary>
public sealed class ColorMap
{
    private readonly (byte R, byte G, byte B)[] _stops;

    /// <summary>Creates a map from hex colours (<c>#rrggbb</c>), low to high.</summary>
    public ColorMap(string name, params string[] stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Length < 2) throw new ArgumentException("A colour map needs at least two stops.", nameof(stops));
        Name = name;
        _stops = stops.Select(s => (Convert.ToByte(s.Substring(1, 2), 16), Convert.ToByte(s.Substring(3, 2), 16), Convert.ToByte(s.Substring(5, 2), 16))).ToArray();
    }

    /// <summary>Name of the map.</summary>
    public string Name { get; }

    /// <summary>Perceptually uniform, colour-blind-safe sequential map (the five viridis key colours).</summary>
    public static ColorMap Viridis { get; } = new("viridis", "#440154", "#3b528b", "#21918c", "#5ec962", "#fde725");

    /// <summary>Diverging blue–white–red map (ColorBrewer RdBu, reversed), for signed data.</summary>
    public static ColorMap RdBuR { get; } = new("RdBu_r",
        "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f");

    /// <summary>The map named <paramref name="name"/> (viridis or RdBu_r, case-insensitive).</summary>
    public static ColorMap Parse(string name) => name.ToLowerInvariant() switch
    {
        "viridis" => Viridis,
        "rdbu_r" => RdBuR,
        _ => throw new ArgumentException($"Unknown colour map '{name}'; expected viridis or RdBu_r.", nameof(name)),
    };

    /// <summary>The colour at <paramref name="t"/> in [0, 1] (clamped).</summary>
    public (byte R, byte G, byte B) this[double t]
    {
        get
        {
            double x = Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1) * (_stops.Length - 1);
            int i = Math.Min((int)x, _stops.Length - 2);
            double f = x - i;
            var (a, b) = (_stops[i], _stops[i + 1]);
            return (Lerp(a.R, b.R, f), Lerp(a.G, b.G, f), Lerp(a.B, b.B, f));
        }
    }

    private static byte Lerp(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);
}
