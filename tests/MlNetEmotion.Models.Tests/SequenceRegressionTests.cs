using Microsoft.ML.Runtime;
using MlNetEmotion.Models.Training;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Tests;

/// <summary>A per-step linear network as the smallest sequence-regression trainer: checks masking of padded steps and
/// the [steps, targets] score.</summary>
public class SequenceRegressionTests
{
    private const int Steps = 5, Width = 3, Targets = 2;

    public sealed class Row
    {
        [VectorType(Steps, Width)]
        public float[] Frames { get; set; } = [];

        [VectorType(Steps, Targets)]
        public float[] Label { get; set; } = [];

        public int Length { get; set; }
    }

    private sealed class PerStepSpec(int width, int targets) : NeuralNetworkSpec
    {
        public override Module<NeuralBatch, Tensor> Create(Generator generator) => new PerStep(width, targets, generator);

        public override void Write(BinaryWriter writer)
        {
            writer.Write(width);
            writer.Write(targets);
        }
    }

    private sealed class PerStep : Module<NeuralBatch, Tensor>
    {
        private readonly Linear _linear;

        public PerStep(int width, int targets, Generator generator) : base("PerStep")
        {
            _linear = torch.nn.Linear(width, targets, generator: generator);
            register_module("linear", _linear);
        }

        public override Tensor forward(NeuralBatch input)
        {
            var x = input.Inputs[0];
            long b = x.shape[0], s = x.shape[1];
            return _linear.forward(x.reshape(b * s, x.shape[2])).reshape(b, s, -1);
        }
    }

    private sealed class PerStepTrainer(IHostEnvironment environment, NeuralTrainerOptions options) : NeuralTrainer<NeuralTrainerOptions>(environment, options)
    {
        public override NeuralTask Task => NeuralTask.SequenceRegression;

        protected override NeuralNetworkSpec CreateSpec(NeuralShape shape) => new PerStepSpec(shape.InputShapes[0][1], shape.OutputSize);
    }

    private static List<Row> Rows(float padding)
    {
        var random = new Random(2);
        var rows = new List<Row>();
        for (int i = 0; i < 40; i++)
        {
            int length = 2 + i % 4;
            var x = new float[Steps * Width];
            var y = new float[Steps * Targets];
            for (int s = 0; s < Steps; s++)
            {
                for (int j = 0; j < Width; j++) x[s * Width + j] = (float)random.NextDouble();
                y[s * Targets] = s < length ? x[s * Width] - x[s * Width + 1] : padding;
                y[s * Targets + 1] = s < length ? 0.5f * x[s * Width + 2] : padding;
            }
            rows.Add(new Row { Frames = x, Label = y, Length = length });
        }
        return rows;
    }

    private static NeuralPredictionTransformer Train(float padding)
    {
        var ml = new MLContext(1);
        var options = new NeuralTrainerOptions
        {
            FeatureColumnNames = ["Frames"], LengthColumnName = "Length", Epochs = 30, BatchSize = 8, LearningRate = 0.05, Seed = 4,
            EarlyStoppingMetric = "ConcordanceCorrelation",
        };
        return new PerStepTrainer(CatalogEnvironment.Of(ml.Regression), options).Fit(ml.Data.LoadFromEnumerable(Rows(padding)));
    }

    [Fact]
    public void Padded_steps_do_not_change_training()
    {
        var a = Train(padding: 0);
        var b = Train(padding: 1e3f);
        var bits = (NeuralPredictionTransformer m) => m.Module.state_dict().SelectMany(p => p.Value.ToArray()).Select(BitConverter.SingleToInt32Bits).ToArray();
        Assert.Equal(bits(a), bits(b));
        Assert.True(a.History.Epochs[^1].ValidationMetrics["ConcordanceCorrelation"] > 0.8,
            $"CCC {a.History.Epochs[^1].ValidationMetrics["ConcordanceCorrelation"]}");
    }

    [Fact]
    public void Score_has_the_label_shape()
    {
        var ml = new MLContext(1);
        var model = Train(padding: 0);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(Rows(0)));
        var type = Assert.IsType<VectorDataViewType>(scored.Schema["Score"].Type);
        Assert.Equal([Steps, Targets], type.Dimensions.ToArray());
        Assert.Equal(40, scored.GetColumn<float[]>("Score").Count());
    }
}
