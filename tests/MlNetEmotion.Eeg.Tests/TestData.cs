namespace MlNetEmotion.Eeg.Tests;

/// <summary>Locates the fixtures copied from tests/data/eeg into the test output.</summary>
internal static class TestData
{
    /// <summary>Full path of a file under tests/data/eeg.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "data", "eeg", .. parts]);

    /// <summary>A fresh temporary directory for one test.</summary>
    public static string TempDirectory()
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlnet-eeg-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
