using MlNetEmotion.Models.ConvLstm;
using MlNetEmotion.Models.Training;

namespace MlNetEmotion.Models.Tests.ConvLstm;

/// <summary>The ConvLstm, CnnLstm and CnnGru trainers on tiny feature-map sequences: shapes, determinism, persistence,
/// padding and the errors on bad rows.</summary>
public class FaceSequenceTrainerTests
{
    private const int Frames = 4, Channels = 2, Size = 8;

    public sealed class Row
    {
        [VectorType(Frames, Channels, Size, Size)]
        public float[] Features { get; set; } = [];

        [VectorType(Frames, 2)]
        public float[] Label { get; set; } = [];

        public int Length { get; set; }
    }

    public sealed class ShortLabelRow
    {
        [VectorType(Frames, Channels, Size, Size)]
        public float[] Features { get; set; } = [];

        [VectorType(Frames - 1, 2)]
        public float[] Label { get; set; } = [];
    }

    /// <summary>Rows whose per-frame targets follow the mean of each channel; frames past the length are padding.</summary>
    internal static List<Row> Rows(int count = 12, float padding = 0)
    {
        var random = new Random(5);
        var rows = new List<Row>();
        for (int i = 0; i < count; i++)
        {
            int length = 2 + i % (Frames - 1);
            var x = new float[Frames * Channels * Size * Size];
            var y = new float[Frames * 2];
            for (int t = 0; t < Frames; t++)
            {
                double a = random.NextDouble() - 0.5, b = random.NextDouble() - 0.5;
                for (int j = 0; j < Size * Size; j++)
                {
                    x[((t * Channels) + 0) * Size * Size + j] = (float)(a + 0.1 * random.NextDouble());
                    x[((t * Channels) + 1) * Size * Size + j] = (float)(b + 0.1 * random.NextDouble());
                }
                y[t * 2] = t < length ? (float)a : padding;
                y[t * 2 + 1] = t < length ? (float)b : padding;
            }
            rows.Add(new Row { Features = x, Label = y, Length = length });
        }
        return rows;
    }

    private static IEstimator<NeuralPredictionTransformer> Trainer(MLContext ml, string network, FaceSequenceLoss loss = FaceSequenceLoss.Concordance,
        NeuralOptimizer optimizer = NeuralOptimizer.Adam) => network switch
    {
        "ConvLstm" => ml.Regression.Trainers.ConvLstm(new ConvLstmOptions
        {
            Filters = [4, 2], KernelSize = 3, HiddenUnits = 8, LengthColumnName = "Length", Epochs = 2, BatchSize = 4, Seed = 3,
            LearningRate = 1e-2, Loss = loss, Optimizer = optimizer, ValidationFraction = 0.25,
        }),
        _ => (network == "CnnLstm" ? (Func<RecurrentBaselineOptions, RecurrentBaselineTrainer>)(o => ml.Regression.Trainers.CnnLstm(o)) : o => ml.Regression.Trainers.CnnGru(o))(
            new RecurrentBaselineOptions
            {
                HiddenSize = 8, LengthColumnName = "Length", Epochs = 2, BatchSize = 4, Seed = 3, LearningRate = 1e-2, Loss = loss,
                Optimizer = optimizer, ValidationFraction = 0.25,
            }),
    };

    private static int[] Bits(IDataView scored) => scored.GetColumn<float[]>("Score").SelectMany(s => s).Select(BitConverter.SingleToInt32Bits).ToArray();

