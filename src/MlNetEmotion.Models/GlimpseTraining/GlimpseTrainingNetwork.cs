using MlNetEmotion.Models.Reinforce;
using MlNetEmotion.Models.Training;
using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>
/// A glimpse network as a trainer runs it on <see cref="NeuralBatch"/>es (topomaps <c>[B, T, bands, S, S]</c>, faces
/// <c>[B, T, F]</c>, optional lengths). Training with temporal attention: M glimpse sequences are sampled per trial from
/// the location policy with the trainer's generator, the output is their mean logits and the loss (<see cref="Loss"/>)
/// is, per trial, the mean over the sequences of the paper's classification loss plus the REINFORCE surrogate
/// (<see cref="ReinforceLoss"/>) with a learned <see cref="RewardBaseline"/> on the core readouts, averaged over the
/// batch. Scoring follows the policy's mean (<see cref="GlimpseSequenceNetwork.Greedy"/>). Without temporal attention
/// it reads min(T, N_max) evenly spaced frames. Children <c>network</c>, <c>baseline</c>.
/// </summary>
public sealed class GlimpseTrainingNetwork : Module<NeuralBatch, Tensor>, INetworkLoss, IAuxiliaryOutputs
{
    private readonly GlimpseSpec _spec;
    private readonly GlimpseSequenceNetwork network;
    private readonly RewardBaseline baseline;
    private readonly Generator _generator;
    private readonly Tensor[] _zeroed;
    private readonly List<Trajectory[]> _last = [];
    private bool _sampled;

    /// <summary>Builds the network and its reward baseline from <paramref name="generator"/>, which later also draws the
    /// dropout masks and the sampled actions.</summary>
    /// <param name="spec">The recipe.</param>
    /// <param name="generator">The trainer's one random source.</param>
    public GlimpseTrainingNetwork(GlimpseSpec spec, Generator generator) : base("GlimpseTrainingNetwork")
    {
        _spec = spec;
        _generator = generator;
        network = spec.CreateNetwork(generator);
        baseline = new RewardBaseline(ReadoutSize(network), generator);
        register_module("network", network);
        register_module("baseline", baseline);
        var named = network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        _zeroed = [.. spec.ZeroedParameters.Select(n => named[n])];
        int layers = spec.Network is HierarchicalLstm.HierarchicalLstmOptions h ? h.Layers : 0;
        AuxiliaryColumns = layers > 0
            ? [.. Shared(spec.Network), new AuxiliaryColumn("LayerAttention", [spec.Network.MaxGlimpses, layers])]
            : Shared(spec.Network);
    }

    /// <summary>BandAttention (θ per glimpse, <c>[N_max, bands]</c>, zeros after the last glimpse), FramesRead (the frames read,
    /// <c>[N_max]</c>, −1 after the last glimpse) and, for the hierarchical LSTM, LayerAttention (α over the hidden states
    /// per glimpse, <c>[N_max, L]</c>); each of the first sequence of every row.</summary>
    public IReadOnlyList<AuxiliaryColumn> AuxiliaryColumns { get; }

    /// <summary>The glimpse sequences of the last <see cref="forward"/>, per row of its batch: M sampled ones while training
    /// with temporal attention, else the one it read.</summary>
    public IReadOnlyList<IReadOnlyList<Trajectory>> LastTrajectories => _last;

    /// <inheritdoc />
    public IReadOnlyList<float[]> LastAuxiliaryValues
    {
        get
        {
            var values = AuxiliaryColumns.Select(c => new float[_last.Count * c.Width]).ToArray();
            Array.Fill(values[1], -1f);
            for (int row = 0; row < _last.Count; row++)
            {
                var first = _last[row][0];
                Place(values[0], row, AuxiliaryColumns[0].Width, first.Output.BandWeights.ToArray());
                Place(values[1], row, AuxiliaryColumns[1].Width, [.. first.Frames.ToInt64Array().Select(f => (float)f)]);
                if (values.Length > 2 && first.Output.HiddenLayerWeights is { } alpha) Place(values[2], row, AuxiliaryColumns[2].Width, alpha.ToArray());
            }
            return values;
        }
    }

