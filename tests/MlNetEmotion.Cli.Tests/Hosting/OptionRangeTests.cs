namespace MlNetEmotion.Cli.Tests.Hosting;

/// <summary>Every numeric option of every command is range-checked while parsing: a bad value is one line naming the
/// option and the accepted range, exit code 2, and nothing runs (the input files below do not exist).</summary>
public class OptionRangeTests
{
    public static TheoryData<string, string> BadOptions => new()
    {
        { "demo --folds 1", "--folds must be an integer in 2.." },
        { "demo --subjects -3", "--subjects must be an integer in 1.." },
        { "demo --trials 0", "--trials" },
        { "demo --seconds NaN", "--seconds must be a number in (0, 3600]" },
        { "demo --fps -1", "--fps" },
        { "demo --epochs 0", "--epochs" },
        { "demo --folds 9 --subjects 4", "--folds (9) must not exceed --subjects (4)" },
        { "synth deap --out x --subjects 0", "--subjects" },
        { "synth eav --out x --trials -1", "--trials" },
        { "synth affwild --out x --seconds 0", "--seconds" },
        { "eeg info x.edf --rate 0", "--rate must be a number in (0, 10000000]" },
        { "eeg bandpower x.edf --out y.npy --window -1", "--window" },
        { "eeg bandpower x.edf --out y.npy --overlap 1", "--overlap must be a number in [0, 1)" },
        { "eeg bandpower x.edf --out y.npy --bandpass 40 4", "--bandpass must be two frequencies LO HI" },
        { "eeg topomap x.edf --out y.npy --size 100000", "--size must be an integer in 2..1024" },
        { "eeg topomap x.edf --out y.npy --fps Infinity", "--fps" },
        { "eeg topomap x.edf --out y.npy --layout foo", "--layout 'foo' is not one of mne, bashivan" },
        { "faces detect x.png --scale 1", "--scale must be a number in (1, 10]" },
        { "faces detect x.png --min-neighbors -1", "--min-neighbors" },
        { "faces detect x.png --min-size -1", "--min-size" },
        { "faces crop x.mp4 --out d --size 0", "--size" },
        { "faces crop x.mp4 --out d --margin -0.5", "--margin" },
        { "faces expression x.png --min-size -2", "--min-size" },
        { "audio info x.wav --sample-rate 0", "--sample-rate" },
        { "audio mfcc x.wav --out y.npy --n-mfcc 0", "--n-mfcc" },
        { "audio mfcc x.wav --out y.npy --n-fft 1", "--n-fft" },
        { "audio mfcc x.wav --out y.npy --hop 0", "--hop" },
        { "audio mfcc x.wav --out y.npy --n-mels -4", "--n-mels" },
        { "demo --bogus", "Unrecognized command or argument '--bogus'" },
        { "metrics --task binary --input x.csv", "--task" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_option_is_one_line_and_exit_code_2(string args, string expected) =>
        CliHarness.AssertOneLineError(CliHarness.Run(args.Split(' ')), 2, expected);

    [Fact]
    public void Missing_input_is_a_data_error_with_exit_code_1() =>
        CliHarness.AssertOneLineError(CliHarness.Run("eeg", "info", "/nonexistent/x.edf"), 1, "/nonexistent/x.edf");

    [Fact]
    public void Verbose_adds_the_exception_after_the_line()
    {
        var (code, _, error) = CliHarness.Run("eeg", "info", "/nonexistent/x.edf", "--verbose");
        Assert.Equal(1, code);
        Assert.StartsWith("error: ", error);
        Assert.Contains("Exception", error);
        Assert.Contains("   at ", error);
    }
}
