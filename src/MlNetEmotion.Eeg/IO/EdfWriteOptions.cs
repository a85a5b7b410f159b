namespace MlNetEmotion.Eeg.IO;

/// <summary>Options of <see cref="EdfWriter"/>.</summary>
public sealed class EdfWriteOptions
{
    /// <summary>True to write 24-bit BDF (BioSemi), false for 16-bit EDF. Default false.</summary>
    public bool Bdf { get; set; }

    /// <summary>Seconds per data record. Default 1. Every channel's rate times this must be a whole number of samples.</summary>
    public double RecordDuration { get; set; } = 1.0;
}
