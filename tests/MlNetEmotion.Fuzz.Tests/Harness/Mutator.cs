using System.Buffers.Binary;
using System.Text;

namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>
/// Seeded mutations of a valid file: bit flips, bytes and 16/32/64-bit header fields set to zero, negative, huge and
/// boundary values (little- or big-endian), truncation, inserted, deleted and duplicated ranges, and for text formats
/// numbers replaced by NaN/infinite/empty/huge tokens and markup tricks (DTDs, entities, deep nesting). A seed gives
/// the same mutations on every run.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly long[] Interesting =
        [0, 1, -1, 2, 7, 8, 255, 256, 0x7F, 0x80, 0xFFFF, 0x10000, int.MaxValue, int.MinValue, 0x3FFFFFFF, 0x40000000, uint.MaxValue, 1 << 20, long.MaxValue, long.MinValue];

    private static readonly string[] Tokens =
    [
        "NaN", "nan", "Infinity", "-Infinity", "1e309", "-1e309", "", " ", "-1", "0", "99999999999", "2147483648", "-2147483649",
        "1073741823", "65536", ",", ",,", "\"", "'", "\n", "\r\n", "\0", "(", ")", "[", "]", "{", "}", ":", "True", "False", "null",
        "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>", "&e;", "<!ENTITY x \"xx\">", "<xi:include href=\"/etc/hostname\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"/>",
        "<a>", "</a>", "<![CDATA[", "]]>", "&#0;", "&amp;", "\\u0000", "'shape': (1, 1), ", "'descr': '<f8', ", "{\"a\":",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One mutated copy of <paramref name="input"/> (1 to 4 mutations).</summary>
    /// <param name="input">A valid file.</param>
    /// <param name="text">True for text formats (CSV, XML, JSON, Netpbm and Y4M headers): token mutations are added.</param>
    public byte[] Mutate(byte[] input, bool text)
    {
        var data = new List<byte>(input);
        int rounds = 1 + _random.Next(4);
        for (int r = 0; r < rounds; r++) Apply(data, text);
        return [.. data];
    }

    private void Apply(List<byte> data, bool text)
    {
        int operations = text ? 13 : 10;
        switch (_random.Next(operations))
        {
            case 0: FlipBits(data); break;
            case 1: SetBytes(data); break;
            case 2: SetField(data, 2); break;
            case 3: case 4: SetField(data, 4); break;
            case 5: SetField(data, 8); break;
            case 6: Truncate(data); break;
            case 7: InsertRandom(data); break;
            case 8: DeleteRange(data); break;
            case 9: DuplicateRange(data); break;
            case 10: case 11: ReplaceNumber(data); break;
            default: InsertToken(data); break;
        }
    }

    /// <summary>An offset biased towards the header, where sizes and counts live.</summary>
    private int Offset(int count, int width)
    {
        int span = Math.Max(1, count - width + 1);
        return _random.Next(3) < 2 ? _random.Next(Math.Min(span, 1024)) : _random.Next(span);
    }

    private void FlipBits(List<byte> data)
    {
        if (data.Count == 0) return;
        for (int i = 1 + _random.Next(8); i > 0; i--)
        {
            int at = Offset(data.Count, 1);
            data[at] ^= (byte)(1 << _random.Next(8));
        }
    }

    private void SetBytes(List<byte> data)
    {
        if (data.Count == 0) return;
        for (int i = 1 + _random.Next(4); i > 0; i--)
            data[Offset(data.Count, 1)] = _random.Next(2) == 0 ? (byte)Interesting[_random.Next(11)] : (byte)_random.Next(256);
    }

    private void SetField(List<byte> data, int width)
    {
        if (data.Count < width) return;
        long value = _random.Next(4) == 0 ? _random.NextInt64() : Interesting[_random.Next(Interesting.Length)];
        Span<byte> bytes = stackalloc byte[8];
        if (_random.Next(2) == 0) BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        else BinaryPrimitives.WriteInt64BigEndian(bytes, value << (8 * (8 - width)));
        int at = Offset(data.Count, width);
        for (int i = 0; i < width; i++) data[at + i] = bytes[i];
    }

    private void Truncate(List<byte> data)
    {
        if (data.Count == 0) return;
        int keep = _random.Next(3) == 0 ? _random.Next(Math.Min(data.Count, 512)) : _random.Next(data.Count);
        data.RemoveRange(keep, data.Count - keep);
    }

    private void InsertRandom(List<byte> data)
    {
        var chunk = new byte[1 + _random.Next(64)];
        _random.NextBytes(chunk);
        data.InsertRange(_random.Next(data.Count + 1), chunk);
    }

    private void DeleteRange(List<byte> data)
    {
        if (data.Count < 2) return;
        int at = _random.Next(data.Count);
        data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(256)));
    }

    private void DuplicateRange(List<byte> data)
    {
        if (data.Count < 2) return;
        int at = _random.Next(data.Count);
        var slice = data.GetRange(at, Math.Min(data.Count - at, 1 + _random.Next(512)));
        data.InsertRange(_random.Next(data.Count + 1), slice);
    }

    private void ReplaceNumber(List<byte> data)
    {
        if (data.Count == 0) return;
        int start = Offset(data.Count, 1);
        while (start < data.Count && !char.IsAsciiDigit((char)data[start])) start++;
        if (start == data.Count) return;
        int end = start;
        while (end < data.Count && (char.IsAsciiDigit((char)data[end]) || data[end] is (byte)'.' or (byte)'e' or (byte)'-')) end++;
        data.RemoveRange(start, end - start);
        data.InsertRange(start, Encoding.UTF8.GetBytes(Tokens[_random.Next(17)]));
    }

    private void InsertToken(List<byte> data)
    {
        string token = Tokens[_random.Next(Tokens.Length)];
        if (token == "<a>" && _random.Next(2) == 0) token = string.Concat(Enumerable.Repeat("<a>", 50 + _random.Next(2000)));
        data.InsertRange(_random.Next(data.Count + 1), Encoding.UTF8.GetBytes(token));
    }
}
