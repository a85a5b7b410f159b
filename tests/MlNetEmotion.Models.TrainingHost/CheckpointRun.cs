using MlNetEmotion.Models.Mlp;
using MlNetEmotion.Models.Training;

namespace MlNetEmotion.Models.TrainingHost;

/// <summary>The training run the checkpoint tests kill and resume: an MLP on 120 rows of 3 noisy classes, with a
/// feature column that can be made slow to read, so a process is still training when it is killed.</summary>
public static class CheckpointRun
{
    /// <summary>One row.</summary>
    public sealed class Row
    {
        private readonly float[] _features = [];

        /// <summary>Creates a row.</summary>
        public Row(float[] features, string label, int readDelayMs)
        {
            _features = features;
            Class = label;
            ReadDelayMs = readDelayMs;
        }

        /// <summary>Features, read slowly when <see cref="ReadDelayMs"/> is set.</summary>
        [VectorType(8)]
        public float[] Features
        {
            get
            {
                if (ReadDelayMs > 0) Thread.Sleep(ReadDelayMs);
                return _features;
            }
        }

        /// <summary>Class name.</summary>
        public string Class { get; }

        /// <summary>Milliseconds each read of the features sleeps.</summary>
        [NoColumn]
        public int ReadDelayMs { get; }
    }

    /// <summary>Epochs of the run.</summary>
    public const int Epochs = 12;

    /// <summary>The data (a key Label mapped from the class names): the same rows for any delay.</summary>
    public static IDataView Data(MLContext ml, int readDelayMs)
    {
        var random = new Random(4);
        var rows = new List<Row>();
        for (int i = 0; i < 120; i++)
        {
            int c = i % 3;
            var x = new float[8];
            for (int j = 0; j < 8; j++) x[j] = (float)(random.NextDouble() - 0.5) + (j % 3 == c ? 1f : 0f);
            rows.Add(new Row(x, $"c{c}", readDelayMs));
        }
        var data = ml.Data.LoadFromEnumerable(rows);
        return ml.Transforms.Conversion.MapValueToKey("Label", "Class").Fit(data).Transform(data);
    }

    /// <summary>The trainer, checkpointing to <paramref name="checkpointDirectory"/> when given.</summary>
    public static MlpMulticlassTrainer Trainer(MLContext ml, string? checkpointDirectory) =>
        ml.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            HiddenSizes = [16], Dropout = 0.2, Epochs = Epochs, BatchSize = 16, LearningRate = 0.01, Seed = 21,
            EarlyStoppingPatience = 0, Schedule = LearningRateSchedule.Step, ScheduleStepSize = 4, ScheduleGamma = 0.5,
            CheckpointDirectory = checkpointDirectory,
        });

    /// <summary>Trains in this process and returns the model.</summary>
    public static NeuralPredictionTransformer Train(string? checkpointDirectory, int readDelayMs = 0, Action<long>? onEpoch = null)
    {
        var ml = new MLContext(1);
        if (onEpoch is not null) ml.Progress().Changed += (_, e) => { if (e.Stage == "Training") onEpoch(e.Completed); };
        return Trainer(ml, checkpointDirectory).Fit(Data(ml, readDelayMs));
    }
}
