using System.Text;
using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Tests.IO;

/// <summary>Header variants of S001R01.edf (65 signals): physical range, units, annotation signals.</summary>
public class EdfScalingTests
{
    private const int Signals = 65;
    private static readonly EegRecording Original = EdfReader.Read(TestData.Path("S001R01.edf"));

    private static string Edit(string name, params (int Offset, string Text)[] edits) =>
        EdfReaderTests.Corrupt(name, bytes =>
        {
            foreach (var (offset, text) in edits) Encoding.ASCII.GetBytes(text).CopyTo(bytes, offset);
            return bytes;
        });

    private static int Field(int start, int width, int signal) => 256 + start * Signals + width * signal;

    [Fact]
    public void ReversedPhysicalRangeGivesNegativeGain()
    {
        // Channel 0: physical -8092..8092 uV over digital -32768..32767; swapping the physical ends negates the gain
        // and the offset (physical min − digital min · gain), so every sample changes sign.
        var flipped = EdfReader.Read(Edit("reversed.edf", (Field(104, 8, 0), "8092    "), (Field(112, 8, 0), "-8092   ")));
        var before = Original.Channels[0].Samples;
        var after = flipped.Channels[0].Samples;
        for (int i = 0; i < before.Length; i += 97)
            Assert.Equal(-before[i], after[i], 1e-9);
        Assert.Equal(Original.Channels[1].Samples, flipped.Channels[1].Samples);
    }

    [Theory]
    [InlineData("mV      ", 1e3)]
    [InlineData("V       ", 1e6)]
    [InlineData("nV      ", 1e-3)]
    [InlineData("\u00b5V      ", 1.0)]
    public void VoltageUnitsAreScaledToMicrovolts(string unit, double factor)
    {
        var path = EdfReaderTests.Corrupt($"unit-{factor}.edf", bytes =>
        {
            Encoding.Latin1.GetBytes(unit).CopyTo(bytes, Field(96, 8, 2));
            return bytes;
        });
        var scaled = EdfReader.Read(path).Channels[2];
        Assert.Equal("uV", scaled.Unit);
        var before = Original.Channels[2].Samples;
        for (int i = 0; i < before.Length; i += 101)
            Assert.Equal(before[i] * factor, scaled.Samples[i], Math.Abs(before[i] * factor) * 1e-15);
    }

    [Fact]
    public void OtherUnitsKeepPhysicalValues()
    {
        var channel = EdfReader.Read(Edit("degc.edf", (Field(96, 8, 5), "degC    "))).Channels[5];
        Assert.Equal("degC", channel.Unit);
        Assert.False(channel.IsVoltage);
        Assert.Equal(Original.Channels[5].Samples, channel.Samples);
    }

    [Fact]
    public void TimeKeepingTalMayCarryAnnotations()
    {
        var annotations = new List<EegAnnotation>();
        double? onset = EdfAnnotations.ParseRecord(Encoding.ASCII.GetBytes("+4\u0014\u0014Recording starts\u0014\0+4.5\u0014T1\u0014\0"), "x.edf", 0, annotations);
        Assert.Equal(4.0, onset);
        Assert.Equal([new EegAnnotation(4, 0, "Recording starts"), new EegAnnotation(4.5, 0, "T1")], annotations);
    }

    [Fact]
    public void OnlyTheFirstAnnotationSignalStampsRecords()
    {
        // Turn channel 63 (160 samples = 320 bytes per record) into an extra annotation signal before the original
        // one (64): both open each record with a time-keeping TAL, but only one stamp per record is a record onset.
        var header = EdfReader.ReadHeader(TestData.Path("S001R01.edf"));
        var path = EdfReaderTests.Corrupt("two-annotation-signals.edf", bytes =>
        {
            Encoding.ASCII.GetBytes("EDF Annotations ").CopyTo(bytes, 256 + 16 * 63);
            for (int r = 0; r < header.RecordCount; r++)
            {
                var second = bytes.AsSpan(header.HeaderBytes + r * (int)header.RecordBytes + 2 * 160 * 63, 2 * 160);
                second.Clear();
                Encoding.ASCII.GetBytes($"+{r}\u0014\u0014\0+{r}.5\u0014second {r}\u0014\0").CopyTo(second);
            }
            return bytes;
        });
        var recording = EdfReader.Read(path);
        Assert.Equal(63, recording.Channels.Count);
        Assert.Equal(Enumerable.Range(0, 61).Select(i => (double)i), recording.Info.RecordOnsets);
        Assert.Equal(61, recording.Annotations.Count(a => a.Text.StartsWith("second ", StringComparison.Ordinal)));
        Assert.Contains(new EegAnnotation(7.5, 0, "second 7"), recording.Annotations);
    }
}
