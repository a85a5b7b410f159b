namespace MlNetEmotion.Datasets.Manifests;

/// <summary>A path from a manifest (a modality path or label file, filled in with a trial's fields) that would leave
/// the corpus root: absolute, with a '..' segment, or through a symbolic link that points outside. Names the manifest,
/// the entry and the path.</summary>
public sealed class ManifestPathException : ManifestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="manifestPath">The manifest (file or built-in name).</param>
    /// <param name="entry">The manifest entry the path comes from, e.g. "modality 'eeg'" or "label 'Valence'".</param>
    /// <param name="path">The offending path, as written or as resolved.</param>
    /// <param name="reason">Why it leaves the root.</param>
    public ManifestPathException(string manifestPath, string entry, string path, string reason)
        : base(manifestPath, $"{entry}: '{path}' {reason}; manifest paths must stay inside the corpus root.")
    {
        Entry = entry;
        Path = path;
    }

    /// <summary>The manifest entry the path comes from.</summary>
    public string Entry { get; }

    /// <summary>The offending path.</summary>
    public string Path { get; }
}
