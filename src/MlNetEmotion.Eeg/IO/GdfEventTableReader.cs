using System.Buffers.Binary;

namespace MlNetEmotion.Eeg.IO;

/// <summary>Parses the event table that follows the data records of a GDF file.</summary>
internal static class GdfEventTableReader
{
    private const int HeadBytes = 8;

    /// <summary>
    /// Reads the event table at <see cref="GdfHeader.EventTableOffset"/>; null when the file ends with the data.
    /// Its size must account for every byte after the data records, which also checks the header's record count.
    /// </summary>
    public static GdfEventTable? Read(Stream stream, string sourceName, GdfHeader header)
    {
        long remaining = stream.Length - header.EventTableOffset;
        if (remaining == 0) return null;
        string records = $"header says {header.RecordCount} data records of {header.RecordBytes} bytes";
        if (remaining < HeadBytes)
            throw new EegFormatException(sourceName, null, $"{records}; the {remaining} bytes after them are too few for an event table ({HeadBytes} bytes at least).");
        stream.Position = header.EventTableOffset;
        var head = new byte[HeadBytes];
        stream.ReadExactly(head);
        int mode = head[0];
        if (mode is not (1 or 3))
            throw new EegFormatException(sourceName, null, $"{records}; the {remaining} bytes after them do not start an event table (mode byte {mode}, 1 or 3 expected).");
        // Before version 1.94 the head is rate (uint24) and count (uint32); from 1.94 count (uint24) and rate (float32).
        int uint24 = head[1] | head[2] << 8 | head[3] << 16;
        bool early = header.VersionNumber < 1.94;
        long count = early ? BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(4)) : uint24;
        double rate = early ? uint24 : BinaryPrimitives.ReadSingleLittleEndian(head.AsSpan(4));
        int perEvent = mode == 3 ? 12 : 6;
        if (HeadBytes + count * perEvent != remaining)
            throw new EegFormatException(sourceName, null,
                $"{records}; the {remaining} bytes after them should be an event table of mode {mode} with {count} events, which takes {HeadBytes + count * perEvent} bytes.");
        if (!double.IsFinite(rate) || rate < 0)
            throw new EegFormatException(sourceName, null, $"event table sampling rate {rate} is not a finite non-negative number.");

        var body = new byte[remaining - HeadBytes];
        stream.ReadExactly(body);
        int n = (int)count;
        var events = new GdfEvent[n];
        for (int i = 0; i < n; i++)
        {
            long position = BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(4 * i));
            int type = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(4 * n + 2 * i));
            int channel = mode == 3 ? BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(6 * n + 2 * i)) : 0;
            long duration = mode == 3 ? BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(8 * n + 4 * i)) : 0;
            events[i] = new GdfEvent(position, type, channel, duration);
        }
        return new GdfEventTable(mode, rate, events);
    }
}
