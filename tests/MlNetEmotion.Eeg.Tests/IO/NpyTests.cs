using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Eeg.Tests.IO;

public class NpyTests
{
    private static double Value(int i, double scale) => (i * 7 % 11 - 5) * scale;

    private static double[] Values(int n, double scale) => Enumerable.Range(0, n).Select(i => Value(i, scale)).ToArray();

    [Theory]
    [InlineData("f8_2x3x4.npy", NpyDataType.Float64, new[] { 2, 3, 4 }, 0.25, 0.0)]
    [InlineData("f4_5.npy", NpyDataType.Float32, new[] { 5 }, 0.5, 0.0)]
    [InlineData("i4_3x2.npy", NpyDataType.Int32, new[] { 3, 2 }, 3.0, 0.0)]
    [InlineData("i8_4.npy", NpyDataType.Int64, new[] { 4 }, 1e12, 0.0)]
    [InlineData("u1_2x2.npy", NpyDataType.UInt8, new[] { 2, 2 }, 1.0, 5.0)]
    [InlineData("f8_fortran_2x3x4.npy", NpyDataType.Float64, new[] { 2, 3, 4 }, 0.25, 0.0)]
    public void ReadsNumpyFilesInCOrder(string file, NpyDataType type, int[] shape, double scale, double offset)
    {
        var array = Npy.Read(TestData.Path("npy", file));
        Assert.Equal(type, array.DataType);
        Assert.Equal(shape, array.Shape);
        double[] expected = Values(array.Length, scale).Select(v => v + offset).ToArray();
        Assert.Equal(expected, array.ToDoubleArray());
    }

    [Fact]
    public void ReadsScalar()
    {
        var array = Npy.Read(TestData.Path("npy", "f8_scalar.npy"));
        Assert.Empty(array.Shape);
        Assert.Equal(3.5, array.As<double>()[0]);
    }

    [Theory]
    [InlineData("f8_2x3x4.npy")]
    [InlineData("f4_5.npy")]
    [InlineData("i4_3x2.npy")]
    [InlineData("i8_4.npy")]
    [InlineData("u1_2x2.npy")]
    [InlineData("f8_scalar.npy")]
    public void WritesTheSameBytesAsNumpy(string file)
    {
        string source = TestData.Path("npy", file);
        string target = Path.Combine(TestData.TempDirectory(), file);
        Npy.Write(target, Npy.Read(source));
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(target));
    }

    [Theory]
    [InlineData("f8_big_endian_3.npy", ">f8")]
    [InlineData("c16_2.npy", "<c16")]
    public void RejectsUnsupportedTypesNamingFileAndType(string file, string dtype)
    {
        var error = Assert.Throws<NpyFormatException>(() => Npy.Read(TestData.Path("npy", file)));
        Assert.Contains(file, error.Message);
        Assert.Contains(dtype, error.Message);
    }

    [Fact]
    public void RejectsTruncatedData()
    {
        byte[] bytes = File.ReadAllBytes(TestData.Path("npy", "f8_2x3x4.npy"));
        var error = Assert.Throws<NpyFormatException>(() => Npy.Read(new MemoryStream(bytes[..^5]), "cut.npy"));
        Assert.Contains("cut.npy", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void RoundTripsAnyShapeAndValues()
    {
        Prop.ForAll<NonEmptyArray<NormalFloat>, PositiveInt>((values, split) =>
        {
            double[] data = values.Get.Select(v => v.Get).ToArray();
            int rows = split.Get % data.Length + 1;
            if (data.Length % rows != 0) rows = 1;
            using var stream = new MemoryStream();
            Npy.Write(stream, new NpyArray(data, rows, data.Length / rows));
            stream.Position = 0;
            var back = Npy.Read(stream);
            return back.Shape.SequenceEqual([rows, data.Length / rows]) && back.As<double>().SequenceEqual(data);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ShapeMismatchIsAnArgumentError()
    {
        var error = Assert.Throws<ArgumentException>(() => new NpyArray(new double[5], 2, 3));
        Assert.Contains("[2, 3]", error.Message);
    }
}
