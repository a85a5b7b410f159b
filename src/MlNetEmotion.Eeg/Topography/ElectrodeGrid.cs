using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Eeg.Topography;

/// <summary>Places each electrode's value in one cell of a small grid that mimics the cap layout, with the other cells
/// zero: TorchEEG's <c>ToGrid</c>. Row 0 is the front of the head (as in TorchEEG).</summary>
public sealed class ElectrodeGrid : ITopomapMapper
{
    private readonly int[] _cells; // cell index of each electrode

    /// <summary>Builds the grid for <paramref name="channels"/> (in data order) from a layout of channel names to cells.</summary>
    /// <exception cref="UnknownChannelException">A channel has no cell in the layout.</exception>
    public ElectrodeGrid(IReadOnlyList<string> channels, IReadOnlyDictionary<string, (int Row, int Column)> layout, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(layout);
        var byName = layout.ToDictionary(kv => ChannelName.Normalize(kv.Key), kv => kv.Value);
        var missing = channels.Where(c => !byName.ContainsKey(ChannelName.Normalize(c))).ToList();
        if (missing.Count > 0) throw new UnknownChannelException("grid layout", missing);
        _cells = channels.Select(c => byName[ChannelName.Normalize(c)]).Select(rc =>
            rc.Row >= 0 && rc.Row < height && rc.Column >= 0 && rc.Column < width
                ? rc.Row * width + rc.Column
                : throw new ArgumentException($"Cell {rc} lies outside the {height}×{width} grid.")).ToArray();
        Height = height;
        Width = width;
    }

    /// <summary>TorchEEG's <c>DEAP_CHANNEL_LOCATION_DICT</c>: the 32 DEAP channels on a 9 × 9 grid.</summary>
    public static IReadOnlyDictionary<string, (int Row, int Column)> DeapLayout { get; } = Layout(
    [
        "-  -   -   FP1 -  FP2 -   -   -",
        "-  -   -   AF3 -  AF4 -   -   -",
        "F7 -   F3  -   FZ -   F4  -   F8",
        "-  FC5 -   FC1 -  FC2 -   FC6 -",
        "T7 -   C3  -   CZ -   C4  -   T8",
        "-  CP5 -   CP1 -  CP2 -   CP6 -",
        "P7 -   P3  -   PZ -   P4  -   P8",
        "-  -   -   PO3 -  PO4 -   -   -",
        "-  -   -   O1  OZ O2  -   -   -",
    ]);

    /// <summary>The 9 × 9 TorchEEG grid for DEAP-named channels (any order, any subset of the 32).</summary>
    public static ElectrodeGrid Deap(IReadOnlyList<string> channels) => new(channels, DeapLayout, 9, 9);

    /// <inheritdoc/>
    public int Height { get; }

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    public int ElectrodeCount => _cells.Length;

    /// <inheritdoc/>
    public void InterpolateBatch(ReadOnlySpan<float> values, Span<float> images, int count)
    {
        int pixels = Height * Width;
        if (values.Length < count * _cells.Length || images.Length < count * pixels)
            throw new ArgumentException($"Batch of {count} needs {count * _cells.Length} values and room for {count * pixels} pixels.");
        for (int m = 0; m < count; m++)
        {
            Span<float> image = images.Slice(m * pixels, pixels);
            image.Clear();
            for (int e = 0; e < _cells.Length; e++) image[_cells[e]] = values[m * _cells.Length + e];
        }
    }

    private static Dictionary<string, (int, int)> Layout(string[] rows)
    {
        var d = new Dictionary<string, (int, int)>();
        for (int r = 0; r < rows.Length; r++)
        {
            string[] cells = rows[r].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int c = 0; c < cells.Length; c++)
                if (cells[c] != "-") d[cells[c]] = (r, c);
        }
        return d;
    }
}
