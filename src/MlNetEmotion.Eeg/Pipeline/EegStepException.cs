namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>
/// Raised when a pipeline step cannot process one row's EEG signal: a filter band at or above that recording's Nyquist
/// frequency, a rate the step cannot resample, a NaN or flat channel where a logarithm needs power, ... The message names
/// the row's source (file, and trial for multi-trial files), the step, and the reason with the value at fault; the
/// step's own exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class EegStepException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The signal's source, or null when it has none (an in-memory signal).</param>
    /// <param name="step">The step that failed.</param>
    /// <param name="inner">The step's own exception.</param>
    public EegStepException(string? source, string step, Exception inner)
        : base($"{source ?? "EEG signal without a source file"}: {step} failed: {inner.Message}", inner)
    {
        SignalSource = source;
        Step = step;
    }

    /// <summary>The signal's source (file, trial), or null.</summary>
    public string? SignalSource { get; }

    /// <summary>The step that failed.</summary>
    public string Step { get; }

    /// <summary>Runs one step on one signal, turning its argument errors into an <see cref="EegStepException"/> that names the source.</summary>
    /// <typeparam name="T">The step's result.</typeparam>
    /// <param name="signal">The row's signal.</param>
    /// <param name="step">The step's name.</param>
    /// <param name="apply">The step.</param>
    internal static T Guard<T>(EegSignal signal, string step, Func<EegSignal, T> apply)
    {
        try
        {
            return apply(signal);
        }
        catch (ArgumentException e) when (e is not EegStepException)
        {
            throw new EegStepException(signal.Source, step, e);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions is [ArgumentException inner, ..])
        {
            throw new EegStepException(signal.Source, step, inner);
        }
    }
}
