using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Training;

/// <summary>What a network sees for one mini-batch: one tensor per feature column, each <c>[batch, ...column shape]</c>
/// (the column's <see cref="VectorDataViewType"/> dimensions), and for padded sequences the valid length of each row.</summary>
/// <param name="Inputs">One tensor per feature column, in the order of the options' feature column names.</param>
/// <param name="Lengths">Valid steps per row when the trainer names a length column; null otherwise.</param>
public sealed record NeuralBatch(IReadOnlyList<Tensor> Inputs, int[]? Lengths)
{
    /// <summary>Rows in the batch.</summary>
    public int Count => (int)Inputs[0].shape[0];
}

/// <summary>The shapes a network is built for: the per-row shape of each feature column and the output width.</summary>
/// <param name="InputShapes">Per feature column, its dimensions (without the batch).</param>
/// <param name="OutputSize">Classes (classification) or targets per step (regression).</param>
/// <param name="Steps">Steps per row for sequence regression (the padded length), else 0.</param>
public sealed record NeuralShape(IReadOnlyList<int[]> InputShapes, int OutputSize, int Steps);
