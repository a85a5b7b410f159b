namespace MlNetEmotion.Eeg.IO;

/// <summary>Scales voltage units to microvolts.</summary>
public static class PhysicalUnits
{
    /// <summary>
    /// The factor that turns a value in <paramref name="unit"/> into microvolts, or null when the unit
    /// is not a voltage. Accepts <c>uV</c>, <c>µV</c>, <c>mV</c>, <c>V</c> and <c>nV</c> (case-sensitive prefix, any case for V).
    /// </summary>
    /// <param name="unit">Unit text, trimmed.</param>
    public static double? ToMicrovolts(string unit) => unit switch
    {
        "uV" or "uv" or "UV" or "\u00b5V" or "\u03bcV" or "\u00b5v" => 1.0,
        "mV" or "mv" => 1e3,
        "V" or "v" => 1e6,
        "nV" or "nv" => 1e-3,
        _ => null,
    };
}
