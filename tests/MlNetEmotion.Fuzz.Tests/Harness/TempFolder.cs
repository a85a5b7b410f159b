namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>A fresh empty folder under the temp directory, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mlnemo-fuzz-test-{Guid.NewGuid():N}")).FullName;

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Bytes a piece of code allocates on the calling thread, with the exception it threw.</summary>
public static class Allocation
{
    /// <summary>Runs <paramref name="read"/> and returns its exception (or null) and the bytes it allocated.</summary>
    public static (Exception? Error, long Bytes) Measure(Action read)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Exception? error = Record.Exception(read);
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
