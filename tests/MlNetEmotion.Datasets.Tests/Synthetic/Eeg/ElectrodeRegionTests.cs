using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Datasets.Synthetic.Eeg;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Eeg;

public class ElectrodeRegionTests
{
    [Fact]
    public void Deap_regions_are_the_feature_generators_channel_sets()
    {
        var regions = SyntheticEegChannels.Deap.ToDictionary(n => n, ElectrodeRegion.Of);
        string[] Where(Func<ElectrodeRegion, bool> f) => [.. SyntheticEegChannels.Deap.Where(n => f(regions[n])).Order()];

        Assert.Equal(new[] { "AF3", "F3", "F7", "Fp1" }, Where(r => r.Frontal && r.Side < 0));
        Assert.Equal(new[] { "AF4", "F4", "F8", "Fp2" }, Where(r => r.Frontal && r.Side > 0));
        Assert.Equal(new[] { "AF3", "AF4", "F3", "F4", "F7", "F8", "FC1", "FC2", "FC5", "FC6", "Fp1", "Fp2", "Fz" },
            Where(r => r.Frontal || r.FrontoCentral));
        Assert.Equal(new[] { "O1", "O2", "Oz", "P3", "P4", "P7", "P8", "PO3", "PO4", "Pz" }, Where(r => r.Posterior));
    }

    [Fact]
    public void Odd_numbers_are_left_even_right_and_z_midline_for_any_prefix()
    {
        string[] prefixes = ["Fp", "AF", "F", "FC", "FT", "C", "T", "CP", "TP", "P", "PO", "O"];
        var gen = from prefix in Gen.Elements(prefixes)
                  from number in Gen.Choose(0, 10)
                  select (prefix, number);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var numbered = ElectrodeRegion.Of(x.prefix + x.number);
            var midline = ElectrodeRegion.Of(x.prefix + "z");
            bool sameRegion = numbered with { Side = 0 } == midline;
            return sameRegion && midline.Side == 0 && numbered.Side == (x.number % 2 == 1 ? -1 : 1)
                && numbered.Frontal == x.prefix is "Fp" or "AF" or "F" && numbered.Posterior == x.prefix is "P" or "PO" or "O";
        }).QuickCheckThrowOnFailure();
    }
}
