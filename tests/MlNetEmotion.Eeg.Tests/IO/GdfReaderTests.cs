using System.Buffers.Binary;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Tools;

namespace MlNetEmotion.Eeg.Tests.IO;

public class GdfReaderTests
{
    private static readonly string V1 = TestData.Path("gdf", "v1_int16.gdf");
    private static readonly string V2 = TestData.Path("gdf", "v2_int32.gdf");

    /// <summary>Samples agree to 1e-9 relative (absolute below one unit); onsets and texts exactly.</summary>
    [Theory]
    [InlineData("v1_int16.gdf", "v1_int16_mne.json")]
    [InlineData("v1_int8.gdf", "v1_int8_mne.json")]
    [InlineData("v1_uint8.gdf", "v1_uint8_mne.json")]
    [InlineData("v1_uint16.gdf", "v1_uint16_mne.json")]
    [InlineData("v1_uint32.gdf", "v1_uint32_mne.json")]
    [InlineData("v2_int32.gdf", "v2_int32_mne.json")]
    [InlineData("v2_int64.gdf", "v2_int64_mne.json")]
    [InlineData("v2_uint64.gdf", "v2_uint64_mne.json")]
    [InlineData("v2_float32.gdf", "v2_float32_mne.json")]
    [InlineData("v2_float64.gdf", "v2_float64_mne.json")]
    [InlineData("v1_mixed.gdf", "v1_mixed_numpy.json")]
    public void ReadsLikeReference(string file, string referenceFile)
    {
        string path = TestData.Path("gdf", file);
        var reference = GdfReference.Load(referenceFile);
        var recording = GdfReader.Read(path);
        Assert.Equal(reference.ch_names, recording.ChannelNames);
        for (int c = 0; c < reference.ch_names.Length; c++)
        {
            var channel = recording.Channels[c];
            Assert.Equal(reference.rates[c], channel.SamplingRate);
            Assert.Equal(PhysicalUnits.ToMicrovolts(reference.units[c]) is null ? reference.units[c] : "uV", channel.Unit);
            Assert.Equal(reference.data[c].Length, channel.Samples.Length);
            for (int i = 0; i < channel.Samples.Length; i++)
                Assert.Equal(reference.data[c][i], channel.Samples[i], 1e-9 * Math.Max(Math.Abs(reference.data[c][i]), 1.0));
        }

        // MNE gives mode-1 events (which store no duration) one sample; the reader keeps the file's 0.
        bool durationless = GdfReader.ReadEvents(path)?.Mode == 1;
        Assert.Equal(reference.annotations.Length, recording.Annotations.Count);
        for (int i = 0; i < reference.annotations.Length; i++)
        {
            Assert.Equal(reference.annotations[i].onset, recording.Annotations[i].Onset);
            Assert.Equal(durationless ? 0 : reference.annotations[i].duration, recording.Annotations[i].Duration);
            Assert.Equal(reference.annotations[i].text, recording.Annotations[i].Text);
        }

        var start = DateTime.Parse(reference.meas_date!, CultureInfo.InvariantCulture);
        // GDF 2 stamps the start in 2^-32 days (20 us); MNE rounds it to microseconds.
        Assert.True(Math.Abs((recording.Info.StartTime!.Value - start).TotalMicroseconds) <= 1,
            $"start {recording.Info.StartTime:O} vs MNE {start:O}");
    }

    [Fact]
    public void Version1HeaderFieldsAreCarried()
    {
        var header = GdfReader.ReadHeader(V1);
        Assert.Equal("GDF 1.25", header.Version);
        Assert.False(header.IsVersion2);
        Assert.Equal("P0042 Jane_Doe", header.PatientId);
        Assert.Equal("Synthetic GDF 1.x fixture", header.RecordingId);
        Assert.Equal(new DateTime(2023, 6, 15, 14, 30, 25, 500), header.StartTime);
        Assert.Equal((1u, 4u, 0.25), (header.RecordDurationNumerator, header.RecordDurationDenominator, header.RecordDuration));
        Assert.Equal(6, header.RecordCount);
        Assert.Equal(256 * 5, header.HeaderBytes);
        Assert.Equal([4, 16, 16, 16], header.Signals.Select(s => s.SamplesPerRecord));
        Assert.All(header.Signals, s => Assert.Equal(GdfSampleType.Int16, s.SampleType));
        Assert.Equal(["mV", "uV", "uV", "degC"], header.Signals.Select(s => s.PhysicalDimension));
        Assert.Equal((-32768.0, 32767.0), (header.Signals[1].DigitalMinimum, header.Signals[1].DigitalMaximum));

        var recording = GdfReader.Read(V1);
        Assert.Equal("GDF 1.25", recording.Info.Format);
        Assert.Equal(0.25, recording.Info.RecordDuration);
        Assert.Equal("Thermistor", recording.Channels[0].Transducer);
        Assert.Equal("HP:0.1Hz LP:100Hz", recording.Channels[1].Prefiltering);
        Assert.False(recording.Channels[3].IsVoltage);
    }

