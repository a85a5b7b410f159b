namespace MlNetEmotion.Datasets.Tests;

/// <summary>A corpus folder built by a test under the temp directory, deleted on dispose. File contents are
/// placeholders except where the loader reads them (label tables, XML, per-frame files): the readers of the signal
/// files are tested on real files in their own projects.</summary>
public sealed class FakeTree : IDisposable
{
    public FakeTree() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"mlnemo-corpus-{Guid.NewGuid():N}");

    public string Add(string relative, string content = "")
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public static string Manifest(string name) => Path.Combine(AppContext.BaseDirectory, "data-manifests", name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
