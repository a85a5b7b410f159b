using System.Text;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.IO.Mat;

namespace MlNetEmotion.Eeg.Tests.IO;

/// <summary>MAT-file variants beyond scipy's default output (fixtures: tests/data/eeg/make_mat_variant_fixtures.py).</summary>
public class MatVariantTests
{
    private static MatNumericArray Numeric(MatFile file, string name) => Assert.IsType<MatNumericArray>(file[name]);

    [Theory]
    [InlineData("types_bigendian.mat")]
    [InlineData("types_onezlib.mat")]
    public void VariantsHoldTheSameValuesAsThePlainFile(string fileName)
    {
        var plain = MatReader.Read(TestData.Path("mat", "types_plain.mat"));
        var variant = MatReader.Read(TestData.Path("mat", fileName));
        Assert.Equal(plain.Variables.Select(v => v.Key), variant.Variables.Select(v => v.Key));
        foreach (var (name, value) in plain.Variables)
            MatReaderTests.AssertSame(value, variant[name]);
        // spot checks that do not rely on the plain reader: a double, a 64-bit integer, UTF-16 chars
        Assert.Equal(-5.0, Numeric(variant, "d3").ToRowMajor()[0]);
        Assert.Equal(2.0, Numeric(variant, "d3").ToRowMajor()[1]);
        Assert.Equal(-5e12, Numeric(variant, "i64").Real[0]);
        Assert.Equal("hello world", Assert.IsType<MatCharArray>(variant["name"]).Text);
    }

    [Fact]
    public void SparseArraysAreReturnedDense()
    {
        var file = MatReader.Read(TestData.Path("mat", "sparse.mat"));
        double[] dense = [0, 1.5, 0, 2, 0, 0, 0, 0, -3, 0, 4, 0];   // row-major 4 x 3
        var sp = Numeric(file, "sp");
        Assert.Equal([4, 3], sp.Dimensions);
        Assert.Equal(dense, sp.ToRowMajor());
        Assert.Null(sp.Imaginary);

        var spc = Numeric(file, "spc");
        Assert.Equal(dense, spc.ToRowMajor());
        // imaginary part = dense.T reshaped to 4 x 3, stored column-major
        double[] imaginaryRowMajor = [0, 2, 0, 0, 1.5, 0, 0, 4, 0, 0, -3, 0];
        var imaginary = new MatNumericArray(MatClass.Double, [4, 3], spc.Imaginary!).ToRowMajor();
        Assert.Equal(imaginaryRowMajor, imaginary);

        var spl = Numeric(file, "spl");
        Assert.True(spl.IsLogical);
        Assert.Equal(dense.Select(v => v != 0 ? 1.0 : 0), spl.ToRowMajor());
    }

    [Fact]
    public void ColumnVectorsObjectsAndLaterVariablesAreRead()
    {
        var file = MatReader.Read(TestData.Path("mat", "sparse.mat"));
        var column = Numeric(file, "col");
        Assert.Equal([5, 1], column.Dimensions);
        Assert.Equal([0.0, 1, 2, 3, 4], column.Real);
        var obj = Assert.IsType<MatUnsupportedArray>(file["obj"]);
        Assert.Equal(MatClass.Object, obj.Class);
        Assert.Equal([1.0, 2], Numeric(file, "after").Real);
    }

    [Fact]
    public void Level4FileGetsAResaveHint()
    {
        var e = Assert.Throws<EegFormatException>(() => MatReader.Read(TestData.Path("mat", "level4.mat")));
        Assert.Contains("level4.mat", e.Message);
        Assert.Contains("level 4", e.Message);
        Assert.Contains("-v7", e.Message);
    }

    [Fact]
    public void Version73FilesGetAResaveHint()
    {
        // MATLAB's 7.3 header: descriptive text, version 0x0200, 'IM'; the HDF5 superblock follows at byte 512.
        var matlab = new byte[1024];
        Encoding.ASCII.GetBytes("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 .").CopyTo(matlab, 0);
        matlab[124] = 0x00;
        matlab[125] = 0x02;
        matlab[126] = (byte)'I';
        matlab[127] = (byte)'M';
        byte[] signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(matlab, 512);
        var e = Assert.Throws<EegFormatException>(() => MatReader.Read(matlab, "s01.mat"));
        Assert.Contains("s01.mat", e.Message);
        Assert.Contains("7.3 (HDF5)", e.Message);
        Assert.Contains("-v7", e.Message);

        var bare = new byte[1024];
        signature.CopyTo(bare, 0);
        Assert.Contains("7.3 (HDF5)", Assert.Throws<EegFormatException>(() => MatReader.Read(bare, "h5.mat")).Message);
        Array.Clear(matlab, 512, 8);
        Assert.Contains("7.3 (HDF5)", Assert.Throws<EegFormatException>(() => MatReader.Read(matlab, "s01.mat")).Message);
    }

    [Fact]
    public void CorruptCompressedElementFailsItsChecksum()
    {
        byte[] bytes = File.ReadAllBytes(TestData.Path("mat", "types_compressed.mat"));
        Assert.Equal(15, BitConverter.ToInt32(bytes, 128));
        int size = BitConverter.ToInt32(bytes, 132);
        bytes[136 + size - 1] ^= 0x5A;   // last byte of the first element (its Adler-32 trailer)
        var e = Assert.Throws<EegFormatException>(() => MatReader.Read(bytes, "bad.mat"));
        Assert.Contains("bad.mat", e.Message);
        Assert.Contains("compressed element", e.Message);
    }
}