    [Fact]
    public void Version2HeaderFieldsAreCarried()
    {
        var header = GdfReader.ReadHeader(V2);
        Assert.Equal("GDF 2.20", header.Version);
        Assert.True(header.IsVersion2);
        Assert.Equal("P0043 John_Roe", header.PatientId);
        Assert.Equal([4275, 4274, 4275, 512], header.Signals.Select(s => s.PhysicalDimensionCode));
        Assert.Equal(["uV", "mV", "uV", "-"], header.Signals.Select(s => s.PhysicalDimension));
        Assert.Equal(["HP:0.5Hz LP:30Hz Notch:50Hz", "HP:0.1Hz LP:100Hz", "", ""], header.Signals.Select(s => s.Prefiltering));
        Assert.Equal("Skin conductance", header.Signals[3].Transducer);
        Assert.Equal(16.0, header.SamplingRateOf(header.Signals[0]));
        Assert.Equal(64.0, header.SamplingRateOf(header.Signals[1]));
    }

    [Fact]
    public void EventTablesKeepChannelsAndDurations()
    {
        var mode3 = GdfReader.ReadEvents(V1)!;
        Assert.Equal((3, 64.0), (mode3.Mode, mode3.SamplingRate));
        Assert.Equal(
            [new GdfEvent(1, 0x0300, 0, 16), new GdfEvent(20, 0x0301, 2, 3), new GdfEvent(50, 0x7FFE, 0, 1), new GdfEvent(70, 1, 1, 8)],
            mode3.Events);
        var mode1 = GdfReader.ReadEvents(V2)!;
        Assert.Equal((1, 64.0), (mode1.Mode, mode1.SamplingRate));
        Assert.Equal([0x0300, 0x0301, 0x8300, 42], mode1.Events.Select(e => e.Type));
        Assert.Empty(GdfReader.ReadEvents(TestData.Path("gdf", "v1_uint8.gdf"))!.Events);
        Assert.Null(GdfReader.ReadEvents(TestData.Path("gdf", "v2_float64.gdf")));
    }

    [Fact]
    public void EegFileOpensGdfByExtension()
    {
        Assert.Contains(".gdf", EegFile.Extensions);
        var recording = EegFile.Read(V2, new EegFileOptions { Read = new EegReadOptions { Validate = true } });
        Assert.Equal("GDF 2.20", recording.Info.Format);
        string json = EegInfo.ToJson(recording);
        Assert.Contains("\"GDF 2.20\"", json);
        Assert.Contains("\"GSR\"", json);
    }

    [Fact]
    public void Version2TagHeaderAfterTheChannelHeadersIsSkipped()
    {
        // GDF 2 may put a tag-length-value header 3 after the channel headers; the header size (in
        // 256-byte blocks at byte 184) then exceeds 256 · (channels + 1).
        string original = TestData.Path("gdf", "v2_float64.gdf");
        byte[] bytes = File.ReadAllBytes(original);
        byte[] longer = [.. bytes[..768], .. new byte[256], .. bytes[768..]];
        BinaryPrimitives.WriteUInt16LittleEndian(longer.AsSpan(184), 4);
        var recording = GdfReader.Read(new MemoryStream(longer), "tagged.gdf");
        var expected = GdfReader.Read(original);
        Assert.Equal(1024, GdfReader.ReadHeader(Write("tagged.gdf", longer)).HeaderBytes);
        for (int c = 0; c < expected.Channels.Count; c++)
            Assert.Equal(expected.Channels[c].Samples, recording.Channels[c].Samples);
    }

    [Fact]
    public void UnknownRecordCountIsTakenFromFileSize()
    {
        byte[] bytes = File.ReadAllBytes(TestData.Path("gdf", "v2_float64.gdf"));
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(236), -1);
        Assert.Equal(3, GdfReader.ReadHeader(Write("unknown-count.gdf", bytes)).RecordCount);
    }

    private static string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(TestData.TempDirectory(), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Whatever bytes fill the data records, each sample is its little-endian value · gain + offset.</summary>
    [Fact]
    public void AnyDataBytesDecodeAsScaledLittleEndianSamples()
    {
        string path = TestData.Path("gdf", "v1_mixed.gdf");
        byte[] file = File.ReadAllBytes(path);
        var header = GdfReader.ReadHeader(path);
        int dataBytes = (int)(header.RecordCount * header.RecordBytes);
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            byte[] bytes = (byte[])file.Clone();
            new Random(seed).NextBytes(bytes.AsSpan((int)header.HeaderBytes, dataBytes));
            var recording = GdfReader.Read(new MemoryStream(bytes), "random.gdf");
            long at = header.HeaderBytes;
            for (int r = 0; r < header.RecordCount; r++)
            {
                for (int s = 0; s < header.Signals.Count; s++)
                {
                    var signal = header.Signals[s];
                    double scale = PhysicalUnits.ToMicrovolts(signal.PhysicalDimension) ?? 1.0;
                    int size = (int)(signal.RecordBytes / signal.SamplesPerRecord);
                    for (int i = 0; i < signal.SamplesPerRecord; i++, at += size)
                    {
                        double expected = (Value(signal.SampleType, bytes.AsSpan((int)at, size)) * signal.Gain + signal.Offset) * scale;
                        double actual = recording.Channels[s].Samples[r * signal.SamplesPerRecord + i];
                        if (!(double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(actual - expected) <= 1e-9 * Math.Max(Math.Abs(expected), 1.0)))
                            return false;
                    }
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static double Value(GdfSampleType type, ReadOnlySpan<byte> b) => type switch
    {
        GdfSampleType.Int8 => (sbyte)b[0],
        GdfSampleType.UInt8 => b[0],
        GdfSampleType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(b),
        GdfSampleType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(b),
        GdfSampleType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(b),
        GdfSampleType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(b),
        GdfSampleType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(b),
        GdfSampleType.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(b),
        GdfSampleType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(b),
        _ => BinaryPrimitives.ReadDoubleLittleEndian(b),
    };
}
