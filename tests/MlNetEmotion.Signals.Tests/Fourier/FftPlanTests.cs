using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Signals.Tests.Fourier;

public class FftPlanTests
{
    /// <summary>Direct O(n²) DFT with the exponent reduced modulo n: the reference for every length.</summary>
    internal static Complex[] NaiveDft(IReadOnlyList<Complex> x)
    {
        int n = x.Count;
        var y = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            Complex s = 0;
            for (int t = 0; t < n; t++)
                s += x[t] * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)k * t % n) / n);
            y[k] = s;
        }
        return y;
    }

    private static Complex[] RandomComplex(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5)).ToArray();
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(5)] [InlineData(7)] [InlineData(8)]
    [InlineData(12)] [InlineData(30)] [InlineData(97)] [InlineData(100)] [InlineData(243)] [InlineData(256)]
    [InlineData(400)] [InlineData(512)] [InlineData(1021)] [InlineData(1000)] [InlineData(74)] [InlineData(3093)]
    public void ComplexForwardMatchesDirectDft(int n)
    {
        var x = RandomComplex(n, n);
        var y = (Complex[])x.Clone();
        new FftPlan(n).Forward(y);
        var expected = NaiveDft(x);
        double scale = expected.Max(c => c.Magnitude);
        for (int k = 0; k < n; k++)
            Assert.True((y[k] - expected[k]).Magnitude <= 1e-12 * scale, $"bin {k} of {n}: {y[k]} vs {expected[k]}");
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(9)] [InlineData(16)] [InlineData(400)] [InlineData(401)] [InlineData(512)] [InlineData(2 * 1031)]
    public void RealForwardMatchesDirectDft(int n)
    {
        var x = RandomComplex(n, 7 * n).Select(c => c.Real).ToArray();
        var plan = new RealFftPlan(n);
        var re = new double[plan.BinCount];
        var im = new double[plan.BinCount];
        plan.Forward(x, re, im);
        var expected = NaiveDft(x.Select(v => new Complex(v, 0)).ToArray());
        double scale = expected.Max(c => c.Magnitude);
        Assert.Equal(n / 2 + 1, plan.BinCount);
        for (int k = 0; k < plan.BinCount; k++)
            Assert.True((new Complex(re[k], im[k]) - expected[k]).Magnitude <= 1e-12 * scale, $"bin {k} of {n}");
    }

    [Fact]
    public void PowerSpectrumIsSquaredMagnitude()
    {
        var x = RandomComplex(400, 3).Select(c => c.Real).ToArray();
        var plan = new RealFftPlan(400);
        var power = new double[plan.BinCount];
        plan.PowerSpectrum(x, power);
        var expected = NaiveDft(x.Select(v => new Complex(v, 0)).ToArray());
        for (int k = 0; k < plan.BinCount; k++)
            Assert.Equal(expected[k].Magnitude * expected[k].Magnitude, power[k], 1e-10);
    }

    private static Arbitrary<double[]> Signals() =>
        Gen.Choose(1, 600)
            .SelectMany(n => Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1e6), n))
            .ToArbitrary();

    [Fact]
    public void ComplexRoundTripAndParseval() =>
        Prop.ForAll(Signals(), x =>
        {
            int n = x.Length;
            var re = (double[])x.Clone();
            var im = x.Reverse().ToArray();
            double energy = x.Sum(v => 2 * v * v);
            var plan = new FftPlan(n);
            plan.Forward(re, im);
            double spectral = 0;
            for (int k = 0; k < n; k++) spectral += re[k] * re[k] + im[k] * im[k];
            plan.Inverse(re, im);
            var back = x.Reverse().ToArray();
            bool roundTrip = Enumerable.Range(0, n).All(i => Math.Abs(re[i] - x[i]) < 1e-12 && Math.Abs(im[i] - back[i]) < 1e-12);
            return roundTrip && Math.Abs(spectral / n - energy) <= 1e-10 * Math.Max(1, energy);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void RealRoundTripAndParseval() =>
        Prop.ForAll(Signals(), x =>
        {
            int n = x.Length;
            var plan = new RealFftPlan(n);
            var re = new double[plan.BinCount];
            var im = new double[plan.BinCount];
            plan.Forward(x, re, im);
            // One-sided Parseval: interior bins count twice; DC and (even n) Nyquist once.
            double spectral = 0;
            for (int k = 0; k < plan.BinCount; k++)
            {
                double w = k == 0 || (n % 2 == 0 && k == n / 2) ? 1 : 2;
                spectral += w * (re[k] * re[k] + im[k] * im[k]);
            }
            double energy = x.Sum(v => v * v);
            var back = new double[n];
            plan.Inverse(re, im, back);
            bool roundTrip = Enumerable.Range(0, n).All(i => Math.Abs(back[i] - x[i]) < 1e-12);
            return roundTrip && Math.Abs(spectral / n - energy) <= 1e-10 * Math.Max(1, energy);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(512)]
    [InlineData(400)]
    [InlineData(402)]
    [InlineData(401)]
    public void BatchedPowerSpectraEqualSingleTransforms(int n)
    {
        var plan = new RealFftPlan(n);
        int b = RealFftPlan.BatchSize;
        var frames = RandomComplex(n * b, n).Select(c => c.Real).ToArray();
        var batched = new double[b * plan.BinCount];
        plan.PowerSpectra(frames, batched, new double[plan.BatchWorkspaceLength]);
        var single = new double[plan.BinCount];
        for (int f = 0; f < b; f++)
        {
            plan.PowerSpectrum(frames.AsSpan(f * n, n), single);
            for (int k = 0; k < plan.BinCount; k++)
                Assert.Equal(single[k], batched[f * plan.BinCount + k], 1e-9 * Math.Max(1, single[k]));
        }
    }

    [Theory]
    [InlineData(512)]
    [InlineData(400)]
    public void SinglePrecisionBatchMatchesDoubleToFloatAccuracy(int n)
    {
        var plan = new RealFftPlan(n);
        Assert.True(plan.HasSingleBatch);
        int b = RealFftPlan.SingleBatchSize;
        var frames = RandomComplex(n * b, 3 * n).Select(c => (float)c.Real).ToArray();
        var power = new float[b * plan.BinCount];
        plan.PowerSpectra(frames, power, new float[plan.SingleBatchWorkspaceLength]);
        var single = new double[plan.BinCount];
        for (int f = 0; f < b; f++)
        {
            plan.PowerSpectrum(frames.AsSpan(f * n, n).ToArray().Select(v => (double)v).ToArray(), single);
            double scale = single.Max();
            for (int k = 0; k < plan.BinCount; k++)
                Assert.True(Math.Abs(single[k] - power[f * plan.BinCount + k]) <= 1e-5 * scale, $"frame {f} bin {k}");
        }
        Assert.False(new RealFftPlan(401).HasSingleBatch);
        Assert.Throws<InvalidOperationException>(() => new RealFftPlan(401).PowerSpectra(new float[401 * b], new float[201 * b], new float[4096]));
    }

    [Fact]
    public void WrongLengthIsRejectedWithTheParameterName()
    {
        var plan = new FftPlan(8);
        var ex = Assert.Throws<ArgumentException>(() => plan.Forward(new double[7], new double[8]));
        Assert.Equal("real", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFftPlan(0));
    }
}
