using MlNetEmotion.Models.GlimpseTraining;
using MlNetEmotion.Models.Reinforce;

namespace MlNetEmotion.Models.Tests.GlimpseTraining;

/// <summary>The location policy learns to read the burst that decides the class: trials of 16 frames with a 3-frame burst
/// at a random position (burst share 3/16 = 0.1875), N_max 4 (at most 25 % of the frames read), M 8 sampled sequences.</summary>
public class GlimpsePolicyTests
{
    private const double BurstShare = BurstRows.BurstLength / (double)BurstRows.Frames;

    private static (double Accuracy, double InBursts, float[] Scores, string Reads) Probe(Action<VisEegLstmTrainerOptions>? change = null)
    {
        var ctx = new MLContext(4);
        var train = ctx.Data.LoadFromEnumerable(BurstRows.Make(count: 48, seed: 1));
        var test = ctx.Data.LoadFromEnumerable(BurstRows.Make(count: 40, seed: 2));
        var options = GlimpseRows.Vis(o =>
        {
            o.MaxGlimpses = 4;
            o.LengthColumnName = null;
            o.Epochs = 30;
            o.BatchSize = 6;
            o.SampledSequences = 8;
            o.LearningRate = 0.01;
            o.Dropout = 0;
            o.Mu = 0;
        });
        change?.Invoke(options);
        var fitted = GlimpseRows.Pipeline(ctx, ctx.MulticlassClassification.Trainers.VisEegLstm(options)).Fit(train);
        var scored = fitted.Transform(test);
        var reads = string.Join("; ", scored.GetColumn<int>("BurstStart").Zip(scored.GetColumn<float[]>("FramesRead")).Take(10)
            .Select(p => $"burst {p.First}: {string.Join(",", p.Second)}"));
        return (ctx.MulticlassClassification.Evaluate(scored).MicroAccuracy, BurstRows.ShareInBursts(scored),
            [.. scored.GetColumn<float[]>("Score").SelectMany(s => s)], reads);
    }

    [Fact]
    public void Policy_reads_the_bursts_and_the_class_follows()
    {
        var (accuracy, inBursts, _, reads) = Probe();
        Assert.True(inBursts >= 2 * BurstShare, $"reads in bursts {inBursts:F3} (burst share {BurstShare:F3}); {reads}");
        Assert.True(accuracy >= 0.8, $"accuracy {accuracy:F3} (chance 0.5); {reads}");
    }

    [Fact]
    public void Same_seed_gives_bit_identical_scores_with_either_reward()
    {
        foreach (var reward in new[] { ClassificationReward.Sign, ClassificationReward.LogProbability })
        {
            void Short(VisEegLstmTrainerOptions o)
            {
                o.Epochs = 1;
                o.Reward = reward;
            }

            Assert.Equal(Probe(Short).Scores.Select(BitConverter.SingleToInt32Bits), Probe(Short).Scores.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Theory]
    [InlineData(true, 3, 1 - 0.03)]
    [InlineData(false, 3, -1 - 0.03)]
    public void Sign_reward_is_the_papers(bool correct, int glimpses, double expected) =>
        Assert.Equal(expected, new RewardWeights().Reward(correct, glimpses), 12);

    [Fact]
    public void Log_probability_reward_scales_log_p_and_adds_the_glimpse_cost() =>
        Assert.Equal(2 * Math.Log(0.25) - 0.05 * 4, new RewardWeights(Scale: 2, Sparsity: -0.05).Reward(Math.Log(0.25), 4), 12);
}
