using System.CommandLine;
using MlNetEmotion.Cli.Hosting;
using MlNetEmotion.Audio.Features;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Audio.Tools;

namespace MlNetEmotion.Cli.Commands;

/// <summary>The <c>mlnet-emotion audio ...</c> command group.</summary>
internal static class AudioCommands
{
    /// <summary>Builds the <c>audio</c> command and its sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("audio", "Audio files (WAV, raw PCM, anything ffmpeg decodes): info and MFCC features.");
        command.Subcommands.Add(CreateInfo());
        command.Subcommands.Add(CreateMfcc());
        return command;
    }

    private static Option<int?> SampleRateOption() =>
        new Option<int?>("--sample-rate") { Description = "Expected sample rate in Hz (required for raw .pcm/.raw files); a file at another rate is an error." }.Within(1, 10_000_000);

    private static Command CreateInfo()
    {
        var file = new Argument<string>("file") { Description = "Audio or video file." };
        var rate = SampleRateOption();
        var command = new Command("info", "Print JSON: rate, channels, duration, codec, container.");
        command.Arguments.Add(file);
        command.Options.Add(rate);
        command.SetAction(parse => CommandRunner.Run(parse, () =>
            parse.InvocationConfiguration.Output.WriteLine(
                AudioInfoReport.ToJson(parse.GetValue(file)!, new AudioReadOptions { SampleRate = parse.GetValue(rate) }))));
        return command;
    }

    private static Command CreateMfcc()
    {
        var file = new Argument<string>("file") { Description = "Audio or video file (mixed to mono)." };
        var preset = new Option<string>("--preset") { Description = "torchaudio, kaldi or librosa.", DefaultValueFactory = _ => "torchaudio" };
        preset.AcceptOnlyFromAmong("torchaudio", "kaldi", "librosa");
        var rate = SampleRateOption();
        var coefficients = new Option<int?>("--n-mfcc") { Description = "Number of coefficients (preset default: 40, 13, 20)." }.Within(1, 10_000);
        var fft = new Option<int?>("--n-fft") { Description = "FFT size (preset default: 400, 512, 2048)." }.Within(2, 1 << 24);
        var hop = new Option<int?>("--hop") { Description = "Hop length in samples (preset default: 200, 10 ms, 512)." }.Within(1, 1 << 24);
        var mels = new Option<int?>("--n-mels") { Description = "Number of mel bands (preset default: 128, 23, 128)." }.Within(1, 10_000);
        var deltas = new Option<bool>("--deltas") { Description = "Add delta and delta-delta channels: [3, coefficients, frames]." };
        var output = new Option<string>("--out") { Description = "Output .npy file (float32, NumPy format 1.0).", Required = true };
        var command = new Command("mfcc", "MFCCs of a file as a float32 NPY array [coefficients, frames] (or [3, coefficients, frames] with --deltas).");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { preset, rate, coefficients, fft, hop, mels, deltas, output }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            Core.IO.AtomicFile.CheckDestination(parse.GetValue(output)!);
            var options = new MfccExportOptions
            {
                Preset = Enum.Parse<FeaturePreset>(parse.GetValue(preset)!, ignoreCase: true),
                SampleRate = parse.GetValue(rate),
                CoefficientCount = parse.GetValue(coefficients),
                FftLength = parse.GetValue(fft),
                HopLength = parse.GetValue(hop),
                MelCount = parse.GetValue(mels),
                Deltas = parse.GetValue(deltas),
            };
            parse.InvocationConfiguration.Output.WriteLine(MfccExport.Run(parse.GetValue(file)!, parse.GetValue(output)!, options));
        }));
        return command;
    }
}