    [Theory]
    [InlineData("ConvLstm")]
    [InlineData("CnnLstm")]
    [InlineData("CnnGru")]
    public void Score_is_frames_by_two_in_the_unit_range(string network)
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var scored = Trainer(ml, network).Fit(data).Transform(data);
        var type = Assert.IsType<VectorDataViewType>(scored.Schema["Score"].Type);
        Assert.Equal([Frames, 2], type.Dimensions.ToArray());
        var scores = scored.GetColumn<float[]>("Score").ToList();
        Assert.Equal(12, scores.Count);
        Assert.All(scores.SelectMany(s => s), v => Assert.InRange(v, -1f, 1f));
    }

    [Theory]
    [InlineData("ConvLstm", FaceSequenceLoss.Concordance, NeuralOptimizer.Adam)]
    [InlineData("CnnLstm", FaceSequenceLoss.MeanSquaredError, NeuralOptimizer.Sgd)]
    [InlineData("CnnGru", FaceSequenceLoss.Concordance, NeuralOptimizer.RmsProp)]
    public void Same_seed_gives_bit_identical_scores(string network, FaceSequenceLoss loss, NeuralOptimizer optimizer)
    {
        int[] Run()
        {
            var ml = new MLContext(1);
            var data = ml.Data.LoadFromEnumerable(Rows());
            return Bits(Trainer(ml, network, loss, optimizer).Fit(data).Transform(data));
        }
        Assert.Equal(Run(), Run());
    }

    [Theory]
    [InlineData("ConvLstm")]
    [InlineData("CnnLstm")]
    [InlineData("CnnGru")]
    public void Saved_pipeline_scores_bit_identically(string network)
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var model = Trainer(ml, network).Fit(data);
        var stream = new MemoryStream();
        ml.Model.SavePipeline(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.LoadPipeline(stream, out _);
        Assert.Equal(Bits(model.Transform(data)), Bits(loaded.Transform(data)));
    }

    [Fact]
    public void Padded_frames_do_not_change_training()
    {
        int[] Weights(float padding)
        {
            var ml = new MLContext(1);
            var model = Trainer(ml, "ConvLstm").Fit(ml.Data.LoadFromEnumerable(Rows(padding: padding)));
            return model.Module.state_dict().SelectMany(p => p.Value.ToArray()).Select(BitConverter.SingleToInt32Bits).ToArray();
        }
        Assert.Equal(Weights(0), Weights(0.9f));
    }

    [Fact]
    public void Paper_defaults()
    {
        var options = new ConvLstmOptions();
        Assert.Equal(1e-4, options.LearningRate);
        Assert.Equal("ConcordanceCorrelation", options.EarlyStoppingMetric);
        Assert.Equal([32, 16, 8], options.Filters);
        Assert.Equal(7, options.KernelSize);
        Assert.Equal(4, options.Pool);
        Assert.Equal(FaceSequenceLoss.MeanSquaredError, options.Loss);
        Assert.Equal(2, new RecurrentBaselineOptions().Layers);
    }

    [Fact]
    public void Label_outside_the_unit_range_names_the_row()
    {
        var ml = new MLContext(1);
        var rows = Rows();
        rows[7].Label[3] = 1.5f;
        var e = Assert.Throws<DataValidationException>(() => Trainer(ml, "ConvLstm").Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Equal(7, e.Row);
        Assert.Equal("Label", e.ColumnName);
        Assert.Contains("[-1, 1]", e.Message);
    }

    [Fact]
    public void NaN_feature_names_the_row()
    {
        var ml = new MLContext(1);
        var rows = Rows();
        rows[5].Features[10] = float.NaN;
        var options = new RecurrentBaselineOptions { HiddenSize = 4, LengthColumnName = "Length", Epochs = 1, ValidationFraction = 0, Seed = 1 };
        var e = Assert.Throws<DataValidationException>(() => ml.Regression.Trainers.CnnGru(options).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Equal(5, e.Row);
        Assert.Equal("Features", e.ColumnName);
    }

    [Fact]
    public void More_valid_frames_than_labels_names_the_row()
    {
        var ml = new MLContext(1);
        var rows = Rows();
        rows[2].Length = Frames + 1;
        var e = Assert.Throws<DataValidationException>(() => Trainer(ml, "CnnLstm").Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Equal(2, e.Row);
        Assert.Equal("Length", e.ColumnName);
    }

    [Fact]
    public void Label_frames_must_match_feature_frames()
    {
        var ml = new MLContext(1);
        var rows = Rows().Select(r => new ShortLabelRow { Features = r.Features, Label = r.Label[..((Frames - 1) * 2)] });
        var e = Assert.Throws<SchemaMismatchException>(() => ml.Regression.Trainers.ConvLstm(new ConvLstmOptions { Epochs = 1 }).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Equal("Label", e.ColumnName);
        Assert.Contains("3 labelled frames", e.Found);
    }
}
