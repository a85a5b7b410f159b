namespace MlNetEmotion.Models.Tests.GlimpseTraining;

/// <summary>Tiny trials whose class shows only inside one burst of <see cref="BurstLength"/> frames at a random position:
/// face feature 0 is the burst's centre as a position p in [0, 1], given as 4 (p − 0.5) (about unit spread, as standardised inputs; a cue visible in every frame, so the policy can aim),
/// feature 1 marks burst frames, feature 2 is ±1 by class inside the burst and 0 outside; all with small noise. The band
/// images are noise, uninformative.</summary>
internal static class BurstRows
{
    public const int Frames = 16, BurstLength = 3, Side = 8, FaceFeatures = 3;

    public sealed class Row
    {
        [VectorType(Frames, 3, Side, Side)]
        public float[] Topomaps { get; set; } = [];

        [VectorType(Frames, FaceFeatures)]
        public float[] Faces { get; set; } = [];

        public int BurstStart { get; set; }

        public string Class { get; set; } = "";
    }

    public static List<Row> Make(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            int c = i % 2, start = 1 + random.Next(Frames - BurstLength - 1);
            var faces = new float[Frames * FaceFeatures];
            for (int t = 0; t < Frames; t++)
            {
                bool burst = t >= start && t < start + BurstLength;
                faces[t * FaceFeatures] = (float)(4 * ((start + (BurstLength - 1) / 2.0) / (Frames - 1) - 0.5) + 0.1 * (random.NextDouble() - 0.5));
                faces[t * FaceFeatures + 1] = (burst ? 1f : 0f) + (float)(0.1 * (random.NextDouble() - 0.5));
                faces[t * FaceFeatures + 2] = (burst ? (c == 0 ? -1f : 1f) : 0f) + (float)(0.1 * (random.NextDouble() - 0.5));
            }

            return new Row
            {
                Topomaps = [.. Enumerable.Range(0, Frames * 3 * Side * Side).Select(_ => (float)(0.1 * (random.NextDouble() - 0.5)))],
                Faces = faces,
                BurstStart = start,
                Class = $"c{c}",
            };
        })];
    }

    /// <summary>The share of the read frames (FramesRead ≥ 0) that fall inside each row's burst.</summary>
    public static double ShareInBursts(IDataView scored)
    {
        var starts = scored.GetColumn<int>("BurstStart").ToArray();
        var frames = scored.GetColumn<float[]>("FramesRead").ToArray();
        int read = 0, inBurst = 0;
        for (int r = 0; r < frames.Length; r++)
            foreach (var f in frames[r].Where(f => f >= 0))
            {
                read++;
                if (f >= starts[r] && f < starts[r] + BurstLength) inBurst++;
            }

        return inBurst / (double)read;
    }
}
