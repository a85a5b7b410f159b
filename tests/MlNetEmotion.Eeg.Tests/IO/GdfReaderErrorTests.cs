using System.Buffers.Binary;
using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Tests.IO;

/// <summary>Malformed GDF files: each error names the file, the channel where one is at fault, and the value found.</summary>
public class GdfReaderErrorTests
{
    // v1_int16.gdf: 4 channels (Resp, Fp1, Fp2, Temp), header 1280 bytes, 6 records of 104 bytes, then a mode-3 event table.
    private const int Channels = 4;

    [Fact]
    public void TruncatedFixedHeaderNamesFileAndSize()
    {
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(Corrupt("short.gdf", b => b[..100])));
        Assert.Contains("short.gdf", error.Message);
        Assert.Contains("100 bytes", error.Message);
    }

    [Fact]
    public void TruncatedChannelHeadersNameTheNeededSize()
    {
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(Corrupt("cut.gdf", b => b[..600])));
        Assert.Contains("cut.gdf", error.Message);
        Assert.Contains("600 bytes", error.Message);
        Assert.Contains("1280", error.Message);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(5)]
    [InlineData(-3)]
    public void RecordCountDisagreeingWithFileSizeIsRejected(long records)
    {
        string path = Corrupt("count.gdf", b => PutInt64(b, 236, records));
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(path));
        Assert.Contains("count.gdf", error.Message);
        Assert.Contains($"{records} data records", error.Message);
        Assert.Null(error.Channel);
    }

    [Fact]
    public void UnknownDataTypeCodeNamesChannelAndValue()
    {
        // Type codes start at 256 + 220 · channels; the third channel is Fp2.
        string path = Corrupt("type.gdf", b => PutInt32(b, 256 + 220 * Channels + 4 * 2, 9));
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(path));
        Assert.Equal("Fp2", error.Channel);
        Assert.Contains("type.gdf", error.Message);
        Assert.Contains("data type code 9", error.Message);
    }

    [Fact]
    public void InvertedDigitalRangeNamesTheChannel()
    {
        // Digital maxima start at 256 + 128 · channels; the first channel is Resp.
        string path = Corrupt("digmax.gdf", b => PutInt64(b, 256 + 128 * Channels, -40000));
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(path));
        Assert.Equal("Resp", error.Channel);
        Assert.Contains("-40000", error.Message);
    }

    [Fact]
    public void NonPositiveSamplesPerRecordNamesTheChannel()
    {
        string path = Corrupt("spr.gdf", b => PutInt32(b, 256 + 216 * Channels + 4 * 3, 0));
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(path));
        Assert.Equal("Temp", error.Channel);
        Assert.Contains("is 0", error.Message);
    }

    [Fact]
    public void ZeroRecordDurationIsRejected()
    {
        string path = Corrupt("duration.gdf", b => PutInt32(b, 248, 0));
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(path));
        Assert.Contains("1/0 s", error.Message);
    }

    [Fact]
    public void HeaderSizeFieldMustMatchChannelCount()
    {
        string path = Corrupt("hsize.gdf", b => PutInt64(b, 184, 1024));
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(path));
        Assert.Contains("1024", error.Message);
    }

    [Fact]
    public void BadEventTableModeIsRejected()
    {
        string path = Corrupt("mode.gdf", b => { b[1280 + 6 * 104] = 2; return b; });
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(path));
        Assert.Contains("mode byte 2", error.Message);
    }

    [Fact]
    public void NotAGdfFile()
    {
        string path = Corrupt("text.gdf", b => { "hello   "u8.CopyTo(b); return b; });
        var error = Assert.Throws<EegFormatException>(() => GdfReader.Read(path));
        Assert.Contains("'hello'", error.Message);
    }

    private static string Corrupt(string name, Func<byte[], byte[]> change)
    {
        string path = Path.Combine(TestData.TempDirectory(), name);
        File.WriteAllBytes(path, change(File.ReadAllBytes(TestData.Path("gdf", "v1_int16.gdf"))));
        return path;
    }

    private static byte[] PutInt64(byte[] bytes, int offset, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }

    private static byte[] PutInt32(byte[] bytes, int offset, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }
}
