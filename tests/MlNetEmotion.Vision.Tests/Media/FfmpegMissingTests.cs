using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Tests.Media;

[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public class FfmpegMissingTests
{
    [Fact]
    public void MissingFfmpegNamesTheDebianPackage()
    {
        string empty = TestData.TempDir();
        string image = TestData.Path("png", "block.png");
        Environment.SetEnvironmentVariable(Ffmpeg.DirectoryVariable, empty);
        try
        {
            var e = Assert.Throws<FfmpegNotFoundException>(() => VideoProbe.Probe(image));
            Assert.Contains("'ffmpeg'", e.Message);
            Assert.Contains("apt-get install ffmpeg", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Ffmpeg.DirectoryVariable, null);
        }
    }
}
