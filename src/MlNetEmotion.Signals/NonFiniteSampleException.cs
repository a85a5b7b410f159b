namespace MlNetEmotion.Signals;

/// <summary>
/// Thrown when a signal handed to a DSP routine holds a NaN or an infinity.
/// The message names the argument and the zero-based index of the first bad sample.
/// </summary>
public sealed class NonFiniteSampleException : ArgumentException
{
    /// <summary>Creates the exception for the sample at <paramref name="index"/> of argument <paramref name="paramName"/>.</summary>
    /// <param name="paramName">The argument that holds the signal.</param>
    /// <param name="index">Zero-based index of the first non-finite sample.</param>
    /// <param name="value">The offending value (NaN or ±infinity).</param>
    public NonFiniteSampleException(string paramName, long index, double value)
        : base($"Sample {index} of '{paramName}' is {value}; every sample must be a finite number.", paramName)
    {
        Index = index;
        Value = value;
    }

    /// <summary>Zero-based index of the first non-finite sample.</summary>
    public long Index { get; }

    /// <summary>The offending value (NaN or ±infinity).</summary>
    public double Value { get; }
}
