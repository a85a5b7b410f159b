namespace MlNetEmotion.Datasets.Caching;

/// <summary>Where and whether expensive columns are cached on disk.</summary>
public sealed class DiskCacheOptions
{
    /// <summary>The environment variable that, set to 0, false or off, turns every disk cache off.</summary>
    public const string DisableVariable = "MLNETEMOTION_CACHE";

    /// <summary>Cache folder. Default: <c>$XDG_CACHE_HOME/mlnetemotion</c>, else <c>~/.cache/mlnetemotion</c>.</summary>
    public string Directory { get; set; } = DefaultDirectory();

    /// <summary>When false the step computes every value and reads or writes nothing. Default true unless
    /// <see cref="DisableVariable"/> turns caching off.</summary>
    public bool Enabled { get; set; } = Environment.GetEnvironmentVariable(DisableVariable)?.Trim().ToLowerInvariant() is not ("0" or "false" or "off");

    /// <summary>Input columns that identify a row (e.g. a file path column). Default: every visible input column
    /// whose values can be hashed (numbers, text, booleans, keys and their vectors).</summary>
    public string[]? KeyColumns { get; set; }

    private static string DefaultDirectory()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string baseDir = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "mlnetemotion");
    }
}

/// <summary>What a cache folder holds.</summary>
/// <param name="Directory">The folder.</param>
/// <param name="Entries">Cached rows.</param>
/// <param name="Bytes">Their total size.</param>
public sealed record DiskCacheInfo(string Directory, long Entries, long Bytes)
{
    /// <summary>The info of <paramref name="directory"/> (zero when it does not exist).</summary>
    public static DiskCacheInfo Of(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) return new DiskCacheInfo(directory, 0, 0);
        var files = new DirectoryInfo(directory).EnumerateFiles("*" + DiskCacheEntry.Extension, SearchOption.AllDirectories).ToArray();
        return new DiskCacheInfo(directory, files.Length, files.Sum(f => f.Length));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Directory}: {Entries} entries, {Bytes / 1048576.0:F1} MiB";
}
