using MlNetEmotion.Models.Attention;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Tests.VideoEeg;

/// <summary>The location head's frame mapping, stop rule and fixed / learned standard deviation.</summary>
public sealed class LocationHeadTests
{
    [Theory]
    [InlineData(-0.3f, 0)]
    [InlineData(0.0f, 0)]
    [InlineData(0.049f, 0)]
    [InlineData(0.05f, 1)]
    [InlineData(0.5f, 5)]
    [InlineData(0.97f, 10)]
    [InlineData(1.4f, 10)]
    public void Positions_map_to_the_nearest_frame_within_the_trial(float action, long frame) =>
        Assert.Equal(frame, LocationHead.ToFrame(action, 11));

    [Theory]
    [InlineData(10, 2, true)]
    [InlineData(9, 2, false)]
    [InlineData(3, 30, true)]
    [InlineData(3, 29, false)]
    public void Glimpses_stop_at_the_last_frame_or_after_n_max(long frame, int glimpses, bool stops) =>
        Assert.Equal(stops, LocationHead.Stops(frame, 11, glimpses, 30));

    [Fact]
    public void Fixed_deviation_is_no_parameter_and_learned_deviation_is_log_std()
    {
        var fixedHead = new LocationHead(3, 0.25);
        Assert.DoesNotContain(fixedHead.named_parameters(), p => p.name == "log_std");
        Assert.Equal(0.25f, fixedHead.StandardDeviation().item());
        var learned = new LocationHead(3, 0.25, learnStandardDeviation: true);
        Assert.Contains(learned.named_parameters(), p => p.name == "log_std");
        Assert.Equal(0.25f, learned.StandardDeviation().item(), 6);
    }

    [Fact]
    public void Means_lie_inside_the_trial()
    {
        var means = new LocationHead(3, 0.1, generator: new Generator(1)).forward(torch.randn([50, 3], new Generator(2)) * 10f).ToArray();
        Assert.All(means, m => Assert.InRange(m, 0f, 1f));
    }
}
