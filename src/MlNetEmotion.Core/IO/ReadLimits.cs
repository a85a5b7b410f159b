namespace MlNetEmotion.Core.IO;

/// <summary>
/// Resource limits that every file reader checks against the sizes and counts a file declares before it
/// allocates: a file over a limit is refused with the reader's typed format exception, naming the file, the
/// field and the limit. Raise a limit to read a larger file deliberately.
/// </summary>
public sealed class ReadLimits
{
    /// <summary>A new instance with the documented defaults below: the limits readers use when none are given. Each call
    /// returns a fresh instance, so raising a limit on one never changes the defaults of other readers.</summary>
    public static ReadLimits Default => new();

    /// <summary>Largest input file read, in bytes. Default 4 GiB.</summary>
    public long MaxFileBytes { get; set; } = 4L << 30;

    /// <summary>Largest text file parsed whole (CSV tables, JSON manifests, cascade XML after decompression), in bytes. Default 256 MiB.</summary>
    public long MaxTextBytes { get; set; } = 256L << 20;

    /// <summary>
    /// Largest decompressed payload of one file (MAT <c>miCOMPRESSED</c> elements), in bytes.
    /// Decompression also stops at the size the file itself declares. Default 512 MiB.
    /// </summary>
    public long MaxDecompressedBytes { get; set; } = 512L << 20;

    /// <summary>Most values in one decoded array or recording (samples of all channels, pixels × channels of an image).
    /// Default 2^27 (134,217,728: 1 GiB as doubles).</summary>
    public long MaxElements { get; set; } = 1L << 27;

    /// <summary>Most channels (signals, columns, array rows read as channels) in one recording. Default 4096.</summary>
    public int MaxChannels { get; set; } = 4096;

    /// <summary>Deepest nesting of containers (MAT cells and structs, XML elements, JSON values). Default 64.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Throws the reader's error when <paramref name="value"/> exceeds <paramref name="limit"/>.</summary>
    /// <param name="value">The size or count the file declares.</param>
    /// <param name="limit">The limit's value.</param>
    /// <param name="field">What was counted (for the message), for example "element count of variable 'x'".</param>
    /// <param name="limitName">The limit's property name, for example <c>nameof(MaxElements)</c>.</param>
    /// <param name="error">Builds the reader's typed exception from a detail message.</param>
    public static void Check(long value, long limit, string field, string limitName, Func<string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (value < 0 || value > limit)
            throw error($"{field} is {value}, outside 0..{limit} (the limit ReadLimits.{limitName}; raise it to read this file).");
    }
}
