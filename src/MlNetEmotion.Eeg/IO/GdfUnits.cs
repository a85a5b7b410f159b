namespace MlNetEmotion.Eeg.IO;

/// <summary>GDF 2 physical dimension codes (ISO/IEEE 11073-10101 units, decimal prefix in the low 5 bits) that this reader names.</summary>
internal static class GdfUnits
{
    private const int Volt = 4256;
    private const int Dimensionless = 512;

    /// <summary>The unit text for a code: <c>V</c> with the prefixes m, u, n; <c>-</c> for dimensionless; else null.</summary>
    public static string? Name(int code)
    {
        if (code == Dimensionless) return "-";
        if ((code & ~31) != Volt) return null;
        return (code & 31) switch
        {
            0 => "V",
            18 => "mV",
            19 => "uV",
            20 => "nV",
            _ => null,
        };
    }
}
