namespace MlNetEmotion.Eeg.IO;

/// <summary>One entry of a GDF event table.</summary>
/// <param name="Position">Position in samples of the event table's rate, 1-based as stored (the first sample is 1).</param>
/// <param name="Type">Event type code, e.g. 0x0300 (768) for the start of a trial; codes with the 0x8000 bit set mark an event's end.</param>
/// <param name="Channel">Channel the event belongs to, 1-based; 0 for all channels (always 0 in mode-1 tables).</param>
/// <param name="Duration">Duration in samples; 0 in mode-1 tables, which store none.</param>
public sealed record GdfEvent(long Position, int Type, int Channel, long Duration);
