using MlNetEmotion.Models.HierarchicalLstm;
using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Models.VisEegLstm;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Tests.VideoEeg;

/// <summary>Same seed, bit-identical results: initial weights, training-mode forwards (dropout masks) and sampled
/// rollouts of both networks; another seed gives other weights.</summary>
public sealed class DeterminismTests
{
    private static readonly VisEegLstmOptions VisEeg = new()
    {
        FaceFeatures = 7, ImageSize = 8, BandFeatures = 5, Features = 6, GlimpseHidden = 4, CoreHidden = 5, ConvolutionChannels = (2, 3),
        MaxGlimpses = 6,
    };

    private static readonly HierarchicalLstmOptions Hierarchical = new()
    {
        FaceFeatures = 7, ImageSize = 8, BandFeatures = 5, Features = 6, GlimpseHidden = 4, BandHidden = 9, CoreHidden = 5, AttentionSize = 4,
        MaxGlimpses = 6,
    };

    public static TheoryData<string> Networks => new() { "vis-eeg-lstm", "hierarchical-lstm" };

    private static GlimpseSequenceNetwork Build(string kind, long seed) =>
        kind == "vis-eeg-lstm" ? new VisEegLstmNetwork(VisEeg, seed) : new HierarchicalLstmNetwork(Hierarchical, seed);

    private static VideoEegTrial Trial(long batch)
    {
        var g = new Generator(21);
        return new VideoEegTrial(torch.randn([batch, 12, 7], g), torch.randn([batch, 12, 3, 8, 8], g));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Same_seed_gives_bit_identical_training_forwards_and_rollouts(string kind)
    {
        var frames = torch.tensor(new long[] { 0, 3, 7, 0, 5, 11 }, 2, 3);
        float[][] Run()
        {
            var network = Build(kind, 42);
            network.train();
            var output = network.forward(Trial(2), frames);
            var trajectory = network.Rollout(Trial(1), new Generator(5));
            return [.. network.parameters().Select(p => p.ToArray()), output.Logits.ToArray(), output.Readouts.ToArray(),
                trajectory.Actions.ToArray(), trajectory.Output.Logits.ToArray(), trajectory.Frames.ToInt64Array().Select(f => (float)f).ToArray()];
        }

        var first = Run();
        var second = Run();
        Assert.Equal(first.Length, second.Length);
        for (int i = 0; i < first.Length; i++) Assert.Equal(first[i], second[i]);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Another_seed_gives_other_weights(string kind) =>
        Assert.NotEqual(Build(kind, 1).parameters().First().ToArray(), Build(kind, 2).parameters().First().ToArray());

    [Theory]
    [MemberData(nameof(Networks))]
    public void Rollout_follows_the_stop_rule(string kind)
    {
        var network = Build(kind, 3);
        for (int seed = 0; seed < 20; seed++)
        {
            var t = network.Rollout(Trial(1), new Generator(seed));
            var frames = t.Frames.ToInt64Array();
            Assert.Equal(0, frames[0]);
            Assert.Equal(t.Glimpses - 1, (int)t.Actions.numel());
            Assert.True(t.Glimpses <= network.Options.MaxGlimpses);
            Assert.True(t.Glimpses == network.Options.MaxGlimpses || frames[^1] == 11, $"stopped at frame {frames[^1]} after {t.Glimpses} glimpses.");
            Assert.DoesNotContain(frames[..^1], f => f == 11);
            Assert.Equal(t.Glimpses, (int)t.Output.LocationMeans.size(1));
        }
    }
}
