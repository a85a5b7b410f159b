namespace MlNetEmotion.Eeg.IO;

/// <summary>The BioSemi status channel: its low 16 bits carry the trigger lines.</summary>
public static class BdfStatus
{
    /// <summary>Mask of the trigger bits of a status sample.</summary>
    public const int TriggerMask = 0xFFFF;

    /// <summary>
    /// One <c>Trigger N</c> annotation wherever the trigger bits change to a non-zero value N
    /// (onset in seconds, duration until the bits change again).
    /// </summary>
    /// <param name="status">The status channel (raw digital values).</param>
    public static IEnumerable<EegAnnotation> TriggerEvents(EegChannel status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var samples = status.Samples;
        int previous = 0;
        int start = -1;
        for (int i = 0; i <= samples.Length; i++)
        {
            int value = i < samples.Length ? (int)samples[i] & TriggerMask : 0;
            if (value == previous) continue;
            if (previous != 0)
                yield return new EegAnnotation(start / status.SamplingRate, (i - start) / status.SamplingRate, $"Trigger {previous}");
            previous = value;
            start = i;
        }
    }
}
