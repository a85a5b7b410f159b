namespace MlNetEmotion.Signals.Filters;

/// <summary>
/// Thrown when a filter is asked for with an impossible specification: a cutoff that is not positive or
/// not below the Nyquist frequency, band edges out of order, a non-positive order or quality factor.
/// The message names the option and its value.
/// </summary>
public sealed class FilterSpecificationException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for option <paramref name="option"/> holding <paramref name="value"/>.</summary>
    /// <param name="option">Name of the option at fault (for example <c>cutoff</c> or <c>order</c>).</param>
    /// <param name="value">The value that was given.</param>
    /// <param name="expected">What the option must satisfy, in words.</param>
    public FilterSpecificationException(string option, object value, string expected)
        : base(option, value, $"Filter option '{option}' = {value} is invalid: {expected}.")
    {
        Option = option;
    }

    /// <summary>Name of the option at fault.</summary>
    public string Option { get; }
}
