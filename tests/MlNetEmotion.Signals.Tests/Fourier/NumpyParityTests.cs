using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Signals.Tests.Fourier;

/// <summary>FFT, windows and STFT against numpy.fft and torch.stft fixtures (tests/data/audio/make_fixtures.py).</summary>
public class NumpyParityTests
{
    [Fact]
    public void ComplexFftOfPrimeLengthMatchesNumpy()
    {
        var (input, _) = FourierFixtures.Load("fft_1031_input.npy");
        var (expected, _) = FourierFixtures.Load("fft_1031_output.npy");
        var re = input[..1031];
        var im = input[1031..];
        new FftPlan(1031).Forward(re, im);
        Assert.True(FourierFixtures.RelativeError(re.Concat(im).ToArray(), expected) < 1e-13);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    public void RealFftOfSpeechMatchesNumpy(int n)
    {
        var (expected, shape) = FourierFixtures.Load($"rfft_{n}.npy");
        var x = FourierFixtures.Speech().AsSpan(8000, n).ToArray().Select(v => (double)v).ToArray();
        var plan = new RealFftPlan(n);
        var re = new double[plan.BinCount];
        var im = new double[plan.BinCount];
        plan.Forward(x, re, im);
        Assert.Equal(plan.BinCount, shape[1]);
        Assert.True(FourierFixtures.RelativeError(re.Concat(im).ToArray(), expected) < 1e-13);
    }

    [Fact]
    public void WindowsMatchTorch()
    {
        var (expected, _) = FourierFixtures.Load("windows_400.npy");
        var kinds = new[] { WindowKind.Hann, WindowKind.Hamming, WindowKind.Blackman };
        int row = 0;
        foreach (bool periodic in new[] { true, false })
            foreach (var kind in kinds)
                AssertRow(Windows.Create(kind, 400, periodic), row++);
        AssertRow(Windows.Create(WindowKind.Povey, 400, periodic: false), row);

        void AssertRow(double[] w, int r)
        {
            for (int i = 0; i < 400; i++) Assert.Equal(expected[r * 400 + i], w[i], 1e-12);
        }
    }

    [Fact]
    public void ComplexStftMatchesTorchStft()
    {
        var (re, shape) = FourierFixtures.Load("stft_400_re.npy");
        var (im, _) = FourierFixtures.Load("stft_400_im.npy");
        var stft = new ShortTimeFourierTransform(new StftOptions { FftLength = 400, HopLength = 160 });
        var (r, i) = stft.Complex(FourierFixtures.Speech().AsSpan(0, 8000));
        Assert.Equal(shape, new[] { r.Rows, r.Frames });
        // The output is float32; the reference was computed in float64.
        Assert.True(FourierFixtures.RelativeError(r.Data.Select(v => (double)v).ToArray(), re) < 1e-6);
        Assert.True(FourierFixtures.RelativeError(i.Data.Select(v => (double)v).ToArray(), im) < 1e-6);
    }

    [Fact]
    public void TwoSidedPowerWithShortSymmetricWindowAndZeroPadMatchesTorchStft()
    {
        var (expected, shape) = FourierFixtures.Load("stft_512_w320_power.npy");
        var stft = new ShortTimeFourierTransform(new StftOptions
        {
            FftLength = 512, HopLength = 128, WindowLength = 320, Window = WindowKind.Hamming,
            PeriodicWindow = false, PadMode = PaddingMode.Zero, OneSided = false,
        });
        var power = stft.Power(FourierFixtures.Speech().AsSpan(0, 8000));
        Assert.Equal(shape, new[] { power.Rows, power.Frames });
        Assert.True(FourierFixtures.RelativeError(power.Data.Select(v => (double)v).ToArray(), expected) < 1e-6);
        var magnitude = stft.Magnitude(FourierFixtures.Speech().AsSpan(0, 8000));
        Assert.Equal(Math.Sqrt(expected[5 * shape[1] + 7]), magnitude[5, 7], 1e-4);
    }

    [Fact]
    public void FrameCountFollowsTorchStft()
    {
        var centred = new ShortTimeFourierTransform(new StftOptions { FftLength = 400, HopLength = 160 });
        Assert.Equal(1 + 8000 / 160, centred.FrameCount(8000));
        var snipped = new ShortTimeFourierTransform(new StftOptions { FftLength = 400, HopLength = 160, Center = false });
        Assert.Equal(1 + (8000 - 400) / 160, snipped.FrameCount(8000));
        Assert.Equal(0, snipped.FrameCount(399));
    }

    [Fact]
    public void ReflectPaddingOfATooShortSignalIsRejected()
    {
        var stft = new ShortTimeFourierTransform(new StftOptions { FftLength = 400 });
        var ex = Assert.Throws<ArgumentException>(() => stft.Power(new float[150]));
        Assert.Equal("signal", ex.ParamName);
    }
}
