using System.Text;
using MlNetEmotion.Eeg.IO;

namespace MlNetEmotion.Eeg.Tests.IO;

public class EdfAnnotationsTests
{
    [Fact]
    public void ParsesTimeKeepingDurationsAndSeveralTexts()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("+12.5\u0014\u0014\0+13\u00151.25\u0014eyes closed\u0014blink\u0014\0-0.5\u0014early\u0014\0\0\0\0");
        var annotations = new List<EegAnnotation>();
        double? onset = EdfAnnotations.ParseRecord(bytes, "x.edf", 3, annotations);
        Assert.Equal(12.5, onset);
        Assert.Equal([new EegAnnotation(13, 1.25, "eyes closed"), new EegAnnotation(13, 1.25, "blink"), new EegAnnotation(-0.5, 0, "early")], annotations);
    }

    [Fact]
    public void FormatThenParseRoundTrips()
    {
        EegAnnotation[] written = [new(2.25, 0.5, "stimulus ü"), new(3, 0, "T1")];
        var back = new List<EegAnnotation>();
        Assert.Equal(2.0, EdfAnnotations.ParseRecord(EdfAnnotations.FormatRecord(2, written), "x.edf", 0, back));
        Assert.Equal(written, back);
    }

    [Fact]
    public void BadOnsetNamesRecordAndValue()
    {
        var error = Assert.Throws<EegFormatException>(() => EdfAnnotations.ParseRecord(Encoding.ASCII.GetBytes("+1x\u0014\u0014\0"), "x.edf", 7, []));
        Assert.Contains("record 7", error.Message);
        Assert.Contains("'+1x'", error.Message);
    }

    [Fact]
    public void DiscontinuousFilesAreFlaggedWithRecordOnsets()
    {
        string path = EdfReaderTests.Corrupt("discontinuous.edf", bytes =>
        {
            Encoding.ASCII.GetBytes("EDF+D").CopyTo(bytes, 192);
            return bytes;
        });
        var recording = EdfReader.Read(path);
        Assert.True(recording.Info.IsDiscontinuous);
        Assert.Equal("EDF+D", recording.Info.Format);
        Assert.Equal(Enumerable.Range(0, 61).Select(i => (double)i), recording.Info.RecordOnsets);
    }
}
