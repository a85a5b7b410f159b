using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Signals.Wavelets;

namespace MlNetEmotion.Signals.Tests.Wavelets;

/// <summary>
/// Perfect reconstruction: waverec(wavedec(x)) returns x to 1e-10 relative to max|x| for every wavelet, mode, length
/// and level. (Relative, not absolute: PyWavelets' Symlet tables, which we reproduce exactly, are orthonormal only to
/// about 6e-13, so reconstruction of ±100 signals is good to about 1e-10 absolute — in PyWavelets too.)
/// </summary>
public class DwtPropertyTests
{
    private static Arbitrary<(double[] Signal, string Wavelet, WaveletMode Mode, int LevelSeed)> Cases() =>
        (from n in Gen.Choose(1, 400)
         from values in Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1e4), n)
         from w in Gen.Elements(Wavelet.Names.ToArray())
         from mode in Gen.Elements(WaveletMode.Symmetric, WaveletMode.Periodization)
         from levelSeed in Gen.Choose(0, 1000)
         select (values, w, mode, levelSeed)).ToArbitrary();

    [Fact]
    public void WaveRecInvertsWaveDec() =>
        Prop.ForAll(Cases(), c =>
        {
            Wavelet wavelet = Wavelet.FromName(c.Wavelet);
            int level = c.LevelSeed % (Dwt.MaxLevel(c.Signal.Length, wavelet) + 1);
            double[] rec = Dwt.WaveRec(Dwt.WaveDec(c.Signal, wavelet, c.Mode, level), wavelet, c.Mode);
            double scale = Math.Max(1, c.Signal.Max(Math.Abs));
            return rec.Length >= c.Signal.Length
                && c.Signal.Select((v, i) => Math.Abs(rec[i] - v)).Max() < 1e-10 * scale;
        }).QuickCheckThrowOnFailure();
}
