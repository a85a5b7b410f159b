using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.IO.Mat;

namespace MlNetEmotion.Eeg.Tests.IO;

public class MatReaderTests
{
    private static double[] V(int n, double scale = 1, double offset = 0) =>
        Enumerable.Range(0, n).Select(i => (i * 7 % 11 - 5) * scale + offset).ToArray();

    private static MatNumericArray Numeric(MatFile file, string name) => Assert.IsType<MatNumericArray>(file[name]);

    [Theory]
    [InlineData("types_compressed.mat")]
    [InlineData("types_plain.mat")]
    public void ReadsEveryScipyType(string fileName)
    {
        var file = MatReader.Read(TestData.Path("mat", fileName));
        var d3 = Numeric(file, "d3");
        Assert.Equal([3, 4, 5], d3.Dimensions);
        Assert.Equal(V(60), d3.ToRowMajor());
        Assert.Equal(MatClass.Double, d3.Class);

        (string Name, MatClass Class, double Scale, double Offset, int N)[] cases =
        [
            ("single", MatClass.Single, 1, 0, 6), ("i8", MatClass.Int8, 1, 0, 5), ("u8", MatClass.UInt8, 1, 5, 5),
            ("i16", MatClass.Int16, 1000, 0, 4), ("u16", MatClass.UInt16, 1000, 5000, 4), ("i32", MatClass.Int32, 1e5, 0, 3),
            ("u32", MatClass.UInt32, 1e5, 5e5, 3), ("i64", MatClass.Int64, 1e12, 0, 2), ("u64", MatClass.UInt64, 1e12, 5e12, 2),
        ];
        foreach (var (name, matClass, scale, offset, n) in cases)
        {
            var array = Numeric(file, name);
            Assert.Equal(matClass, array.Class);
            Assert.Equal(V(n, scale, offset), array.ToRowMajor());
        }

        var flags = Numeric(file, "flags");
        Assert.True(flags.IsLogical);
        Assert.Equal([1.0, 0, 1], flags.Real);

        var complex = Numeric(file, "cplx");
        Assert.Equal([-5.0, -2, 2, 5], complex.Real);           // column-major of [[-5, 2], [-2, 5]]
        Assert.Equal([-10.0, -4, 4, 10], complex.Imaginary!);

        Assert.Equal("hello world", Assert.IsType<MatCharArray>(file["name"]).Text);

        var cell = Assert.IsType<MatCellArray>(file["cellv"]);
        Assert.Equal([1, 3], cell.Dimensions);
        Assert.Equal(1.5, Assert.IsType<MatNumericArray>(cell.Items[0]).Scalar);
        Assert.Equal("txt", Assert.IsType<MatCharArray>(cell.Items[1]).Text);
        Assert.Equal(V(3), Assert.IsType<MatNumericArray>(cell.Items[2]).Real);

        var st = Assert.IsType<MatStructArray>(file["st"]);
        Assert.Equal(["a", "b", "c"], st.FieldNames);
        Assert.Equal(V(6), Assert.IsType<MatNumericArray>(st["a"]).ToRowMajor());
        Assert.Equal("text", Assert.IsType<MatCharArray>(st["b"]).Text);
        Assert.Equal(42.0, Assert.IsType<MatNumericArray>(Assert.IsType<MatStructArray>(st["c"])["inner"]).Scalar);

        var starr = Assert.IsType<MatStructArray>(file["starr"]);
        Assert.Equal(2, starr.Count);
        Assert.Equal(2.0, Assert.IsType<MatNumericArray>(starr["x", 1]).Scalar);
        Assert.Equal("one", Assert.IsType<MatCharArray>(starr["y", 0]).Text);

        Assert.Equal(0, file["empty"].Count);
    }

    [Fact]
    public void ReadsDeapLayout()
    {
        var subject = DeapMatReader.Read(TestData.Path("mat", "deap_like.mat"));
        Assert.Equal((2, 3, 10), (subject.Trials, subject.Channels, subject.Samples));
        Assert.Equal(V(60, 0.5), subject.Data);
        Assert.Equal(V(8, 0.25, 5), subject.Labels);
        var trial = subject.ToRecording(1);
        Assert.Equal(["Fp1", "AF3", "F3"], trial.ChannelNames);
        Assert.Equal(V(60, 0.5)[30..40], trial.Channels[0].Samples);
        Assert.Equal(128, trial.SamplingRate);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WriterRoundTripsEveryKind(bool compress)
    {
        var original = MatReader.Read(TestData.Path("mat", "types_plain.mat"));
        string path = Path.Combine(TestData.TempDirectory(), "copy.mat");
        MatWriter.Write(path, original.Variables, compress);
        var copy = MatReader.Read(path);
        Assert.Equal(original.Variables.Select(v => v.Key), copy.Variables.Select(v => v.Key));
        foreach (var (name, value) in original.Variables)
            AssertSame(value, copy[name]);
    }

    internal static void AssertSame(MatValue expected, MatValue actual)
    {
        Assert.Equal(expected.Class, actual.Class);
        Assert.Equal(expected.Dimensions, actual.Dimensions);
        switch (expected)
        {
            case MatNumericArray n:
                var m = Assert.IsType<MatNumericArray>(actual);
                Assert.Equal(n.Real, m.Real);
                Assert.Equal(n.Imaginary, m.Imaginary);
                Assert.Equal(n.IsLogical, m.IsLogical);
                break;
            case MatCharArray c:
                Assert.Equal(c.Rows, Assert.IsType<MatCharArray>(actual).Rows);
                break;
            case MatCellArray cell:
                var other = Assert.IsType<MatCellArray>(actual);
                for (int i = 0; i < cell.Count; i++) AssertSame(cell.Items[i], other.Items[i]);
                break;
            case MatStructArray s:
                var t = Assert.IsType<MatStructArray>(actual);
                Assert.Equal(s.FieldNames, t.FieldNames);
                for (int e = 0; e < s.Count; e++)
                    foreach (var f in s.FieldNames) AssertSame(s[f, e], t[f, e]);
                break;
        }
    }

    [Fact]
    public void RejectsNonMatFilesAndTruncation()
    {
        var error = Assert.Throws<EegFormatException>(() => MatReader.Read(TestData.Path("S001R01.edf")));
        Assert.Contains("S001R01.edf", error.Message);
        Assert.Contains("'IM' or 'MI' expected", error.Message);

        byte[] bytes = File.ReadAllBytes(TestData.Path("mat", "types_plain.mat"));
        var cut = Assert.Throws<EegFormatException>(() => MatReader.Read(bytes[..600], "cut.mat"));
        Assert.Contains("cut.mat", cut.Message);
    }

    [Fact]
    public void MissingDeapVariablesAreNamed()
    {
        var error = Assert.Throws<EegFormatException>(() => DeapMatReader.Read(TestData.Path("mat", "types_plain.mat")));
        Assert.Contains("'data' and 'labels'", error.Message);
        Assert.Contains("d3", error.Message);
    }
}
