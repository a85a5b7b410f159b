using System.Text.Json;

namespace MlNetEmotion.Eeg.Tests.IO;

/// <summary>What MNE (or, for mixed sample sizes, NumPy) reads from a GDF fixture (make_gdf_fixtures.py).</summary>
internal sealed record GdfReference(
    string source, string[] ch_names, double[] rates, string[] units, double[][] data, MneAnnotation[] annotations, string? meas_date)
{
    public static GdfReference Load(string name) =>
        JsonSerializer.Deserialize<GdfReference>(File.ReadAllText(TestData.Path("gdf", name)))!;
}
