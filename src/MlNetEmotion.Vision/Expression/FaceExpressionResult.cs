namespace MlNetEmotion.Vision.Expression;

/// <summary>What <see cref="FaceExpressionNet"/> says about one face.</summary>
/// <param name="Probabilities">Softmax probabilities in <see cref="FaceExpressionNet.Labels"/> order (neutral, happy,
/// sad, angry, fearful, disgusted, surprised); they sum to 1.</param>
/// <param name="Embedding">The <see cref="FaceExpressionNet.EmbeddingSize"/>-dimensional pooled feature vector that
/// feeds the final fully connected layer.</param>
public sealed record FaceExpressionResult(float[] Probabilities, float[] Embedding)
{
    /// <summary>Index of the most probable expression (the first one on ties).</summary>
    public int TopIndex
    {
        get
        {
            int best = 0;
            for (int i = 1; i < Probabilities.Length; i++)
                if (Probabilities[i] > Probabilities[best]) best = i;
            return best;
        }
    }

    /// <summary>Label of the most probable expression, e.g. <c>happy</c>.</summary>
    public string Top => FaceExpressionNet.Labels[TopIndex];

    /// <summary>Probability of the expression <paramref name="label"/> (one of <see cref="FaceExpressionNet.Labels"/>).</summary>
    /// <exception cref="ArgumentException">The label is not one of the seven.</exception>
    public float this[string label]
    {
        get
        {
            int i = FaceExpressionNet.LabelIndex(label);
            if (i < 0)
                throw new ArgumentException($"Unknown expression '{label}'; expected one of {string.Join(", ", FaceExpressionNet.Labels)}.", nameof(label));
            return Probabilities[i];
        }
    }
}
