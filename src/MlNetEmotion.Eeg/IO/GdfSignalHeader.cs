namespace MlNetEmotion.Eeg.IO;

/// <summary>The 256-byte-per-channel part of a GDF header (version 1.x or 2.x), parsed.</summary>
/// <param name="Label">Channel label (16 characters, trimmed).</param>
/// <param name="Transducer">Transducer type (80 characters, trimmed).</param>
/// <param name="PhysicalDimension">
/// Physical unit: GDF 1.x's 8-character text; in GDF 2.x the unit named by <paramref name="PhysicalDimensionCode"/>
/// (<c>uV</c>, <c>mV</c>, <c>V</c>, <c>nV</c>, <c>-</c> for dimensionless), else the obsolete 6-character text.
/// </param>
/// <param name="PhysicalDimensionCode">GDF 2.x unit code (ISO/IEEE 11073-10101 unit with a decimal prefix in its low 5 bits, e.g. 4275 for µV); 0 in GDF 1.x or when unknown.</param>
/// <param name="PhysicalMinimum">Physical value of <paramref name="DigitalMinimum"/>.</param>
/// <param name="PhysicalMaximum">Physical value of <paramref name="DigitalMaximum"/>.</param>
/// <param name="DigitalMinimum">Smallest digital value (an int64 in GDF 1.x, a float64 in 2.x).</param>
/// <param name="DigitalMaximum">Largest digital value.</param>
/// <param name="Prefiltering">
/// Pre-filtering: GDF 1.x's 80-character text; in GDF 2.x built from the low-pass, high-pass and notch fields
/// as <c>HP:0.5Hz LP:30Hz Notch:50Hz</c> (fields that are NaN left out).
/// </param>
/// <param name="SamplesPerRecord">Samples of this channel in each data record.</param>
/// <param name="SampleType">How each sample is stored.</param>
public sealed record GdfSignalHeader(
    string Label,
    string Transducer,
    string PhysicalDimension,
    int PhysicalDimensionCode,
    double PhysicalMinimum,
    double PhysicalMaximum,
    double DigitalMinimum,
    double DigitalMaximum,
    string Prefiltering,
    int SamplesPerRecord,
    GdfSampleType SampleType)
{
    /// <summary>Physical units per digital step: (physical max − physical min) / (digital max − digital min).</summary>
    public double Gain => (PhysicalMaximum - PhysicalMinimum) / (DigitalMaximum - DigitalMinimum);

    /// <summary>Physical value at digital zero: physical min − digital min · <see cref="Gain"/>.</summary>
    public double Offset => PhysicalMinimum - DigitalMinimum * Gain;

    /// <summary>Bytes of this channel in one data record.</summary>
    public long RecordBytes => (long)SamplesPerRecord * GdfSamples.SizeOf(SampleType);
}
