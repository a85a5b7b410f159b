namespace MlNetEmotion.Signals.Spectral;

/// <summary>A one-sided spectral estimate: <see cref="Power"/>[k] at <see cref="Frequencies"/>[k] Hz.</summary>
/// <param name="Frequencies">Bin frequencies in Hz, <c>k·fs/nperseg</c>.</param>
/// <param name="Power">Density (units²/Hz) or spectrum (units²), per <see cref="WelchOptions.Scaling"/>.</param>
public sealed record PowerSpectrum(double[] Frequencies, double[] Power);
