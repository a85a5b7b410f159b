using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Eeg.Tests.Topography;

/// <summary>Reads the montage and topomap fixtures from tests/data/eeg (found by walking up to the repository root).</summary>
internal static class TopographyData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        // The test project copies tests/data/eeg into its output; otherwise use the source tree this file was built from.
        string copied = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "eeg");
        return Directory.Exists(System.IO.Path.Combine(copied, "topomaps")) ? copied : SourceDataDirectory();
    });

    private static string SourceDataDirectory([CallerFilePath] string thisFile = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "..", "..", "data", "eeg"));

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static double[] F64(string name) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(Path("topomaps", name + ".f64"))).ToArray();

    public static int[] I32(string name) => MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(Path("topomaps", name + ".i32"))).ToArray();

    /// <summary>Lines "kind name x y z" of a montage fixture.</summary>
    public static List<(string Kind, string Name, Point3 Position)> Positions(string file) =>
        File.ReadLines(Path("montages", file))
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .Select(p => (p[0], p[1], new Point3(D(p[2]), D(p[3]), D(p[4]))))
            .ToList();

    /// <summary>The 64 PhysioNet channel names of S001R01.edf, in file order.</summary>
    public static readonly string[] PhysioNet64 =
    [
        "Fc5.", "Fc3.", "Fc1.", "Fcz.", "Fc2.", "Fc4.", "Fc6.", "C5..", "C3..", "C1..", "Cz..", "C2..", "C4..", "C6..",
        "Cp5.", "Cp3.", "Cp1.", "Cpz.", "Cp2.", "Cp4.", "Cp6.", "Fp1.", "Fpz.", "Fp2.", "Af7.", "Af3.", "Afz.", "Af4.",
        "Af8.", "F7..", "F5..", "F3..", "F1..", "Fz..", "F2..", "F4..", "F6..", "F8..", "Ft7.", "Ft8.", "T7..", "T8..",
        "T9..", "T10.", "Tp7.", "Tp8.", "P7..", "P5..", "P3..", "P1..", "Pz..", "P2..", "P4..", "P6..", "P8..", "Po7.",
        "Po3.", "Poz.", "Po4.", "Po8.", "O1..", "Oz..", "O2..", "Iz..",
    ];

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
