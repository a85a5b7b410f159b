using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Signals.Tests.Filters;

/// <summary>Impossible filter specifications and bad samples fail with typed exceptions that name the option or index.</summary>
public class FilterInputValidationTests
{
    [Theory]
    [InlineData(FilterBandType.LowPass, 64.0, double.NaN, "cutoff")]
    [InlineData(FilterBandType.HighPass, 80.0, double.NaN, "cutoff")]
    [InlineData(FilterBandType.LowPass, 0.0, double.NaN, "cutoff")]
    [InlineData(FilterBandType.HighPass, -1.0, double.NaN, "cutoff")]
    [InlineData(FilterBandType.BandPass, 4.0, 64.0, "high")]
    [InlineData(FilterBandType.BandStop, 0.0, 10.0, "low")]
    [InlineData(FilterBandType.BandPass, 13.0, 8.0, "high")]
    public void CutoffsOutsideZeroToNyquistAreRejected(FilterBandType type, double low, double high, string option)
    {
        var e = Assert.Throws<FilterSpecificationException>(() => Butterworth.Design(4, type, 128, low, high));
        Assert.Equal(option, e.Option);
        Assert.Contains(option, e.Message);
    }

    [Fact]
    public void OrderAndNotchOptionsAreChecked()
    {
        Assert.Equal("order", Assert.Throws<FilterSpecificationException>(() => Butterworth.LowPass(0, 10, 128)).Option);
        Assert.Equal("sampleRate", Assert.Throws<FilterSpecificationException>(() => Butterworth.LowPass(2, 10, double.NaN)).Option);
        Assert.Equal("frequency", Assert.Throws<FilterSpecificationException>(() => IirNotch.Design(64, 30, 128)).Option);
        Assert.Equal("qualityFactor", Assert.Throws<FilterSpecificationException>(() => IirNotch.Design(50, 0, 128)).Option);
    }

    [Fact]
    public void NonFiniteSamplesAreReportedByIndex()
    {
        SecondOrderSections sos = Butterworth.LowPass(2, 10, 128);
        double[] x = new double[100];
        x[42] = double.NaN;
        Assert.Equal(42, Assert.Throws<NonFiniteSampleException>(() => SosFilter.SosFiltFilt(sos, x)).Index);
        Assert.Equal(42, Assert.Throws<NonFiniteSampleException>(() => SosFilter.SosFilt(sos, x)).Index);
        Assert.Equal(42, Assert.Throws<NonFiniteSampleException>(() => TransferFunctionFilter.FiltFilt(IirNotch.Design(50, 30, 128), x)).Index);
    }

    [Fact]
    public void SignalNotLongerThanThePaddingIsRejected()
    {
        SecondOrderSections sos = Butterworth.BandPass(4, 4, 45, 128);
        var e = Assert.Throws<ArgumentException>(() => SosFilter.SosFiltFilt(sos, new double[27]));
        Assert.Contains("27", e.Message);
        Assert.Equal(28, SosFilter.SosFiltFilt(sos, new double[28]).Length);
    }

    [Fact]
    public void SectionsMustBeNormalised() =>
        Assert.Throws<ArgumentException>(() => new SecondOrderSections([1, 0, 0, 2, 0, 0]));
}
