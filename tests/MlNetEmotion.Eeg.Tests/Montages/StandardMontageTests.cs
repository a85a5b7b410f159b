using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Tests.Topography;

namespace MlNetEmotion.Eeg.Tests.Montages;

public class StandardMontageTests
{
    public static TheoryData<string, string, double> Cases => new()
    {
        // name (built-in or custom file), fixture, tolerance in metres
        { "standard_1020", "standard_1020.positions.txt", 1e-12 },
        { "standard_1005", "standard_1005.positions.txt", 1e-12 },
        { "biosemi16", "biosemi16.positions.txt", 1e-12 },
        { "biosemi32", "biosemi32.positions.txt", 1e-12 },
        { "biosemi64", "biosemi64.positions.txt", 1e-12 },
        { "custom/biosemi16.txt", "biosemi16.txt.positions.txt", 1e-12 },
        { "custom/mgh60.elc", "mgh60.elc.positions.txt", 1e-12 },
        // MNE reads .sfp coordinates as float32 and scales them in float32 (we scale in double, then round).
        { "custom/GSN-HydroCel-32.sfp", "GSN-HydroCel-32.sfp.positions.txt", 1e-12 },
    };

    private static Montage Load(string name) =>
        name.StartsWith("custom/", StringComparison.Ordinal)
            ? MontageReader.Read(TopographyData.Path("montages", name))
            : StandardMontages.Create(name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void PositionsMatchMne(string name, string fixture, double tolerance)
    {
        var expected = TopographyData.Positions(fixture);
        var montage = Load(name);
        var file = expected.Where(e => e.Kind == "file").ToList();
        Assert.Equal(file.Select(e => e.Name), montage.ChannelNames);
        for (int i = 0; i < file.Count; i++) AssertClose(file[i].Position, montage.Positions[i], tolerance, file[i].Name);

        var fid = expected.Where(e => e.Kind == "fid").ToDictionary(e => e.Name, e => e.Position);
        Assert.NotNull(montage.Fiducials);
        AssertClose(fid["nasion"], montage.Fiducials!.Nasion, tolerance, "nasion");
        AssertClose(fid["lpa"], montage.Fiducials.Lpa, tolerance, "lpa");
        AssertClose(fid["rpa"], montage.Fiducials.Rpa, tolerance, "rpa");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HeadCoordinatesMatchMneSetMontage(string name, string fixture, double tolerance)
    {
        var head = TopographyData.Positions(fixture).Where(e => e.Kind == "head").ToList();
        var montage = Load(name).ToHeadCoordinates();
        Assert.Equal(CoordinateFrame.Head, montage.Frame);
        for (int i = 0; i < head.Count; i++)
        {
            Assert.True(montage.TryGetPosition(head[i].Name, out var p), head[i].Name);
            AssertClose(head[i].Position, p, Math.Max(tolerance, 1e-15), head[i].Name);
        }
    }

    [Fact]
    public void HeadCoordinatesPutFiducialsOnTheAxes()
    {
        var f = MontageReader.Read(TopographyData.Path("montages", "custom", "mgh60.elc")).ToHeadCoordinates().Fiducials!;
        Assert.Equal(0, f.Nasion.X, 1e-15);
        Assert.Equal(0, f.Nasion.Z, 1e-15);
        Assert.Equal(0, f.Lpa.Y, 1e-15);
        Assert.Equal(0, f.Rpa.Z, 1e-15);
        Assert.True(f.Rpa.X > 0 && f.Nasion.Y > 0);
    }

    [Fact]
    public void UnknownNameListsTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => StandardMontages.Create("standard_1030"));
        Assert.Contains("standard_1030", e.Message);
        Assert.Contains("biosemi64", e.Message);
    }

    private static void AssertClose(Point3 expected, Point3 actual, double tolerance, string what)
    {
        double d = Math.Max(Math.Abs(expected.X - actual.X), Math.Max(Math.Abs(expected.Y - actual.Y), Math.Abs(expected.Z - actual.Z)));
        Assert.True(d <= tolerance, $"{what}: expected {expected}, got {actual} (|diff| {d:E2} > {tolerance:E0})");
    }
}
