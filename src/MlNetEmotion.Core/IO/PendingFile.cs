namespace MlNetEmotion.Core.IO;

/// <summary>An output file being written under a hidden temporary name (made by <see cref="AtomicFile.Begin"/>):
/// <see cref="Commit"/> renames it over the destination; disposing without committing deletes it.</summary>
public sealed class PendingFile : IDisposable
{
    private readonly string _given;
    private bool _committed;

    internal PendingFile(string given, string path, string temporaryPath)
    {
        _given = given;
        Path = path;
        TemporaryPath = temporaryPath;
    }

    /// <summary>The destination (full path).</summary>
    public string Path { get; }

    /// <summary>Where the content is written until <see cref="Commit"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>Moves the complete temporary file over the destination (checked again: it must still be a regular file or free).</summary>
    /// <exception cref="OutputPathException">The destination became a directory, link or special file meanwhile.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        AtomicFile.RequireRegularOrAbsent(_given, Path);
        File.Move(TemporaryPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && File.Exists(TemporaryPath)) File.Delete(TemporaryPath);
        _committed = true;
    }
}
