namespace MlNetEmotion.Datasets.Manifests;

/// <summary>The files under a corpus root, listed once per folder and reused by every trial's lookup, so that finding
/// a file by a wildcard template (EAV audio, MAHNOB-HCI video, RAVDESS audio in either unpacked layout) does not walk
/// the folder again for each of thousands of trials.</summary>
internal sealed class FileListing(CorpusRoot corpus)
{
    private readonly Dictionary<string, (string[] Files, ILookup<string, string> ByName)> _folders = new(StringComparer.Ordinal);

    /// <summary>The corpus root, which keeps the paths found inside it.</summary>
    public CorpusRoot Corpus { get; } = corpus;

    /// <summary>The corpus root (absolute).</summary>
    public string Root => Corpus.Full;

    /// <summary>Relative paths (forward slashes) of every file under <paramref name="relativeFolder"/>, recursively, in
    /// ordinal order; empty when the folder does not exist.</summary>
    public IReadOnlyList<string> Under(string relativeFolder) => Folder(relativeFolder).Files;

    /// <summary>The files under <paramref name="relativeFolder"/> (recursively) whose file name is <paramref name="fileName"/>.</summary>
    public IEnumerable<string> Named(string relativeFolder, string fileName) => Folder(relativeFolder).ByName[fileName];

    private (string[] Files, ILookup<string, string> ByName) Folder(string relativeFolder)
    {
        if (_folders.TryGetValue(relativeFolder, out var listed)) return listed;
        string folder = Path.Combine(Root, relativeFolder);
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
            : [];
        listed = (files, files.ToLookup(f => f[(f.LastIndexOf('/') + 1)..], StringComparer.Ordinal));
        _folders[relativeFolder] = listed;
        return listed;
    }
}
