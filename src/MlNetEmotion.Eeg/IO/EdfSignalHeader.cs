namespace MlNetEmotion.Eeg.IO;

/// <summary>The 256-byte-per-signal part of an EDF/BDF header, parsed.</summary>
/// <param name="Label">Signal label (16 characters, trimmed).</param>
/// <param name="Transducer">Transducer type (80 characters, trimmed).</param>
/// <param name="PhysicalDimension">Physical unit, e.g. <c>uV</c> (8 characters, trimmed).</param>
/// <param name="PhysicalMinimum">Physical value of <paramref name="DigitalMinimum"/>.</param>
/// <param name="PhysicalMaximum">Physical value of <paramref name="DigitalMaximum"/>.</param>
/// <param name="DigitalMinimum">Smallest digital value.</param>
/// <param name="DigitalMaximum">Largest digital value.</param>
/// <param name="Prefiltering">Pre-filtering description (80 characters, trimmed).</param>
/// <param name="SamplesPerRecord">Samples of this signal in each data record.</param>
public sealed record EdfSignalHeader(
    string Label,
    string Transducer,
    string PhysicalDimension,
    double PhysicalMinimum,
    double PhysicalMaximum,
    long DigitalMinimum,
    long DigitalMaximum,
    string Prefiltering,
    int SamplesPerRecord)
{
    /// <summary>True for an EDF+/BDF+ annotation signal (<c>EDF Annotations</c> or <c>BDF Annotations</c>).</summary>
    public bool IsAnnotation => Label is "EDF Annotations" or "BDF Annotations";

    /// <summary>Physical units per digital step: (physical max − physical min) / (digital max − digital min).</summary>
    public double Gain => (PhysicalMaximum - PhysicalMinimum) / (DigitalMaximum - DigitalMinimum);

    /// <summary>Physical value at digital zero: physical min − digital min · <see cref="Gain"/>.</summary>
    public double Offset => PhysicalMinimum - DigitalMinimum * Gain;
}
