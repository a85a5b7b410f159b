using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.Topography;

namespace MlNetEmotion;

public sealed partial class EegCatalog
{
    /// <summary>EEG images (paper 000 step 3, Bashivan et al. 2016): band power per channel in 1/<paramref name="frameRate"/> s
    /// windows, projected onto the cap layout and interpolated to <paramref name="size"/> × <paramref name="size"/> images;
    /// a float vector column [frames, bands, size, size].</summary>
    /// <param name="outputColumnName">Vector column produced. Default <c>Topomaps</c>.</param>
    /// <param name="inputColumnName">Signal column read. Default <c>Signal</c>.</param>
    /// <param name="bands">Bands, one image each; null for theta 4–8, alpha 8–13, beta 13–30 Hz.</param>
    /// <param name="frameRate">Frames per second. Default 8.</param>
    /// <param name="size">Image width and height. Default 32.</param>
    /// <param name="montage">Built-in montage or a .elc/.txt/.sfp file. Default <c>standard_1020</c>.</param>
    /// <param name="method">Interpolation. Default Clough–Tocher (scipy's cubic).</param>
    /// <param name="options">Full options (projection, grid, extrapolation, overlap, scale); when given, its values
    /// win over <paramref name="bands"/>, <paramref name="frameRate"/>, <paramref name="size"/>, <paramref name="montage"/> and <paramref name="method"/>.</param>
    public IEstimator<TopomapTransformer> Topomaps(string outputColumnName = "Topomaps", string inputColumnName = "Signal",
        IReadOnlyList<FrequencyBand>? bands = null, double frameRate = 8, int size = 32, string montage = "standard_1020",
        TopomapInterpolation method = TopomapInterpolation.CloughTocher, BandTopomapOptions? options = null)
    {
        options ??= new BandTopomapOptions
        {
            Bands = bands ?? FrequencyBand.ThetaAlphaBeta,
            FrameRate = frameRate,
            Montage = montage,
            Topomap = new TopomapOptions { Size = size, Interpolation = method },
        };
        var t = new TopomapTransformer(outputColumnName, inputColumnName, options);
        return new StatelessEstimator<TopomapTransformer>(t, t.GetOutputShape);
    }
}
