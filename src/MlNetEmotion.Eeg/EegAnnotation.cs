namespace MlNetEmotion.Eeg;

/// <summary>An event or annotation of a recording (EDF+ TAL entry, BDF status trigger, or user event).</summary>
/// <param name="Onset">Seconds from the start of the recording.</param>
/// <param name="Duration">Duration in seconds; 0 when the file gave none.</param>
/// <param name="Text">Annotation text, e.g. <c>T0</c> or <c>Trigger 3</c>.</param>
public sealed record EegAnnotation(double Onset, double Duration, string Text);
