using MlNetEmotion.Data;

namespace MlNetEmotion.Core.Tests;

/// <summary>Row classes and small builders shared by the Core tests.</summary>
public sealed class FeatureRow
{
    public string Subject { get; set; } = "";

    public float Rating { get; set; }

    [VectorType(3)]
    public float[] Features { get; set; } = [];

    public int Id { get; set; }
}

public static class TestRows
{
    /// <summary>Deterministic rows: <paramref name="subjects"/> subjects × <paramref name="perSubject"/> trials.</summary>
    public static List<FeatureRow> Make(int subjects = 6, int perSubject = 10, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new List<FeatureRow>();
        for (int s = 0; s < subjects; s++)
            for (int t = 0; t < perSubject; t++)
            {
                float rating = 1 + (float)Math.Round(random.NextDouble() * 8, 1);
                rows.Add(new FeatureRow
                {
                    Subject = $"s{s:D2}",
                    Rating = rating,
                    Features = [rating + (float)random.NextDouble(), (float)random.NextDouble() * 10 - 5, s],
                    Id = rows.Count,
                });
            }
        return rows;
    }

    public static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "data", "core", file);
}
