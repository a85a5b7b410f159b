using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>Recomputes the checksums of mutated inputs, so that the mutations reach the code behind the checksum check.</summary>
public static class Checksums
{
    /// <summary>Rewrites the CRC of every whole PNG chunk (the walk stops at the first chunk that runs past the end).</summary>
    public static byte[] RepairPng(byte[] png)
    {
        var result = (byte[])png.Clone();
        long at = 8;
        while (at + 12 <= result.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(result.AsSpan((int)at));
            if (at + 12 + length > result.Length) break;
            uint crc = Crc(result.AsSpan((int)at + 4, 4 + (int)length));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan((int)(at + 8 + length)), crc);
            at += 12 + length;
        }
        return result;
    }

    /// <summary>The CRC-32 of ISO 3309 that PNG uses (bitwise; inputs are small).</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>Rewrites the SHA-256 that ends a disk-cache entry (magic, payload, hash).</summary>
    public static byte[] RepairCacheEntry(byte[] entry)
    {
        const int magic = 8, hash = 32;
        if (entry.Length < magic + hash) return entry;
        var result = (byte[])entry.Clone();
        SHA256.HashData(result.AsSpan(magic, result.Length - magic - hash)).CopyTo(result.AsSpan(result.Length - hash));
        return result;
    }
}
