using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.AffWild;

/// <summary>A smooth continuous-annotation trajectory: per dimension <c>tanh(b + Σ_k a_k sin(2π f_k t + φ_k))</c> with a
/// subject offset b ~ N(0, bias sd²), three components of amplitude a_k ~ U(0.2, 0.7), frequency f_k ~ U(0.02, 0.25) Hz and
/// phase φ_k ~ U(0, 2π); so valence and arousal drift over seconds, stay in (−1, 1) and differ per subject.</summary>
public sealed class AffectTrajectory
{
    private const int Components = 3;
    private readonly double[] _valence, _arousal;

    private AffectTrajectory(double[] valence, double[] arousal) => (_valence, _arousal) = (valence, arousal);

    /// <summary>Draws a trajectory.</summary>
    /// <param name="generator">Random source.</param>
    /// <param name="biasStd">Standard deviation of the subject offset.</param>
    public static AffectTrajectory Draw(Generator generator, double biasStd)
    {
        double[] Dimension()
        {
            var p = new double[1 + 3 * Components];
            p[0] = biasStd * Math.Clamp(generator.NextNormal(), -2.5, 2.5);
            for (int k = 0; k < Components; k++)
            {
                p[1 + 3 * k] = 0.2 + 0.5 * generator.NextDouble();
                p[2 + 3 * k] = 2 * Math.PI * (0.02 + 0.23 * generator.NextDouble());
                p[3 + 3 * k] = 2 * Math.PI * generator.NextDouble();
            }
            return p;
        }
        var valence = Dimension();
        return new AffectTrajectory(valence, Dimension());
    }

    /// <summary>The state at <paramref name="seconds"/>.</summary>
    /// <param name="seconds">Time from the start of the video.</param>
    public AffectState At(double seconds) => new(Evaluate(_valence, seconds), Evaluate(_arousal, seconds));

    private static double Evaluate(double[] p, double t)
    {
        double x = p[0];
        for (int k = 0; k < Components; k++) x += p[1 + 3 * k] * Math.Sin(p[2 + 3 * k] * t + p[3 + 3 * k]);
        return Math.Tanh(x);
    }
}
