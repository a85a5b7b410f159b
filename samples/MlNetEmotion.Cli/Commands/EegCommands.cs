using System.CommandLine;
using MlNetEmotion.Cli.Hosting;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.Tools;

namespace MlNetEmotion.Cli.Commands;

/// <summary>The <c>mlnet-emotion eeg ...</c> command group.</summary>
internal static class EegCommands
{
    /// <summary>Builds the <c>eeg</c> command and its sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("eeg", "EEG files: header summary, band powers, topomaps.");
        command.Subcommands.Add(CreateInfo());
        command.Subcommands.Add(CreateBandPower());
        command.Subcommands.Add(EegTopomapCommand.Create());
        return command;
    }

    /// <summary>The <c>--rate</c> option of the EEG commands.</summary>
    internal static Option<double?> RateOption() => new Option<double?>("--rate") { Description = "Sampling rate in Hz for header-less files (.npy, .csv, .mat)." }.Within(0, 1e7);

    private static Command CreateInfo()
    {
        var file = new Argument<string>("file") { Description = "EEG file (.edf, .bdf, .gdf, .mat, .npy, .csv)." };
        var rate = RateOption();
        var command = new Command("info", "Print a JSON summary of an EEG file's header: channels, rates, units, annotations.");
        command.Arguments.Add(file);
        command.Options.Add(rate);
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var recording = EegFile.Read(parse.GetValue(file)!, new EegFileOptions { SamplingRate = parse.GetValue(rate) });
            parse.InvocationConfiguration.Output.WriteLine(EegInfo.ToJson(recording));
        }));
        return command;
    }

    private static Command CreateBandPower()
    {
        var file = new Argument<string>("file") { Description = "EEG file (.edf, .bdf, .gdf, .mat, .npy, .csv)." };
        var bands = new Option<string>("--bands") { Description = "Bands as name:low-high,... (Hz).", DefaultValueFactory = _ => "theta:4-8,alpha:8-13,beta:13-30,gamma:30-45" };
        var window = new Option<double>("--window") { Description = "Window length in seconds.", DefaultValueFactory = _ => 1.0 }.Within(0, 86_400);
        var overlap = new Option<double>("--overlap") { Description = "Window overlap fraction in [0, 1).", DefaultValueFactory = _ => 0.0 }.Within(0, 1, minIncluded: true, maxIncluded: false);
        var bandpass = new Option<double[]>("--bandpass") { Description = "Zero-phase band-pass LO HI (Hz) applied first.", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(2, 2) }
            .Require(e => e is null || (e.All(double.IsFinite) && 0 <= e[0] && e[0] < e[1]), "two frequencies LO HI with 0 <= LO < HI");
        var scale = new Option<BandPowerScale>("--scale") { Description = "Absolute, Relative or Log.", DefaultValueFactory = _ => BandPowerScale.Absolute };
        var method = new Option<BandPowerMethod>("--method") { Description = "Welch or FilterBank.", DefaultValueFactory = _ => BandPowerMethod.Welch };
        var output = new Option<string>("--out") { Description = "Output .npy file: float64 [windows, channels, bands].", Required = true };
        var rate = RateOption();
        var command = new Command("bandpower", "Band power per window and channel, written as a float64 NPY array [windows, channels, bands].");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { bands, window, overlap, bandpass, scale, method, output, rate }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            Core.IO.AtomicFile.CheckDestination(parse.GetValue(output)!);
            double[]? edges = parse.GetValue(bandpass);
            var options = new BandPowerExportOptions
            {
                Bands = FrequencyBand.ParseList(parse.GetValue(bands)!),
                WindowSeconds = parse.GetValue(window),
                Overlap = parse.GetValue(overlap),
                BandPass = edges is { Length: 2 } ? (edges[0], edges[1]) : null,
                Scale = parse.GetValue(scale),
                Method = parse.GetValue(method),
                File = new EegFileOptions { SamplingRate = parse.GetValue(rate) },
            };
            parse.InvocationConfiguration.Output.WriteLine(BandPowerExport.Run(parse.GetValue(file)!, parse.GetValue(output)!, options));
        }));
        return command;
    }
}
