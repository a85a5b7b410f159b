namespace MlNetEmotion.Eeg;

/// <summary>One channel of an <see cref="EegRecording"/>: its name, sampling rate and samples.</summary>
/// <param name="Name">Channel label as stored in the file (trailing blanks removed), e.g. <c>Fc5.</c> or <c>Fp1</c>.</param>
/// <param name="SamplingRate">Samples per second.</param>
/// <param name="Samples">The samples, in microvolts for voltage channels (see <see cref="Unit"/>).</param>
public sealed record EegChannel(string Name, double SamplingRate, double[] Samples)
{
    /// <summary>Unit of <see cref="Samples"/>: <c>uV</c> for voltage channels (scaled from uV, mV, V or nV); otherwise the unit the file gave (e.g. <c>Boo</c>, or empty).</summary>
    public string Unit { get; init; } = "uV";

    /// <summary>True when <see cref="Samples"/> are microvolts.</summary>
    public bool IsVoltage => Unit == "uV";

    /// <summary>Transducer description from the file (EDF/BDF), or empty.</summary>
    public string Transducer { get; init; } = "";

    /// <summary>Pre-filtering description from the file (EDF/BDF, e.g. <c>HP:0.1Hz LP:75Hz</c>), or empty.</summary>
    public string Prefiltering { get; init; } = "";

    /// <summary>Duration of the channel in seconds.</summary>
    public double Duration => Samples.Length / SamplingRate;
}
