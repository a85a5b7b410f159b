namespace MlNetEmotion.Benchmarks.Harness;

/// <summary>Finds files committed under the repository's <c>tests/data</c> folder from the benchmark's output folder.</summary>
internal static class RepositoryData
{
    /// <summary>The full path of <c>tests/data/<paramref name="parts"/></c>, searching upwards from the program's folder.</summary>
    /// <param name="parts">Path below <c>tests/data</c>.</param>
    /// <exception cref="FileNotFoundException">No <c>tests/data</c> folder above the program holds the file.</exception>
    public static string Path(params string[] parts)
    {
        string relative = System.IO.Path.Combine(["tests", "data", .. parts]);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}.", relative);
    }
}
