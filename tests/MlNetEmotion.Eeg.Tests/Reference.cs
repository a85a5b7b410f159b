using System.Text.Json;

namespace MlNetEmotion.Eeg.Tests;

/// <summary>Reference values written by MNE (make_edf_fixtures.py).</summary>
internal sealed record MneReference(
    string[] ch_names, double sfreq, int n_times, int[] indices, double[][] samples, MneAnnotation[] annotations, string? meas_date)
{
    public static MneReference Load(params string[] parts) =>
        JsonSerializer.Deserialize<MneReference>(File.ReadAllText(TestData.Path(parts)))!;
}

internal sealed record MneAnnotation(double onset, double duration, string text);
