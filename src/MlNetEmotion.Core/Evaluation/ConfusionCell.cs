namespace MlNetEmotion.Evaluation;

/// <summary>One non-zero cell of a <see cref="ConfusionCounts"/> matrix.</summary>
/// <param name="Actual">True class index, 0-based.</param>
/// <param name="Predicted">Predicted class index, 0-based.</param>
/// <param name="Count">Rows of class <paramref name="Actual"/> predicted as <paramref name="Predicted"/> (positive).</param>
public readonly record struct ConfusionCell(int Actual, int Predicted, long Count);
