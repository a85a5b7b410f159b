using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Signals.Resampling;

namespace MlNetEmotion.Signals.Tests.Resampling;

/// <summary>resample_poly of a constant is that constant away from the edges (Kaiser β = 5 pass-band ripple: within 1e-3).</summary>
public class ResamplingPropertyTests
{
    private static Arbitrary<(int Up, int Down, int Length, double Level)> Cases() =>
        (from up in Gen.Choose(1, 10)
         from down in Gen.Choose(1, 10)
         from length in Gen.Choose(300, 600)
         from level in Gen.Choose(-100_000, 100_000)
         select (up, down, length, level / 100.0)).ToArbitrary();

    [Fact]
    public void ConstantStaysConstantAwayFromTheEdges() =>
        Prop.ForAll(Cases(), c =>
        {
            double[] y = PolyphaseResampler.ResamplePoly(Enumerable.Repeat(c.Level, c.Length).ToArray(), c.Up, c.Down);
            bool lengthOk = y.Length == (int)Math.Ceiling((double)c.Length * c.Up / c.Down);
            // The filter reaches 10·max(up, down) upsampled samples, i.e. this many output samples, past each end.
            int edge = (int)Math.Ceiling(10.0 * Math.Max(c.Up, c.Down) / c.Down) + 1;
            return lengthOk && y.Skip(edge).Take(y.Length - 2 * edge).All(v => Math.Abs(v - c.Level) <= 1e-3 * Math.Abs(c.Level) + 1e-12);
        }).QuickCheckThrowOnFailure();
}
