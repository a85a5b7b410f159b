namespace MlNetEmotion.Models.ConvLstm;

/// <summary>One target's scores on per-frame predictions of face sequences.</summary>
/// <param name="Target">Target name (e.g. Valence).</param>
/// <param name="PooledCcc">CCC over all frames of all sequences together.</param>
/// <param name="SequenceCcc">Mean over sequences of each sequence's CCC (sequences whose CCC is undefined are skipped).</param>
/// <param name="Mse">Mean squared error over all frames.</param>
/// <param name="Regression">ML.NET's <see cref="RegressionMetrics"/> of the same frames (<c>mlContext.Regression.Evaluate</c>).</param>
/// <param name="Frames">Frames scored.</param>
/// <param name="Sequences">Sequences scored.</param>
public sealed record FaceSequenceMetrics(string Target, double PooledCcc, double SequenceCcc, double Mse, RegressionMetrics Regression, int Frames, int Sequences)
{
    /// <summary>One frame's truth and prediction, with the sequence it belongs to.</summary>
    /// <param name="Sequence">Sequence (row) index.</param>
    /// <param name="Label">True value.</param>
    /// <param name="Score">Predicted value.</param>
    public readonly record struct Frame(int Sequence, float Label, float Score);

    /// <summary>Scores one target's frames, in sequence order.</summary>
    /// <param name="mlContext">Context for <c>Regression.Evaluate</c>.</param>
    /// <param name="target">Target name.</param>
    /// <param name="frames">Frames grouped by sequence (consecutive).</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">No frames.</exception>
    public static FaceSequenceMetrics Compute(MLContext mlContext, string target, IReadOnlyList<Frame> frames)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0) throw new ArgumentException($"No frames to score for {target}.", nameof(frames));
        var label = frames.Select(f => (double)f.Label).ToArray();
        var score = frames.Select(f => (double)f.Score).ToArray();
        double mse = 0;
        for (int i = 0; i < label.Length; i++) mse += (label[i] - score[i]) * (label[i] - score[i]);
        var perSequence = new List<double>();
        int sequences = 0;
        for (int start = 0; start < frames.Count;)
        {
            int end = start;
            while (end < frames.Count && frames[end].Sequence == frames[start].Sequence) end++;
            double ccc = Concordance.Ccc(score.AsSpan(start, end - start), label.AsSpan(start, end - start));
            if (double.IsFinite(ccc)) perSequence.Add(ccc);
            sequences++;
            start = end;
        }
        var rows = mlContext.Data.LoadFromEnumerable(frames.Select(f => new EvaluationRow { Label = f.Label, Score = f.Score }));
        return new FaceSequenceMetrics(target, Concordance.Ccc(score, label), perSequence.Count == 0 ? double.NaN : perSequence.Average(),
            mse / label.Length, mlContext.Regression.Evaluate(rows), frames.Count, sequences);
    }

    /// <summary>Per target, the valid frames of a scored view of padded sequences: <paramref name="scoreColumnName"/> and
    /// <paramref name="labelColumnName"/> are <c>[T, targets]</c>, <paramref name="lengthColumnName"/> the valid frames.</summary>
    /// <param name="scored">Scored rows (e.g. a <c>ConvLstm</c> model's output).</param>
    /// <param name="targets">Number of targets.</param>
    /// <param name="labelColumnName">Label column.</param>
    /// <param name="scoreColumnName">Score column.</param>
    /// <param name="lengthColumnName">Int32 length column.</param>
    /// <returns>One frame list per target.</returns>
    public static List<Frame>[] FramesOf(IDataView scored, int targets, string labelColumnName = "Label", string scoreColumnName = "Score",
        string lengthColumnName = "Length")
    {
        ArgumentNullException.ThrowIfNull(scored);
        var labels = scored.GetColumn<float[]>(labelColumnName).ToArray();
        var scores = scored.GetColumn<float[]>(scoreColumnName).ToArray();
        var lengths = scored.GetColumn<int>(lengthColumnName).ToArray();
        var frames = Enumerable.Range(0, targets).Select(_ => new List<Frame>()).ToArray();
        for (int row = 0; row < labels.Length; row++)
            for (int t = 0; t < lengths[row]; t++)
                for (int d = 0; d < targets; d++)
                    frames[d].Add(new Frame(row, labels[row][t * targets + d], scores[row][t * targets + d]));
        return frames;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Target}: CCC pooled {PooledCcc:F3}, per-sequence {SequenceCcc:F3}; MSE {Mse:F4}; ML.NET MAE {Regression.MeanAbsoluteError:F4}, " +
        $"RMSE {Regression.RootMeanSquaredError:F4}, R² {Regression.RSquared:F3} ({Frames} frames, {Sequences} sequences)";

    private sealed class EvaluationRow
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }
}
