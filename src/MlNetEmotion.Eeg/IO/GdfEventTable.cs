using System.Globalization;

namespace MlNetEmotion.Eeg.IO;

/// <summary>The event table at the end of a GDF file.</summary>
/// <param name="Mode">1: positions and types; 3: also channels and durations.</param>
/// <param name="SamplingRate">Rate the positions and durations count in, Hz; 0 when the file leaves it unset.</param>
/// <param name="Events">The events in file order.</param>
public sealed record GdfEventTable(int Mode, double SamplingRate, IReadOnlyList<GdfEvent> Events)
{
    /// <summary>
    /// The events as annotations: onset (position − 1) / rate seconds, duration / rate seconds (0 for mode 1),
    /// and the event type in decimal as the text (<c>768</c> for 0x0300), as MNE names GDF events.
    /// </summary>
    /// <param name="fallbackRate">Rate to use when <see cref="SamplingRate"/> is 0 (the highest channel rate, as MNE does).</param>
    public IReadOnlyList<EegAnnotation> ToAnnotations(double fallbackRate)
    {
        double rate = SamplingRate > 0 ? SamplingRate : fallbackRate;
        return Events.Select(e => new EegAnnotation(
            (e.Position - 1) / rate, e.Duration / rate, e.Type.ToString(CultureInfo.InvariantCulture))).ToArray();
    }
}
