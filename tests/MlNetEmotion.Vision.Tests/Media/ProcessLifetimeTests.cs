using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Tests.Media;

/// <summary>Counts this process's ffmpeg children, so it runs alone (no other test may start ffmpeg meanwhile).</summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class ProcessLifetimeTests : IDisposable
{
    private readonly ClipFixture _clip = new();

    public void Dispose() => _clip.Dispose();

    [Fact]
    public void AbandonedCancelledAndDisposedReadsLeaveNoChildProcess()
    {
        using (var reader = new VideoReader(_clip.Path))
        {
            foreach (var _ in reader.ReadFrames()) break;
            Assert.Empty(TestData.FfmpegChildren());

            using var cts = new CancellationTokenSource();
            Assert.ThrowsAny<OperationCanceledException>(() =>
            {
                foreach (var f in reader.ReadFrames(cancellationToken: cts.Token)) if (f.Index == 2) cts.Cancel();
            });
            Assert.Empty(TestData.FfmpegChildren());

            using var open = reader.ReadFrames().GetEnumerator();
            Assert.True(open.MoveNext());
            reader.Dispose();
        }
        Assert.Empty(TestData.FfmpegChildren());
    }

    [Fact]
    public void UnreadableVideoNamesTheFile()
    {
        string path = System.IO.Path.Combine(_clip.Directory, "garbage.mp4");
        File.WriteAllBytes(path, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
        var e = Assert.Throws<MediaException>(() => new VideoReader(path));
        Assert.Contains(path, e.Message);
        Assert.Empty(TestData.FfmpegChildren());
        Assert.Throws<FileNotFoundException>(() => new VideoReader(path + ".missing"));
    }
}
