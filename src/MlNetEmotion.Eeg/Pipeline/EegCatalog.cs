using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Pipeline;
using MlNetEmotion.Signals.Wavelets;

namespace MlNetEmotion;

/// <summary>
/// <c>mlContext.Transforms.Eeg</c>: EEG pipeline steps. A text column of file paths becomes an <see cref="EegSignal"/> column
/// (<see cref="ReadEeg"/>); signal steps map it to a new signal; feature steps produce band features.
/// Signal steps default to writing back to <c>Signal</c>; <c>inputColumnName</c> defaults to the output name.
/// Other assemblies' files add steps to this partial class (topomaps).
/// </summary>
public sealed partial class EegCatalog
{
    /// <summary>Creates the catalog on <paramref name="catalog"/>.</summary>
    /// <param name="catalog">ML.NET's transforms catalog (<c>mlContext.Transforms</c>) it extends.</param>
    public EegCatalog(TransformsCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
    }

    /// <summary>ML.NET's transforms catalog this catalog extends (its environment is the owning <see cref="MLContext"/>'s).</summary>
    public TransformsCatalog Catalog { get; }

    /// <summary>Reads the EEG file named in a text column (EDF/BDF/MAT/NPY/CSV) into a signal of its voltage channels.</summary>
    /// <param name="outputColumnName">Signal column produced. Default <c>Signal</c>.</param>
    /// <param name="inputColumnName">Text column of file paths. Default <c>Path</c>.</param>
    /// <param name="options">Rate for header-less files, DEAP trial, validation; null for defaults.</param>
    /// <param name="trialColumnName">Int32 column of 1-based trial numbers (a manifest's <c>EegTrialIndex</c>) picking each
    /// row's trial from a multi-trial MAT-file (DEAP <c>sXX.mat</c>, EAV <c>subjectNN_eeg.mat</c>); each file is read once
    /// for all its trials. Null to read whole files.</param>
    public IEstimator<EegReadTransformer> ReadEeg(string outputColumnName = "Signal", string inputColumnName = "Path", EegFileOptions? options = null,
        string? trialColumnName = null)
    {
        var t = new EegReadTransformer(outputColumnName, inputColumnName, options, trialColumnName);
        return new StatelessEstimator<EegReadTransformer>(t, t.GetOutputShape);
    }

    /// <summary>Zero-phase Butterworth band-pass (SciPy <c>butter(order, [low, high], 'bandpass', output='sos')</c> + <c>sosfiltfilt</c>).</summary>
    /// <param name="outputColumnName">Signal column produced. Default <c>Signal</c>.</param>
    /// <param name="inputColumnName">Signal column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="lowHz">Lower −3 dB edge. Default 4 Hz.</param>
    /// <param name="highHz">Upper −3 dB edge, below Nyquist. Default 45 Hz.</param>
    /// <param name="order">Prototype order. Default 4.</param>
    public IEstimator<EegSignalTransformer> BandPass(string outputColumnName = "Signal", string? inputColumnName = null, double lowHz = 4, double highHz = 45, int order = 4) =>
        Signal(outputColumnName, inputColumnName, new BandPassOperation(lowHz, highHz, order));

    /// <summary>Zero-phase IIR notch (SciPy <c>iirnotch</c> + <c>filtfilt</c>).</summary>
    /// <param name="outputColumnName">Signal column produced. Default <c>Signal</c>.</param>
    /// <param name="inputColumnName">Signal column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="frequencyHz">Frequency removed. Default 50 Hz.</param>
    /// <param name="quality">Quality factor Q. Default 30.</param>
    public IEstimator<EegSignalTransformer> Notch(string outputColumnName = "Signal", string? inputColumnName = null, double frequencyHz = 50, double quality = 30) =>
        Signal(outputColumnName, inputColumnName, new NotchOperation(frequencyHz, quality));

    /// <summary>Polyphase resampling (SciPy <c>resample_poly</c>) to a whole-number rate.</summary>
    /// <param name="outputColumnName">Signal column produced. Default <c>Signal</c>.</param>
    /// <param name="inputColumnName">Signal column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="targetRate">New rate. Default 128 Hz (DEAP's preprocessed rate).</param>
    /// <param name="kaiserBeta">Kaiser β of the anti-aliasing filter. Default 5 (SciPy's).</param>
    public IEstimator<EegSignalTransformer> Resample(string outputColumnName = "Signal", string? inputColumnName = null, double targetRate = 128, double kaiserBeta = 5) =>
        Signal(outputColumnName, inputColumnName, new ResampleOperation(targetRate, kaiserBeta));

    /// <summary>Wavelet soft-threshold denoising (universal threshold, MAD noise estimate), papers 000/002 step 1.</summary>
    /// <param name="outputColumnName">Signal column produced. Default <c>Signal</c>.</param>
    /// <param name="inputColumnName">Signal column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="options">Wavelet (default db4), level, mode, threshold; null for defaults.</param>
    public IEstimator<EegSignalTransformer> WaveletDenoise(string outputColumnName = "Signal", string? inputColumnName = null, WaveletDenoiseOptions? options = null) =>
        Signal(outputColumnName, inputColumnName, new WaveletDenoiseOperation(options ?? new WaveletDenoiseOptions()));

