namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>The expression of one frame, each parameter in its documented range.</summary>
/// <param name="MouthCurvature">−1 (corners down, frown) .. +1 (corners up, smile).</param>
/// <param name="MouthOpening">0 (lips closed) .. 1 (wide open).</param>
/// <param name="BrowRaise">−1 (lowered) .. +1 (raised).</param>
/// <param name="BrowFurrow">0 (relaxed) .. 1 (inner ends pulled down and together, as in anger).</param>
/// <param name="EyeOpenness">0 (closed) .. 1 (wide open).</param>
public readonly record struct FaceExpressionParameters(double MouthCurvature, double MouthOpening, double BrowRaise,
    double BrowFurrow, double EyeOpenness)
{
    /// <summary>
    /// The planted expression of an affective state on a subject's face, with e = expressiveness · intensity:
    /// <list type="bullet">
    /// <item>mouth curvature = resting curvature + 0.8·e·valence (smile with positive, frown with negative valence);</item>
    /// <item>brow furrow = 0.8·e·max(0, −valence);</item>
    /// <item>mouth opening = 0.1 + 0.45·e·arousal, eye openness = 0.8 + 0.2·e·arousal and brow raise = 0.7·e·arousal
    /// (wider eyes, raised brows and a parted mouth with high arousal; drooping lids and a closed mouth with low);</item>
    /// </list>
    /// every parameter clipped to its range.
    /// </summary>
    /// <param name="affect">Valence and arousal in [−1, 1].</param>
    /// <param name="identity">The subject's face (resting curvature, expressiveness).</param>
    /// <param name="intensity">How strongly the state shows right now (1 = fully; 0 = the resting face).</param>
    public static FaceExpressionParameters FromAffect(AffectState affect, SyntheticFaceIdentity identity, double intensity = 1)
    {
        ArgumentNullException.ThrowIfNull(identity);
        double e = identity.Expressiveness * intensity;
        return new FaceExpressionParameters(
            MouthCurvature: Math.Clamp(identity.RestingMouthCurvature + 0.8 * e * affect.Valence, -1, 1),
            MouthOpening: Math.Clamp(0.1 + 0.45 * e * affect.Arousal, 0, 1),
            BrowRaise: Math.Clamp(0.7 * e * affect.Arousal, -1, 1),
            BrowFurrow: Math.Clamp(-0.8 * e * affect.Valence, 0, 1),
            EyeOpenness: Math.Clamp(0.8 + 0.2 * e * affect.Arousal, 0, 1));
    }
}