    /// <inheritdoc />
    public override Tensor forward(NeuralBatch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using (torch.no_grad()) foreach (var p in _zeroed) p.zero_();
        var (images, faces) = (input.Inputs[0], input.Inputs[1]);
        long frames = images.size(1);
        _last.Clear();
        _sampled = training && _spec.Settings.TemporalAttention;
        var logits = new List<Tensor>(input.Count);
        for (int b = 0; b < input.Count; b++)
        {
            long length = input.Lengths is { } l ? Math.Clamp(l[b], 1, frames) : frames;
            var trial = Trial(faces.narrow(0, b, 1).narrow(1, 0, length), images.narrow(0, b, 1).narrow(1, 0, length));
            Trajectory[] runs = !_spec.Settings.TemporalAttention ? [Evenly(trial)]
                : _sampled ? network.Rollouts(trial, _spec.Settings.SampledSequences, _generator)
                : [network.Greedy(trial)];
            _last.Add(runs);
            logits.Add(runs.Length == 1 ? runs[0].Output.Logits : torch.stack([.. runs.Select(r => r.Output.Logits)], 0).mean(0));
        }
        return torch.cat(logits, 0);
    }

    /// <inheritdoc />
    public Tensor Loss(Tensor output, NeuralBatch batch, NeuralTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var classes = targets.Classes ?? throw new ArgumentException("GlimpseTrainingNetwork: classification targets are needed.", nameof(targets));
        Tensor total = torch.zeros(1).sum();
        for (int b = 0; b < _last.Count; b++)
        {
            var target = torch.tensor(new[] { classes[b] }, 1);
            var runs = _last[b];
            Tensor classification = torch.zeros(1).sum();
            var (logProbabilities, rewards, baselines) = (new List<Tensor>(), new List<double>(), new List<Tensor>());
            foreach (var run in runs)
            {
                classification = classification + _spec.ClassificationLoss(run.Output, target);
                int n = run.Glimpses;
                if (!_sampled || n < 2) continue;
                logProbabilities.Add(network.Location.LogProbability(run.Output.LocationMeans.narrow(1, 0, n - 1), run.Actions).reshape(-1));
                baselines.Add(baseline.forward(run.Output.Readouts.narrow(1, 0, n - 1)).reshape(-1));
                rewards.Add(Reward(run.Output.Logits, classes[b], n));
            }
            total = total + classification * (1f / runs.Length);
            if (logProbabilities.Count > 0) total = total + ReinforceLoss.Compute(logProbabilities, rewards, baselines).Total;
        }
        return total * (1f / Math.Max(1, _last.Count));
    }

    /// <summary>R of one sequence with final class scores <paramref name="logits"/> <c>[1, classes]</c> for class
    /// <paramref name="target"/> after <paramref name="glimpses"/> glimpses.</summary>
    private double Reward(Tensor logits, long target, int glimpses)
    {
        var rewards = _spec.Settings.Rewards;
        if (_spec.Settings.Reward == ClassificationReward.Sign) return rewards.Reward(ArgMax(logits) == target, glimpses);
        var row = logits.ToArray();
        double max = row.Max(), logSum = max + Math.Log(row.Sum(v => Math.Exp(v - max)));
        return rewards.Reward(row[target] - logSum, glimpses);
    }

    private VideoEegTrial Trial(Tensor faces, Tensor images) => _spec.Settings.Modalities switch
    {
        GlimpseModalities.FaceOnly => new VideoEegTrial(faces, images.mul(0f)),
        GlimpseModalities.EegOnly => new VideoEegTrial(faces.mul(0f), images),
        _ => new VideoEegTrial(faces, images),
    };

    /// <summary>The ablation without temporal attention: min(T, N_max) frames evenly spaced from the first to the last.</summary>
    private Trajectory Evenly(VideoEegTrial trial)
    {
        long count = trial.FrameCount;
        int n = (int)Math.Min(count, _spec.Network.MaxGlimpses);
        var frames = Enumerable.Range(0, n).Select(k => n == 1 ? 0L : (long)Math.Round(k * (count - 1) / (double)(n - 1), MidpointRounding.AwayFromZero)).ToArray();
        var picked = torch.tensor(frames, 1, n);
        return new Trajectory(picked, torch.zeros(1, 0), network.forward(trial, picked));
    }

    private static int ReadoutSize(GlimpseSequenceNetwork network) =>
        (int)network.named_parameters().First(p => p.name == "location.mean.weight").parameter.size(1);

    private static AuxiliaryColumn[] Shared(GlimpseNetworkOptions o) =>
        [new AuxiliaryColumn("BandAttention", [o.MaxGlimpses, o.Bands]), new AuxiliaryColumn("FramesRead", [o.MaxGlimpses])];

    private static void Place(float[] destination, int row, int width, float[] values) =>
        values.AsSpan(0, Math.Min(values.Length, width)).CopyTo(destination.AsSpan(row * width, width));

    private static long ArgMax(Tensor logits)
    {
        var row = logits.ToArray();
        int best = 0;
        for (int k = 1; k < row.Length; k++) if (row[k] > row[best]) best = k;
        return best;
    }
}