    /// <summary>Sets frame-aligned analysis windows (T = 1 / <paramref name="frameRate"/>, or <paramref name="windowSeconds"/>) for the feature steps.</summary>
    /// <param name="outputColumnName">Signal column produced. Default <c>Signal</c>.</param>
    /// <param name="inputColumnName">Signal column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="frameRate">Video frame rate. Default 8 fps (papers 000/002).</param>
    /// <param name="overlap">Fraction of overlap in [0, 1). Default 0.</param>
    /// <param name="windowSeconds">Window length overriding 1 / <paramref name="frameRate"/>; null to use the frame rate.</param>
    public IEstimator<EegSignalTransformer> Segment(string outputColumnName = "Signal", string? inputColumnName = null, double frameRate = 8, double overlap = 0, double? windowSeconds = null)
    {
        if (!(frameRate > 0)) throw new ArgumentOutOfRangeException(nameof(frameRate), frameRate, "The frame rate must be positive.");
        return Signal(outputColumnName, inputColumnName, new SegmentOperation(new Segmentation(windowSeconds ?? 1 / frameRate, overlap)));
    }

    /// <summary>Removes the leading pre-trial baseline and keeps the trial (DEAP: 3 s).</summary>
    /// <param name="outputColumnName">Signal column produced. Default <c>Signal</c>.</param>
    /// <param name="inputColumnName">Signal column read; null for <paramref name="outputColumnName"/>.</param>
    /// <param name="baselineSeconds">Baseline length. Default 3 s.</param>
    /// <param name="method">Mean subtraction or DEAP-paper per-second template. Default <see cref="BaselineMethod.Mean"/>.</param>
    public IEstimator<EegSignalTransformer> BaselineRemoval(string outputColumnName = "Signal", string? inputColumnName = null, double baselineSeconds = 3, BaselineMethod method = BaselineMethod.Mean) =>
        Signal(outputColumnName, inputColumnName, new BaselineRemovalOperation(baselineSeconds, method));

    /// <summary>Per-channel z-scoring with mean and standard deviation learned on the training rows in <c>Fit</c>.</summary>
    /// <param name="outputColumnName">Signal column produced. Default <c>Signal</c>.</param>
    /// <param name="inputColumnName">Signal column read; null for <paramref name="outputColumnName"/>.</param>
    public NormalizePerChannelEstimator NormalizePerChannel(string outputColumnName = "Signal", string? inputColumnName = null) =>
        new(outputColumnName, inputColumnName ?? outputColumnName);

    /// <summary>Band power per window, channel and band.</summary>
    /// <param name="outputColumnName">Feature column produced. Default <c>BandPower</c>.</param>
    /// <param name="inputColumnName">Signal column read. Default <c>Signal</c>.</param>
    /// <param name="options">Bands, scale, method; null for theta/alpha/beta/gamma absolute Welch power.</param>
    /// <param name="asVector">True for a float vector column instead of <see cref="BandFeatures"/> objects.</param>
    public IEstimator<EegFeatureTransformer> BandPower(string outputColumnName = "BandPower", string inputColumnName = "Signal", BandPowerOptions? options = null, bool asVector = false) =>
        Feature(outputColumnName, inputColumnName, new BandPowerFeature(options ?? new BandPowerOptions()), asVector);

    /// <summary>Differential entropy 0.5·ln(2πeσ²) of the band-passed signal per window, channel and band.</summary>
    /// <param name="outputColumnName">Feature column produced. Default <c>DifferentialEntropy</c>.</param>
    /// <param name="inputColumnName">Signal column read. Default <c>Signal</c>.</param>
    /// <param name="options">Bands, filter order, log base; null for defaults.</param>
    /// <param name="asVector">True for a float vector column instead of <see cref="BandFeatures"/> objects.</param>
    public IEstimator<EegFeatureTransformer> DifferentialEntropy(string outputColumnName = "DifferentialEntropy", string inputColumnName = "Signal", DifferentialEntropyOptions? options = null, bool asVector = false) =>
        Feature(outputColumnName, inputColumnName, new DifferentialEntropyFeature(options ?? new DifferentialEntropyOptions()), asVector);

    private static StatelessEstimator<EegSignalTransformer> Signal(string outputColumnName, string? inputColumnName, EegSignalOperation operation)
    {
        var t = new EegSignalTransformer(outputColumnName, inputColumnName ?? outputColumnName, operation);
        return new StatelessEstimator<EegSignalTransformer>(t, t.GetOutputShape);
    }

    private static StatelessEstimator<EegFeatureTransformer> Feature(string outputColumnName, string inputColumnName, EegFeature feature, bool asVector)
    {
        var t = new EegFeatureTransformer(outputColumnName, inputColumnName, feature, asVector);
        return new StatelessEstimator<EegFeatureTransformer>(t, t.GetOutputShape);
    }
}

/// <summary>Adds <c>mlContext.Transforms.Eeg</c> to ML.NET's <see cref="TransformsCatalog"/>.</summary>
public static class EegCatalogExtensions
{
    extension(TransformsCatalog catalog)
    {
        /// <summary>EEG steps: reading, filtering, resampling, denoising, segmentation, baseline, normalisation, band features, topomaps.</summary>
        public EegCatalog Eeg => new(catalog);
    }
}
