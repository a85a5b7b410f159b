using MlNetEmotion.Persistence;

namespace MlNetEmotion.Models.Training;

/// <summary>One epoch of training as recorded in a <see cref="TrainingHistory"/>.</summary>
/// <param name="Stage">0-based stage.</param>
/// <param name="Epoch">1-based epoch over all stages.</param>
/// <param name="LearningRate">Rate used during the epoch.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches.</param>
/// <param name="ValidationLoss">Loss on the validation rows (NaN without validation rows).</param>
/// <param name="ValidationMetrics">Metrics on the validation rows by name ("Accuracy" for classification; "MeanSquaredError"
/// and "ConcordanceCorrelation" for regression); empty without validation rows.</param>
public sealed record EpochRecord(int Stage, int Epoch, double LearningRate, double TrainLoss, double ValidationLoss,
    IReadOnlyDictionary<string, double> ValidationMetrics);

/// <summary>Per-epoch training and validation loss and metrics of a neural trainer's run, and the epoch whose weights
/// were kept.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochRecord> _epochs = [];

    /// <summary>The epochs in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>The epoch whose weights the model holds (the best by the early-stopping metric, or the last).</summary>
    public int BestEpoch { get; internal set; }

    /// <summary>Whether training stopped before its last epoch because the metric stopped improving.</summary>
    public bool StoppedEarly { get; internal set; }

    internal void Add(EpochRecord record) => _epochs.Add(record);

    internal void Write(BinaryWriter writer)
    {
        writer.Write(BestEpoch);
        writer.Write(StoppedEarly);
        writer.Write(_epochs.Count);
        foreach (var e in _epochs)
        {
            writer.Write(e.Stage);
            writer.Write(e.Epoch);
            writer.Write(e.LearningRate);
            writer.Write(e.TrainLoss);
            writer.Write(e.ValidationLoss);
            writer.Write(e.ValidationMetrics.Count);
            foreach (var (name, value) in e.ValidationMetrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write(value);
            }
        }
    }

    internal static TrainingHistory Read(BinaryReader reader, string source)
    {
        var history = new TrainingHistory { BestEpoch = reader.ReadInt32(), StoppedEarly = reader.ReadBoolean() };
        int count = StepLoadContext.ReadCount(reader, 36, source);   // stage, epoch, three doubles, the metric count
        for (int i = 0; i < count; i++)
        {
            int stage = reader.ReadInt32(), epoch = reader.ReadInt32();
            double lr = reader.ReadDouble(), train = reader.ReadDouble(), validation = reader.ReadDouble();
            int metrics = StepLoadContext.ReadCount(reader, 1 + sizeof(double), source);
            var values = new Dictionary<string, double>();
            for (int m = 0; m < metrics; m++) values[reader.ReadString()] = reader.ReadDouble();
            history.Add(new EpochRecord(stage, epoch, lr, train, validation, values));
        }
        return history;
    }
}
