using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Eeg.Tests.Montages;

public class MontageReaderTests
{
    [Fact]
    public void ElcWithoutUnitIsRejectedNamingTheFile()
    {
        var e = Assert.Throws<MontageFormatException>(() =>
            MontageReader.ReadElc(new StringReader("# ASA\nPositions\n1 2 3\nLabels\nCz\n"), "cap.elc", 0.095));
        Assert.Contains("cap.elc", e.Message);
        Assert.Contains("UnitPosition", e.Message);
    }

    [Fact]
    public void ElcWithBadNumberNamesTheLine()
    {
        var e = Assert.Throws<MontageFormatException>(() =>
            MontageReader.ReadElc(new StringReader("UnitPosition mm\nPositions\n1 2 3\n1 x 3\nLabels\nA\nB\n"), "cap.elc", null));
        Assert.Equal(4, e.Line);
        Assert.Contains("'x'", e.Message);
    }

    [Fact]
    public void ElcLabelCountMustMatchPositions()
    {
        var e = Assert.Throws<MontageFormatException>(() =>
            MontageReader.ReadElc(new StringReader("UnitPosition m\nPositions\n1 2 3\n4 5 6\nLabels\nA\n"), "cap.elc", null));
        Assert.Contains("2 positions but 1 labels", e.Message);
    }

    [Fact]
    public void ThetaPhiPlacesElectrodesOnTheSphere()
    {
        var m = MontageReader.ReadThetaPhi(new StringReader("Site Theta Phi\nCz 0 0\nT8 90 0\nFpz 90 90\n"), "cap.txt", 0.1);
        Assert.Equal(new Point3(0, 0, 0.1), m.Positions[0]);
        Assert.Equal(0.1, m.Positions[1].X, 1e-15);
        Assert.Equal(0.1, m.Positions[2].Y, 1e-15);
        Assert.Null(m.Fiducials);
        Assert.Same(m, m.ToHeadCoordinates());
    }

    [Fact]
    public void ElcScalesToMedianHeadRadius()
    {
        var m = MontageReader.ReadElc(new StringReader("UnitPosition mm\nPositions\n0 0 80\n80 0 0\n0 100 0\nLabels\nCz\nT8\nFpz\n"), "cap.elc", 0.095);
        Assert.Equal(0.095, m.Positions[0].Norm, 1e-15);
        Assert.Equal(0.095 * 100 / 80, m.Positions[2].Norm, 1e-15);
    }

    [Fact]
    public void UnsupportedExtensionIsRejected()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cap-{Guid.NewGuid():N}.xyz");
        File.WriteAllText(path, "1 0 0 0 Cz\n");
        try
        {
            var e = Assert.Throws<MontageFormatException>(() => MontageReader.Read(path));
            Assert.Contains(".xyz", e.Message);
        }
        finally { File.Delete(path); }
    }
}
