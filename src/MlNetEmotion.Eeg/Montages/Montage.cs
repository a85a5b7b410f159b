namespace MlNetEmotion.Eeg.Montages;

/// <summary>Named electrode positions (metres) with optional fiducials: MNE's <c>DigMontage</c>.</summary>
/// <remarks>Channel lookup ignores case and dots (<see cref="ChannelName"/>). When a file lists a name twice the
/// last position wins, as in MNE.</remarks>
public sealed class Montage
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a montage.</summary>
    /// <param name="name">Name used in messages (built-in name or file name).</param>
    /// <param name="channelNames">Channel names, in order.</param>
    /// <param name="positions">Position of each channel, metres.</param>
    /// <param name="frame">Coordinate frame of <paramref name="positions"/>.</param>
    /// <param name="fiducials">Nasion, LPA and RPA in the same frame, or null when the file has none.</param>
    public Montage(string name, IReadOnlyList<string> channelNames, IReadOnlyList<Point3> positions,
        CoordinateFrame frame, Fiducials? fiducials)
    {
        ArgumentNullException.ThrowIfNull(channelNames);
        ArgumentNullException.ThrowIfNull(positions);
        if (channelNames.Count != positions.Count)
            throw new ArgumentException($"Montage '{name}': {channelNames.Count} names but {positions.Count} positions.");
        Name = name;
        ChannelNames = channelNames.ToArray();
        Positions = positions.ToArray();
        Frame = frame;
        Fiducials = fiducials;
        _index = new Dictionary<string, int>(ChannelNames.Count);
        for (int i = 0; i < ChannelNames.Count; i++) _index[ChannelName.Normalize(ChannelNames[i])] = i;
    }

    /// <summary>Name used in messages.</summary>
    public string Name { get; }

    /// <summary>Channel names, in order.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Channel positions, metres, in <see cref="Frame"/>.</summary>
    public IReadOnlyList<Point3> Positions { get; }

    /// <summary>Coordinate frame of the positions.</summary>
    public CoordinateFrame Frame { get; }

    /// <summary>Nasion, LPA and RPA, or null.</summary>
    public Fiducials? Fiducials { get; }

    /// <summary>Looks up a channel by name, ignoring case and dots.</summary>
    public bool TryGetPosition(string channel, out Point3 position)
    {
        if (_index.TryGetValue(ChannelName.Normalize(channel), out int i))
        {
            position = Positions[i];
            return true;
        }
        position = default;
        return false;
    }

    /// <summary>The montage restricted to <paramref name="channels"/>, in their order and with their spelling.</summary>
    /// <exception cref="UnknownChannelException">Some channels have no position here; all of them are listed.</exception>
    public Montage Select(IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var positions = new Point3[channels.Count];
        var missing = new List<string>();
        for (int i = 0; i < channels.Count; i++)
            if (!TryGetPosition(channels[i], out positions[i])) missing.Add(channels[i]);
        if (missing.Count > 0) throw new UnknownChannelException(Name, missing);
        return new Montage(Name, channels, positions, Frame, Fiducials);
    }

    /// <summary>The positions in Neuromag head coordinates, as MNE stores them in <c>info['chs'][i]['loc']</c>
    /// after <c>set_montage</c>: the fiducial-based transform of <see cref="HeadCoordinates"/>. A montage without
    /// fiducials, or already in head coordinates, is returned unchanged.</summary>
    public Montage ToHeadCoordinates()
    {
        if (Frame == CoordinateFrame.Head || Fiducials is null) return this;
        var transform = HeadCoordinates.FromFiducials(Fiducials);
        return new Montage(Name, ChannelNames, Positions.Select(transform.Apply).ToArray(), CoordinateFrame.Head,
            new Fiducials(transform.Apply(Fiducials.Nasion), transform.Apply(Fiducials.Lpa), transform.Apply(Fiducials.Rpa)));
    }
}
