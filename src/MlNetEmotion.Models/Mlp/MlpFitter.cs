using MlNetEmotion.Neural;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Models.Mlp;

/// <summary>The training loop shared by the MLP trainers: seeded shuffles, Adam mini-batches, early stopping on a
/// held-back fraction, best epoch restored.</summary>
internal static class MlpFitter
{
    /// <summary>Reads a Single/Single-vector feature column into a row-major matrix, rejecting non-finite values.</summary>
    public static (float[] Matrix, int Rows, int Width) ReadFeatures(IDataView data, string columnName)
    {
        var column = ColumnChecks.RequireSingleOrSingleVector(data.Schema, columnName);
        int width = ColumnChecks.SlotCount(column.Type);
        var values = new List<float>();
        int rows = 0;
        using (var cursor = data.GetRowCursor([column]))
        {
            var read = SingleColumnReader.Create(cursor, column);
            while (cursor.MoveNext())
            {
                var x = read();
                for (int j = 0; j < x.Length; j++)
                    if (!float.IsFinite(x[j])) throw DataValidationException.NonFinite(columnName, cursor.Position, j, x[j]);
                values.AddRange(x);
                rows++;
            }
        }
        if (rows == 0) throw DataValidationException.Empty("Training the MLP");
        return (values.ToArray(), rows, width);
    }

    /// <summary>Trains <paramref name="network"/>; <paramref name="loss"/> maps (outputs of a batch, its row indices) to a scalar loss.</summary>
    public static void Train(EmotionContext context, MlpNetwork network, float[] features, int rows, MlpOptions options, int seed,
        Func<Tensor, int[], Tensor> loss)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        int validationCount = options.ValidationFraction > 0 ? (int)Math.Floor(rows * options.ValidationFraction) : 0;
        if (rows - validationCount < 1) validationCount = 0;
        var validation = order[..validationCount];
        var train = order[validationCount..];
        var optimizer = torch.optim.Adam(network.Module.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        double best = double.PositiveInfinity;
        Dictionary<string, Tensor>? bestState = null;
        int stale = 0;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            network.Module.train();
            random.Shuffle(train);
            for (int start = 0; start < train.Length; start += options.BatchSize)
            {
                var batch = train[start..Math.Min(start + options.BatchSize, train.Length)];
                optimizer.zero_grad();
                var value = loss(network.Forward(Gather(features, network.InputSize, batch)), batch);
                value.backward();
                optimizer.step();
            }
            context.ReportProgress("MLP training", epoch + 1, options.Epochs);
            if (validation.Length == 0) continue;
            double validationLoss;
            using (torch.no_grad())
            {
                network.Module.eval();
                validationLoss = loss(network.Forward(Gather(features, network.InputSize, validation)), validation).item();
            }
            if (validationLoss < best)
            {
                best = validationLoss;
                bestState = network.Snapshot();
                stale = 0;
            }
            else if (options.EarlyStoppingPatience > 0 && ++stale >= options.EarlyStoppingPatience)
            {
                context.WriteLog("Mlp", $"early stop after epoch {epoch + 1}; best validation loss {best:G6}");
                break;
            }
        }
        if (bestState is not null) network.Restore(bestState);
        network.Module.eval();
    }

    private static Tensor Gather(float[] features, int width, int[] rows)
    {
        var batch = new float[rows.Length * width];
        for (int i = 0; i < rows.Length; i++) features.AsSpan(rows[i] * width, width).CopyTo(batch.AsSpan(i * width, width));
        return torch.tensor(batch, rows.Length, width);
    }
}
