using System.Globalization;
using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Benchmarks.Neural;
using MlNetEmotion.Models.GlimpseTraining;
using MlNetEmotion.Models.Training;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Serialization;

namespace MlNetEmotion.Benchmarks.Models;

/// <summary>
/// One training step of a video–EEG glimpse network as its trainer runs it: <see cref="GlimpseTrainingNetwork"/> samples
/// M = 4 glimpse sequences per trial from the location policy (batch 12), then the paper's classification loss with its
/// penalty, the REINFORCE surrogate with the learned baseline, backward and Adam (lr 1e-3). The trainer's generator is
/// re-seeded before every step, so each step samples the same noise and dropout masks. The reference
/// (<c>References/models_glimpse_step.py</c>) loads the same initial weights, inputs and the sequences (frames and
/// actions) our first step sampled, and runs the PyTorch twins of <c>tests/data/neural/make_model_fixtures.py</c>
/// over them with the same loss, backward and Adam.
/// </summary>
/// <param name="name">The case's name.</param>
/// <param name="description">What is timed, one line.</param>
/// <param name="referenceName">The line the reference prints.</param>
/// <param name="twin">The twin the reference builds: <c>vis</c> or <c>hier</c>.</param>
/// <param name="frames">Frames per trial, T.</param>
public abstract class GlimpseStepBenchmark(string name, string description, string referenceName, string twin, int frames) : NeuralStepBenchmark
{
    /// <summary>Trials per mini-batch (both papers).</summary>
    protected const int Batch = 12;

    /// <summary>Face features per frame.</summary>
    protected const int FaceFeatures = 64;

    /// <summary>Side of the topomaps.</summary>
    protected const int ImageSize = 32;

    private const long StepSeed = 7;
    private string? _file;

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Description => description;

    /// <inheritdoc />
    protected override string ReferenceName => referenceName;

    /// <summary>The recipe (sizes, settings and penalty) of the network.</summary>
    protected abstract GlimpseSpec CreateSpec();

    /// <inheritdoc />
    protected override string Script => "models_glimpse_step.py";

    /// <inheritdoc />
    protected override string[] ReferenceArguments =>
        [twin, _file!, RepositoryData.Path("neural", "make_model_fixtures.py")];

    /// <summary>A glimpse step takes seconds: few warm-up and timed runs.</summary>
    protected override int Warmup => 2;

    /// <inheritdoc />
    protected override int Iterations => 5;

    /// <inheritdoc />
    protected override Action CreateStep()
    {
        var spec = CreateSpec();
        var generator = new Generator(0);
        var module = (GlimpseTrainingNetwork)spec.Create(generator);
        module.train();
        var optimizer = torch.optim.Adam(module.parameters(), lr: 1e-3);
        var inputs = new NeuralBatch([torch.randn(Batch, frames, 3, ImageSize, ImageSize), torch.randn(Batch, frames, FaceFeatures)], null);
        var classes = Enumerable.Range(0, Batch).Select(b => (long)(b % spec.Network.Classes)).ToArray();
        var targets = new NeuralTargets(classes, null, null);
        var tensors = module.state_dict().Select(p => KeyValuePair.Create("weights." + p.Key, p.Value.detach().clone())).ToList();
        void Step()
        {
            generator.manual_seed(StepSeed);
            optimizer.zero_grad();
            module.Loss(module.forward(inputs), inputs, targets).backward();
            optimizer.step();
        }

        using (torch.no_grad())
        {
            generator.manual_seed(StepSeed);
            module.forward(inputs);
        }
        var runs = module.LastTrajectories;
        for (int b = 0; b < runs.Count; b++)
            for (int m = 0; m < runs[b].Count; m++)
            {
                string key = string.Create(CultureInfo.InvariantCulture, $"run.{b}.{m}.");
                tensors.Add(KeyValuePair.Create(key + "frames", runs[b][m].Frames));
                tensors.Add(KeyValuePair.Create(key + "actions", runs[b][m].Actions));
            }
        tensors.Add(KeyValuePair.Create("faces", inputs.Inputs[1]));
        tensors.Add(KeyValuePair.Create("images", inputs.Inputs[0]));
        tensors.Add(KeyValuePair.Create("classes", torch.tensor(classes, Batch)));
        _file = Path.Combine(Path.GetTempPath(), $"mlnetemotion-{Name}.safetensors");
        var settings = spec.Settings;
        SafeTensors.Save(_file, tensors, new Dictionary<string, string>
        {
            ["penalty"] = settings.PenaltyWeight.ToString("R", CultureInfo.InvariantCulture),
            ["dropout"] = spec.Network.Dropout.ToString("R", CultureInfo.InvariantCulture),
            ["reward"] = string.Join(",", new[] { settings.Rewards.Scale, settings.Rewards.Correct, settings.Rewards.Wrong, settings.Rewards.Sparsity }
                .Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
            ["glimpses"] = runs.Sum(r => r.Sum(t => t.Glimpses)).ToString(CultureInfo.InvariantCulture),
        });
        return Step;
    }
}
