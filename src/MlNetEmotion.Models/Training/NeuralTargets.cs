using MlNetEmotion.Evaluation;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Training;

/// <summary>The labels of one mini-batch, in the form the task's loss needs.</summary>
/// <param name="Classes">0-based classes (classification), else null.</param>
/// <param name="Values">Targets <c>[batch, targets]</c> or <c>[batch, steps, targets]</c> (regression), else null.</param>
/// <param name="Mask">1 for valid steps, 0 for padding, <c>[batch, steps, 1]</c> (sequence regression with lengths), else null.</param>
public sealed record NeuralTargets(long[]? Classes, Tensor? Values, Tensor? Mask)
{
    internal static NeuralTargets For(TrainingTable table, NeuralTask task, int[] rows, int[]? lengths)
    {
        if (task == NeuralTask.MulticlassClassification) return new(rows.Select(r => table.ClassIndices![r]).ToArray(), null, null);
        int rowWidth = task == NeuralTask.SequenceRegression ? table.Steps * table.TargetWidth : table.TargetWidth;
        var values = new float[rows.Length * rowWidth];
        for (int i = 0; i < rows.Length; i++) table.Targets.AsSpan(rows[i] * rowWidth, rowWidth).CopyTo(values.AsSpan(i * rowWidth));
        if (task == NeuralTask.Regression) return new(null, torch.tensor(values, rows.Length, table.TargetWidth), null);
        Tensor? mask = null;
        if (lengths is not null)
        {
            var m = new float[rows.Length * table.Steps];
            for (int i = 0; i < rows.Length; i++) m.AsSpan(i * table.Steps, lengths[i]).Fill(1);
            mask = torch.tensor(m, rows.Length, table.Steps, 1);
        }
        return new(null, torch.tensor(values, rows.Length, table.Steps, table.TargetWidth), mask);
    }
}

/// <summary>The default losses and validation metrics of the tasks.</summary>
internal static class NeuralLosses
{
    public static Tensor Default(NeuralTask task, Tensor output, NeuralTargets targets, Tensor? classWeights) => task switch
    {
        NeuralTask.MulticlassClassification => torch.nn.functional.cross_entropy(output, targets.Classes!, classWeights),
        _ when targets.Mask is { } mask => output.sub(targets.Values!).square().mul(mask).sum().div(mask.sum().mul(output.shape[^1])),
        _ => torch.nn.functional.mse_loss(output, targets.Values!),
    };

    /// <summary>Validation metrics of outputs against targets (valid steps only).</summary>
    public static Dictionary<string, double> Metrics(NeuralTask task, IReadOnlyList<float[]> outputs, IReadOnlyList<NeuralTargets> targets, int width)
    {
        if (task == NeuralTask.MulticlassClassification)
        {
            long right = 0, total = 0;
            for (int b = 0; b < outputs.Count; b++)
                for (int i = 0; i < targets[b].Classes!.Length; i++, total++)
                {
                    var row = outputs[b].AsSpan(i * width, width);
                    int best = 0;
                    for (int k = 1; k < width; k++) if (row[k] > row[best]) best = k;
                    if (best == targets[b].Classes![i]) right++;
                }
            return new() { ["Accuracy"] = (double)right / total };
        }
        var truth = Enumerable.Range(0, width).Select(_ => new List<double>()).ToArray();
        var predicted = Enumerable.Range(0, width).Select(_ => new List<double>()).ToArray();
        for (int b = 0; b < outputs.Count; b++)
        {
            var y = targets[b].Values!.ToArray();
            var mask = targets[b].Mask?.ToArray();
            for (int j = 0; j < y.Length; j++)
            {
                if (mask is not null && mask[j / width] == 0) continue;
                truth[j % width].Add(y[j]);
                predicted[j % width].Add(outputs[b][j]);
            }
        }
        var scores = RegressionMetricsCalculator.Compute([.. truth.Select(t => t.ToArray())], [.. predicted.Select(p => p.ToArray())],
            [.. Enumerable.Range(0, width).Select(t => $"target{t}")]);
        return new() { ["MeanSquaredError"] = scores.MeanSquaredError, ["ConcordanceCorrelation"] = scores.ConcordanceCorrelation };
    }
}
