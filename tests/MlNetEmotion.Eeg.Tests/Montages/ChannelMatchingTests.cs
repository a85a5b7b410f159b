using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Tests.Topography;

namespace MlNetEmotion.Eeg.Tests.Montages;

public class ChannelMatchingTests
{
    [Theory]
    [InlineData("Fc5.", "FC5")]
    [InlineData("Cz..", "cz")]
    [InlineData(" T10.", "T10")]
    [InlineData("Fp1", "FP1")]
    public void NamesMatchIgnoringCaseAndDots(string a, string b) => Assert.True(ChannelName.Matches(a, b));

    [Fact]
    public void DifferentElectrodesDoNotMatch()
    {
        Assert.False(ChannelName.Matches("T1", "T10"));
        Assert.False(ChannelName.Matches("Fp1", "Fpz"));
    }

    [Fact]
    public void PhysioNetChannelsSelectFromStandard1020InFileOrder()
    {
        var montage = StandardMontages.Create("standard_1020").Select(TopographyData.PhysioNet64);
        Assert.Equal(TopographyData.PhysioNet64, montage.ChannelNames);
        Assert.True(StandardMontages.Create("standard_1020").TryGetPosition("FC5", out var fc5));
        Assert.Equal(fc5, montage.Positions[0]);
    }

    [Fact]
    public void UnknownChannelsAreAllListed()
    {
        var e = Assert.Throws<UnknownChannelException>(() =>
            StandardMontages.Create("biosemi32").Select(["Cz", "Xx1", "EOG.", "Fp1"]));
        Assert.Equal(["Xx1", "EOG."], e.Channels);
        Assert.Contains("'Xx1'", e.Message);
        Assert.Contains("'EOG.'", e.Message);
        Assert.Contains("biosemi32", e.Message);
    }

    [Theory]
    [InlineData("biosemi32")]
    [InlineData("standard_1020")]
    [InlineData("standard_1005")]
    public void DeapChannelsAreInTheMontages(string name) =>
        Assert.Equal(32, StandardMontages.Create(name).Select(DeapChannels.Names).Positions.Count);

    [Fact]
    public void DeapOrderIsTheDatasetOrder()
    {
        Assert.Equal(32, DeapChannels.Names.Count);
        Assert.Equal("Fp1", DeapChannels.Names[0]);
        Assert.Equal("Oz", DeapChannels.Names[14]);
        Assert.Equal("Cz", DeapChannels.Names[23]);
        Assert.Equal("O2", DeapChannels.Names[31]);
    }
}
