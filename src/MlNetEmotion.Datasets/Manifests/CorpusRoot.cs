namespace MlNetEmotion.Datasets.Manifests;

/// <summary>The corpus root and the containment of every path a manifest leads to: relative paths without '..'
/// segments, which stay inside the root both as written and after following symbolic links.</summary>
internal sealed class CorpusRoot
{
    private readonly string _manifest;
    private readonly string _real;

    /// <param name="root">The corpus folder.</param>
    /// <param name="manifest">The manifest's name, for messages.</param>
    public CorpusRoot(string root, string manifest)
    {
        Full = System.IO.Path.GetFullPath(root);
        _real = RealPath(Full);
        _manifest = manifest;
    }

    /// <summary>The root (absolute, as given).</summary>
    public string Full { get; }

    /// <summary>The absolute path of <paramref name="relative"/> under the root.</summary>
    /// <exception cref="ManifestPathException">The path is absolute, has a '..' segment, or leads outside through a link.</exception>
    public string Resolve(string relative, string entry)
    {
        RequireRelative(_manifest, entry, relative);
        return Contain(System.IO.Path.Combine(Full, relative), entry);
    }

    /// <summary>Returns <paramref name="path"/> (absolute, e.g. a file found under the root) if it and the file it
    /// finally names are inside the root.</summary>
    /// <exception cref="ManifestPathException">It is outside, has a '..' segment, or leads outside through a link.</exception>
    public string Contain(string path, string entry)
    {
        if (HasParentSegment(path)) throw new ManifestPathException(_manifest, entry, path, "contains a '..' segment");
        string full = System.IO.Path.GetFullPath(path);
        if (!Inside(Full, full)) throw new ManifestPathException(_manifest, entry, path, $"is outside the corpus root '{Full}'");
        string real = RealPath(full);
        if (!Inside(_real, real))
            throw new ManifestPathException(_manifest, entry, path, $"leads through a symbolic link to '{real}', outside the corpus root '{Full}'");
        return full;
    }

    /// <summary>Throws unless <paramref name="relative"/> is relative and free of '..' segments (checked when a manifest is loaded).</summary>
    /// <exception cref="ManifestPathException">It is absolute or has a '..' segment.</exception>
    public static void RequireRelative(string manifest, string entry, string relative)
    {
        if (System.IO.Path.IsPathRooted(relative) || relative.StartsWith('/') || relative.StartsWith('\\'))
            throw new ManifestPathException(manifest, entry, relative, "is absolute");
        if (HasParentSegment(relative)) throw new ManifestPathException(manifest, entry, relative, "contains a '..' segment");
    }

    /// <summary>The path with every symbolic link resolved (the missing tail, if any, kept as written).</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        string full = System.IO.Path.GetFullPath(path);
        string root = System.IO.Path.GetPathRoot(full)!;
        string current = root;
        foreach (string part in full[root.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = System.IO.Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (depth > 40) throw new IOException($"'{path}': too many levels of symbolic links.");
                next = RealPath(System.IO.Path.IsPathRooted(target) ? target : System.IO.Path.Combine(current, target), depth + 1);
            }
            current = next;
        }
        return current;
    }

    private static bool HasParentSegment(string path) => path.Split('/', '\\').Contains("..");

    private static bool Inside(string root, string path) =>
        path == root || path.StartsWith(System.IO.Path.EndsInDirectorySeparator(root) ? root : root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
