using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Distributions;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Attention;

/// <summary>
/// The action part of the temporal hard attention of Liu et al. (vis-EEG-LSTM, section 2.2 and eq. 7–8) and Wu et al.
/// (IEEE Access 2020, section IV.A and eq. 14–15): a Gaussian policy π(a_n | s_n) over the position of the next frame
/// f_(n+1). The mean is sigmoid(W h_n + b) from the core state, a position in (0, 1) along the trial; the standard
/// deviation is fixed or learned (<c>log_std</c>). A sampled position maps to a frame index by
/// <see cref="ToFrame"/>; the glimpses stop at the last frame or after N_max steps (<see cref="Stops"/>).
/// </summary>
/// <remarks>The papers give neither the parameterisation of the mean nor the deviation; these are this toolkit's
/// documented defaults (as in the recurrent attention model of Mnih et al. 2014, with positions in (0, 1)).</remarks>
public sealed class LocationHead : Module<Tensor, Tensor>
{
    private readonly Linear mean;
    private readonly Tensor? logStd;
    private readonly float fixedStd;

    /// <summary>Creates the head.</summary>
    /// <param name="stateSize">Size of the core state the mean is read from.</param>
    /// <param name="standardDeviation">Fixed deviation, or the initial one when <paramref name="learnStandardDeviation"/>.</param>
    /// <param name="learnStandardDeviation">Learn log σ as the parameter <c>log_std</c>.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public LocationHead(int stateSize, double standardDeviation = 0.1, bool learnStandardDeviation = false, Generator? generator = null)
        : base("LocationHead")
    {
        if (!(standardDeviation > 0)) throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "LocationHead: the standard deviation must be positive.");
        mean = torch.nn.Linear(stateSize, 1, generator: generator);
        register_module("mean", mean);
        fixedStd = (float)standardDeviation;
        if (learnStandardDeviation)
        {
            logStd = torch.full([1], (float)Math.Log(standardDeviation));
            register_parameter("log_std", logStd);
        }
    }

    /// <summary>The policy's mean position in (0, 1) for core states <paramref name="input"/> <c>[B, stateSize]</c>: <c>[B]</c>.</summary>
    public override Tensor forward(Tensor input) => mean.forward(input).sigmoid().squeeze(1);

    /// <summary>The policy's standard deviation, shape <c>[1]</c> (a parameter's exponential when learned).</summary>
    public Tensor StandardDeviation() => logStd is null ? torch.full([1], fixedStd) : logStd.exp();

    /// <summary>The Gaussian policy around <paramref name="means"/> (from <see cref="forward"/>).</summary>
    public Normal Policy(Tensor means) => torch.distributions.Normal(means, StandardDeviation());

    /// <summary>log π(a | s) for actions <paramref name="actions"/> drawn around <paramref name="means"/> (same shape).</summary>
    public Tensor LogProbability(Tensor means, Tensor actions) => Policy(means).log_prob(actions);

    /// <summary>The frame a sampled position <paramref name="action"/> points at: round(clamp(a, 0, 1) · (frames − 1)).</summary>
    public static long ToFrame(float action, long frameCount)
    {
        if (frameCount < 1) throw new ArgumentOutOfRangeException(nameof(frameCount), frameCount, "LocationHead: a trial needs at least one frame.");
        double position = Math.Clamp((double)action, 0, 1);
        return (long)Math.Round(position * (frameCount - 1), MidpointRounding.AwayFromZero);
    }

    /// <summary>The stop rule, checked after each glimpse: the glimpsed <paramref name="frame"/> is the trial's last
    /// (f_(n+1) = T), or <paramref name="glimpses"/> reached <paramref name="maxGlimpses"/> (N = N_max).</summary>
    public static bool Stops(long frame, long frameCount, int glimpses, int maxGlimpses) =>
        frame >= frameCount - 1 || glimpses >= maxGlimpses;
}
