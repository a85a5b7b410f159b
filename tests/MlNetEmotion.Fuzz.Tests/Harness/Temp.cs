namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>Fresh temporary folders for tests.</summary>
public static class Temp
{
    /// <summary>Creates and returns a new empty folder under the temp directory.</summary>
    public static string Folder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"mlnemo-fuzz-test-{Guid.NewGuid():N}")).FullName;
}
