using System.CommandLine;
using MlNetEmotion.Cli.Hosting;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Topography;
using MlNetEmotion.Eeg.Topography.Rendering;

namespace MlNetEmotion.Cli.Commands;

/// <summary><c>mlnet-emotion eeg topomap FILE --out maps.npy</c>: band-power topomaps [frames, bands, H, W].</summary>
internal static class EegTopomapCommand
{
    /// <summary>Builds the <c>topomap</c> sub-command (registered under <c>eeg</c>).</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "EEG file (.edf, .bdf, .gdf, .mat, .npy, .csv)." };
        var montage = new Option<string>("--montage") { Description = "standard_1020, standard_1005, biosemi16/32/64, or a .elc/.txt/.sfp file.", DefaultValueFactory = _ => "standard_1020" };
        var bands = new Option<string>("--bands") { Description = "Bands as name:low-high,... (Hz).", DefaultValueFactory = _ => "theta:4-8,alpha:8-13,beta:13-30" };
        var fps = new Option<double>("--fps") { Description = "Frames per second (one 1/fps s window per frame).", DefaultValueFactory = _ => 8 }.Within(0, 1000);
        var overlap = new Option<double>("--overlap") { Description = "Window overlap fraction in [0, 1).", DefaultValueFactory = _ => 0 }.Within(0, 1, minIncluded: true, maxIncluded: false);
        var size = new Option<int>("--size") { Description = "Image width and height in pixels.", DefaultValueFactory = _ => 32 }.Within(2, 1024);
        var method = new Option<string>("--method") { Description = "cubic (Clough-Tocher), linear or nearest.", DefaultValueFactory = _ => "cubic" };
        var layout = new Option<string>("--layout") { Description = "mne (head circle, MNE projection) or bashivan (bounding box, azim_proj).", DefaultValueFactory = _ => "mne" };
        var extrapolate = new Option<string?>("--extrapolate") { Description = "head, local, box or none (default: head for mne, none for bashivan)." };
        var power = new Option<string>("--power")
        {
            Description = "Band-power estimator: filterbank (zero-phase band-pass per band, mean square per window; resolves theta in 1/8 s windows) or welch (windows of 1 s or more).",
            DefaultValueFactory = _ => "filterbank",
        };
        var scale = new Option<BandPowerScale>("--scale") { Description = "Absolute, Relative or Log band power.", DefaultValueFactory = _ => BandPowerScale.Absolute };
        var output = new Option<string>("--out") { Description = "Output .npy file: float32 [frames, bands, H, W].", Required = true };
        var png = new Option<string?>("--png") { Description = "Directory for a PNG picture of every map." };
        var colormap = new Option<string>("--colormap") { Description = "viridis or RdBu_r (PNG only).", DefaultValueFactory = _ => "viridis" };
        var rate = EegCommands.RateOption();
        var command = new Command("topomap", "Band-power topomaps per frame (Bashivan et al. 2016 EEG images), written as float32 NPY [frames, bands, H, W].");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { montage, bands, fps, overlap, size, method, layout, extrapolate, power, scale, output, png, colormap, rate }) command.Options.Add(o);
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            Core.IO.AtomicFile.CheckDestination(parse.GetValue(output)!);
            bool bashivan = Parse(parse.GetValue(layout)!, "--layout", "mne", "bashivan") == 1;
            string? extra = parse.GetValue(extrapolate);
            var topomap = new TopomapOptions
            {
                Projection = bashivan ? TopomapProjection.Bashivan : TopomapProjection.Mne,
                Grid = bashivan ? TopomapGridKind.BoundingBox : TopomapGridKind.Head,
                Extrapolation = extra is null
                    ? (bashivan ? TopomapExtrapolation.None : TopomapExtrapolation.Head)
                    : (TopomapExtrapolation)new[] { 1, 2, 3, 0 }[Parse(extra, "--extrapolate", "head", "local", "box", "none")],
                Interpolation = (TopomapInterpolation)Parse(parse.GetValue(method)!, "--method", "cubic", "linear", "nearest"),
                Size = parse.GetValue(size),
            };
            var options = new TopomapExportOptions
            {
                Maps = new BandTopomapOptions
                {
                    Montage = parse.GetValue(montage)!,
                    Bands = FrequencyBand.ParseList(parse.GetValue(bands)!),
                    FrameRate = parse.GetValue(fps),
                    Overlap = parse.GetValue(overlap),
                    Scale = parse.GetValue(scale),
                    Method = Parse(parse.GetValue(power)!, "--power", "filterbank", "welch") == 0 ? BandPowerMethod.FilterBank : BandPowerMethod.Welch,
                    Topomap = topomap,
                },
                PngDirectory = parse.GetValue(png),
                Render = new TopomapRenderOptions { ColorMap = ColorMap.Parse(parse.GetValue(colormap)!) },
                File = new EegFileOptions { SamplingRate = parse.GetValue(rate) },
            };
            parse.InvocationConfiguration.Output.WriteLine(TopomapExport.Run(parse.GetValue(file)!, parse.GetValue(output)!, options));
        }));
        return command;
    }

    private static int Parse(string value, string option, params string[] choices)
    {
        int i = Array.FindIndex(choices, c => c.Equals(value, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? i : throw new UsageException($"{option} '{value}' is not one of {string.Join(", ", choices)}.");
    }
}
