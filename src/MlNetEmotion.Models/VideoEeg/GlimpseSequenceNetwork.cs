using MlNetEmotion.Models.Attention;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>
/// The video–EEG glimpse network shared by Liu et al. (vis-EEG-LSTM, Fig. 2 and 6, section 2) and Wu et al.
/// (IEEE Access 2020, Fig. 1 and 3, sections III–IV). At glimpse n on frame f_n: face features → FC (ReLU) → x_v,n;
/// band images → <see cref="EegBandEncoder"/> → e_i,n → <see cref="BandAttention"/> with the core's h_(n−1) (eq. 1–2)
/// → x_e,n; <see cref="Glimpse"/> (two LSTMs with shared parameters); the <see cref="RecurrentCore"/>;
/// <see cref="LocationHead"/> gives the mean position of f_(n+1). After the last glimpse, dropout and a linear classifier
/// on the core readout give the class scores. <c>forward(trial, frames)</c> runs the glimpses on given frames
/// <c>[B, N]</c> (int64); <see cref="Rollout"/> samples them from the policy.
/// </summary>
public abstract class GlimpseSequenceNetwork : Module<VideoEegTrial, Tensor, GlimpseSequenceOutput>
{
    private readonly Linear face;
    private readonly EegBandEncoder bandEncoder;
    private readonly BandAttention bandAttention;
    private readonly Glimpse glimpse;
    private readonly RecurrentCore core;
    private readonly LocationHead location;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    /// <summary>Builds the network around a per-band encoder and a core; the other parts follow <paramref name="options"/>.
    /// Initial weights come from <paramref name="generator"/>, dropout masks from <paramref name="dropoutGenerator"/>
    /// (a trainer passes its one generator as both).</summary>
    /// <param name="name">Display name.</param>
    /// <param name="options">Sizes and settings.</param>
    /// <param name="generator">Source of the initial weights.</param>
    /// <param name="dropoutGenerator">Source of the dropout masks.</param>
    /// <param name="bandNetwork">Builds one band's encoder (<c>[B, 1, size, size]</c> → <c>[B, BandFeatures]</c>) from the weight source.</param>
    /// <param name="coreFactory">Builds the core from the glimpse vector's size, the weight source and the dropout source.</param>
    protected GlimpseSequenceNetwork(string name, GlimpseNetworkOptions options, Generator generator, Generator dropoutGenerator,
        Func<Generator, Module<Tensor, Tensor>> bandNetwork, Func<int, Generator, Generator, RecurrentCore> coreFactory) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        bandEncoder = new EegBandEncoder(Enumerable.Range(0, options.Bands).Select(_ => bandNetwork(generator)).ToList());
        Options = options;
        face = torch.nn.Linear(options.FaceFeatures, options.Features, generator: generator);
        glimpse = new Glimpse(options.Features, options.GlimpseHidden, generator);
        core = coreFactory(2 * options.GlimpseHidden, generator, dropoutGenerator);
        bandAttention = new BandAttention(options.Bands, options.BandFeatures, core.HiddenSize, options.Features, generator);
        location = new LocationHead(core.ReadoutSize, options.LocationStandardDeviation, options.LearnLocationStandardDeviation, generator);
        dropout = torch.nn.Dropout(options.Dropout, dropoutGenerator);
        classifier = torch.nn.Linear(core.ReadoutSize, options.Classes, generator: generator);
        register_module("face", face);
        register_module("band_encoder", bandEncoder);
        register_module("band_attention", bandAttention);
        register_module("glimpse", glimpse);
        register_module("core", core);
        register_module("location", location);
        register_module("dropout", dropout);
        register_module("classifier", classifier);
    }

    /// <summary>The sizes and settings.</summary>
    public GlimpseNetworkOptions Options { get; }

    /// <summary>The location head (the Gaussian policy and its stop rule).</summary>
    public LocationHead Location => location;

    /// <summary>Runs the glimpses on <paramref name="input1"/> at the frames <paramref name="input2"/> <c>[B, N]</c> (int64).</summary>
    public override GlimpseSequenceOutput forward(VideoEegTrial input1, Tensor input2)
    {
        ArgumentNullException.ThrowIfNull(input1);
        if (input2.ndim != 2 || input2.size(0) != input1.Batch || input2.size(1) < 1)
            throw new ArgumentException("GlimpseSequenceNetwork: frames must be [B, N] with N ≥ 1.", nameof(input2));
        long steps = input2.size(1);
        return Run(input1, EncodeBands(input1), input2.select(1, 0), (n, _) => n + 1 < steps ? input2.select(1, n + 1) : null);
    }

    /// <summary>
    /// Samples one glimpse sequence per trial of <paramref name="trial"/> (batch 1) from the location policy: f_1 = 0, then
    /// a_n ~ N(μ_n, σ²), f_(n+1) = <see cref="LocationHead.ToFrame"/>(a_n), until <see cref="LocationHead.Stops"/>
    /// (the last frame or N_max glimpses). The outputs are recorded for autograd; the actions are not.
    /// </summary>
    /// <param name="trial">One trial.</param>
    /// <param name="generator">Random source for the actions.</param>
    public Trajectory Rollout(VideoEegTrial trial, Generator generator) => Rollouts(trial, 1, generator)[0];

    /// <summary>
    /// <paramref name="count"/> glimpse sequences of <paramref name="trial"/> (batch 1), the same as <see cref="Rollout"/>
    /// called <paramref name="count"/> times in a row with <paramref name="generator"/> (the same draws in the same order),
    /// with the trial's band images encoded once for all of them.
    /// </summary>
    /// <param name="trial">One trial.</param>
    /// <param name="count">Sequences to sample (M).</param>
    /// <param name="generator">Random source for the actions.</param>
    public Trajectory[] Rollouts(VideoEegTrial trial, int count, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var bands = EncodeBands(trial);
        return [.. Enumerable.Range(0, count).Select(_ => Walk(trial, bands, mean => location.Policy(mean).sample(generator).item()))];
    }

    /// <summary>The deterministic glimpse sequence of one trial (batch 1) used when scoring: as <see cref="Rollout"/>, but
    /// each action is the policy's mean μ_n instead of a sample. <see cref="Trajectory.Actions"/> holds those means.</summary>
    /// <param name="trial">One trial.</param>
    public Trajectory Greedy(VideoEegTrial trial) => Walk(trial, EncodeBands(trial), mean => mean.item());

    /// <summary>The band features e_i of every frame of <paramref name="trial"/>, <c>[B·T, bands, BandFeatures]</c> (row b·T + t):
    /// one batched pass of the band encoder, which the glimpses then read by row, instead of a batch-1 pass per glimpse
    /// (a trial's frames are read several times by its M sequences).</summary>
    private Tensor EncodeBands(VideoEegTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return bandEncoder.forward(trial.FlatBandImages);
    }

    private Trajectory Walk(VideoEegTrial trial, Tensor bands, Func<Tensor, float> act)
    {
        if (trial.Batch != 1) throw new ArgumentException("GlimpseSequenceNetwork.Rollout: one trial at a time.", nameof(trial));
        long frameCount = trial.FrameCount;
        var frames = new List<long> { 0 };
        var actions = new List<float>();
        var output = Run(trial, bands, torch.tensor(new long[] { 0 }, 1), (n, mean) =>
        {
            if (LocationHead.Stops(frames[^1], frameCount, n + 1, Options.MaxGlimpses)) return null;
            float action = act(mean);
            actions.Add(action);
            frames.Add(LocationHead.ToFrame(action, frameCount));
            return torch.tensor(new long[] { frames[^1] }, 1);
        });
        return new Trajectory(torch.tensor(frames.ToArray(), 1, frames.Count), torch.tensor(actions.ToArray(), 1, actions.Count), output);
    }

    /// <summary>Runs glimpses from <paramref name="first"/> (<c>[B]</c>) while <paramref name="next"/> (given the glimpse's
    /// index and the location mean after it) returns the following frames; <paramref name="bands"/> holds the trial's
    /// encoded band images (<see cref="EncodeBands"/>).</summary>
    private GlimpseSequenceOutput Run(VideoEegTrial trial, Tensor bands, Tensor first, Func<int, Tensor, Tensor?> next)
    {
        long batch = trial.Batch;
        var faces = trial.FlatFaces;
        var glimpseState = glimpse.Initial(batch);
        var coreState = core.Initial(batch);
        var bandWeights = new List<Tensor>();
        var means = new List<Tensor>();
        var readouts = new List<Tensor>();
        var hiddenLayerWeights = new List<Tensor>();
        var cellLayerWeights = new List<Tensor>();
        Tensor? frames = first;
        for (int n = 0; frames is not null; n++)
        {
            var rows = trial.Rows(frames);
            var band = bandAttention.forward(bands.index_select(0, rows), coreState.Hidden);
            glimpseState = glimpse.forward(new GlimpseInput(face.forward(faces.index_select(0, rows)).relu(), band.Features, glimpseState));
            coreState = core.forward(glimpseState.Output, coreState);
            var mean = location.forward(coreState.Readout);
            bandWeights.Add(band.Weights);
            means.Add(mean);
            readouts.Add(coreState.Readout);
            if (coreState.HiddenLayerWeights is not null) hiddenLayerWeights.Add(coreState.HiddenLayerWeights);
            if (coreState.CellLayerWeights is not null) cellLayerWeights.Add(coreState.CellLayerWeights);
            frames = next(n, mean);
        }

        var logits = classifier.forward(dropout.forward(coreState.Readout));
        return new GlimpseSequenceOutput(logits, torch.stack(bandWeights, 1), torch.stack(means, 1), torch.stack(readouts, 1),
            hiddenLayerWeights.Count > 0 ? torch.stack(hiddenLayerWeights, 1) : null,
            cellLayerWeights.Count > 0 ? torch.stack(cellLayerWeights, 1) : null);
    }
}
