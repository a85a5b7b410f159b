using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Data;
using MlNetEmotion.Models.Training;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Benchmarks.Models;

/// <summary>
/// Bounded memory: one epoch of a neural trainer over a DEAP-sized topomap-sequence table, 1,280 trials ×
/// [480 frames, 3 bands, 32, 32] Single (7.55 GB in all), whose rows are produced on demand (as a disk-cached or lazy
/// feature column would be) and streamed to the trainer one mini-batch at a time. The network is deliberately tiny (band
/// means → Linear), so the figure is the data path. Reported: wall time, rows per second, and the process's peak
/// resident memory, which must stay under 2 GB. There is no reference implementation: "reference" is n/a.
/// </summary>
public sealed class StreamedTrainingBenchmark : BenchmarkCase
{
    private const int Trials = 1280, Frames = 480, Bands = 3, Size = 32;
    private const int RowFloats = Frames * Bands * Size * Size;

    /// <inheritdoc />
    public override string Name => "models.streamed-training";

    /// <inheritdoc />
    public override string Description => "one epoch over a 7.55 GB [1280, 480, 3, 32, 32] topomap table streamed in batches of 4: time and peak RSS";

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        if (threads != 1) yield break;
        var ml = new MLContext(1);
        var table = new GeneratedTopomaps();
        var options = new NeuralTrainerOptions { FeatureColumnNames = ["Topomaps"], Epochs = 1, BatchSize = 4, ValidationFraction = 0.05, Seed = 1 };
        var trainer = new BandMeanTrainer(CatalogEnvironment.Of(ml.MulticlassClassification), options);
        var start = Stopwatch.GetTimestamp();
        var model = trainer.Fit(table);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        double peakMiB = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        double gb = (double)Trials * RowFloats * sizeof(float) / 1e9;
        yield return new BenchmarkResult($"models.streamed-training {gb:F2} GB", 1, null, ms,
            $"{Trials / (ms / 1000):F1} trials/s, peak RSS {peakMiB:F0} MiB, train loss {model.History.Epochs[0].TrainLoss:F4}");
    }

    /// <summary>The table: a key label and a topomap-sequence tensor computed from the row number when read.</summary>
    private sealed class GeneratedTopomaps : IDataView
    {
        public bool CanShuffle => false;

        public DataViewSchema Schema { get; } = MakeSchema();

        public long? GetRowCount() => Trials;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(Schema);

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(Schema)];

        private static DataViewSchema MakeSchema()
        {
            var builder = new DataViewSchema.Builder();
            builder.AddColumn("Label", KeyColumns.Type(3), KeyColumns.Annotations(["Low", "Medium", "High"]));
            builder.AddColumn("Topomaps", new VectorDataViewType(NumberDataViewType.Single, Frames, Bands, Size, Size));
            return builder.ToSchema();
        }

        private sealed class Cursor(DataViewSchema schema) : DataViewRowCursor
        {
            private long _position = -1;

            public override DataViewSchema Schema => schema;

            public override long Position => _position;

            public override long Batch => 0;

            public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

            public override bool IsColumnActive(DataViewSchema.Column column) => true;

            public override bool MoveNext() => ++_position < Trials;

            public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
            {
                if (column.Index == 0) return (ValueGetter<TValue>)(Delegate)(ValueGetter<uint>)((ref uint key) => key = (uint)(_position % 3 + 1));
                return (ValueGetter<TValue>)(Delegate)(ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    var editor = VBufferEditor.Create(ref value, RowFloats);
                    var span = editor.Values;
                    int cls = (int)(_position % 3);
                    uint state = (uint)(_position * 2654435761 + 1);
                    for (int i = 0; i < span.Length; i++)
                    {
                        state ^= state << 13;
                        state ^= state >> 17;
                        state ^= state << 5;
                        span[i] = (state >> 8) * (1f / (1 << 24)) + (i / (Size * Size) % Bands == cls ? 0.1f : 0f);
                    }
                    value = editor.Commit();
                });
            }
        }
    }

    private sealed class BandMeanTrainer(IHostEnvironment environment, NeuralTrainerOptions options) : NeuralTrainer<NeuralTrainerOptions>(environment, options)
    {
        public override NeuralTask Task => NeuralTask.MulticlassClassification;

        protected override NeuralNetworkSpec CreateSpec(NeuralShape shape) => new BandMeanSpec(shape.OutputSize);
    }

    private sealed class BandMeanSpec(int classes) : NeuralNetworkSpec
    {
        public override Module<NeuralBatch, Tensor> Create(Generator generator) => new BandMean(classes, generator);

        public override void Write(BinaryWriter writer) => writer.Write(classes);
    }

    /// <summary>Mean of each band over frames and pixels, then Linear(3 → classes).</summary>
    private sealed class BandMean : Module<NeuralBatch, Tensor>
    {
        private readonly Linear _linear;

        public BandMean(int classes, Generator generator) : base("BandMean")
        {
            _linear = torch.nn.Linear(Bands, classes, generator: generator);
            register_module("linear", _linear);
        }

        public override Tensor forward(NeuralBatch input)
        {
            var x = input.Inputs[0];
            long b = x.shape[0];
            return _linear.forward(x.reshape(b, Frames, Bands, Size * Size).mean([1, 3]));
        }
    }
}
