using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MlNetEmotion.Packaging.Tests;

/// <summary>The README's quick start, compiled and run in a new project that consumes the packed .nupkg files from a
/// local folder feed (package references, as another ML.NET project would), so the packages and the README stay true.</summary>
public sealed partial class ReadmeQuickStartTests
{
    /// <summary>Every library; the consumer references those the quick start uses and gets the rest as dependencies.</summary>
    private static readonly string[] Packages = ["MlNetEmotion.Core", "MlNetEmotion.Neural", "MlNetEmotion.Signals", "MlNetEmotion.Eeg",
        "MlNetEmotion.Vision", "MlNetEmotion.Audio", "MlNetEmotion.Models", "MlNetEmotion.Datasets"];

    private static readonly string[] Referenced = ["MlNetEmotion.Core", "MlNetEmotion.Eeg", "MlNetEmotion.Vision", "MlNetEmotion.Models", "MlNetEmotion.Datasets"];

    [Fact]
    public void Quick_start_runs_against_the_packed_packages()
    {
        string root = RepositoryRoot();
        string version = $"0.1.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}";
        string work = Directory.CreateTempSubdirectory("mlne-consumer-").FullName;
        string feed = Path.Combine(work, "feed"), app = Path.Combine(work, "app");
        try
        {
            foreach (var package in Packages)
                Run("dotnet", ["pack", Path.Combine(root, "src", package, $"{package}.csproj"), "-c", "Release", "--no-build", "-o", feed, $"-p:Version={version}", "--nologo"], root, 300);
            Assert.Equal(Packages.Length, Directory.GetFiles(feed, "*.nupkg").Length);
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <NoWarn>NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.ML" Version="6.0.0" />
                {string.Join("\n", Referenced.Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{version}\" />"))}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), QuickStart(File.ReadAllText(Path.Combine(root, "README.md"))));
            string output = Run("dotnet", ["run", "-c", "Release", "--nologo"], app, 600);
            Assert.Matches(@"\d\.\d{3} ± \d\.\d{3}", output);
            Assert.Contains("PREDICTED", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var package in Packages)
            {
                string cached = Path.Combine(cache, package.ToLowerInvariant(), version);
                if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
            }
        }
    }

    /// <summary>The first C# block under the README's "Quick start" heading.</summary>
    private static string QuickStart(string readme)
    {
        var match = QuickStartBlock().Match(readme);
        Assert.True(match.Success, "README.md has no ```csharp block under '## Quick start'");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"## Quick start.*?```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MlNetEmotion.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MlNetEmotion.sln not found above the test folder.");
    }

    private static string Run(string file, string[] arguments, string directory, int timeoutSeconds)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{file} {string.Join(' ', arguments)}' ran past {timeoutSeconds} s");
        }
        string output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"'{file} {string.Join(' ', arguments)}' exited {process.ExitCode}:\n{output}");
        return output;
    }
}
