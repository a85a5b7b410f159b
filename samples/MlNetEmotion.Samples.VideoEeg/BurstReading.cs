namespace MlNetEmotion.Samples.VideoEeg;

/// <summary>Where a glimpse model read: over scored trials, the share of its reads (glimpses) that fell in burst frames,
/// the share of a trial's frames it read (distinct frames), and the share of frames that are burst frames.</summary>
/// <param name="ReadsInBursts">Glimpses on burst frames / all glimpses.</param>
/// <param name="FramesRead">Distinct frames read / frames, over all trials.</param>
/// <param name="BurstFrames">Burst frames / frames, over all trials.</param>
internal sealed record BurstReading(double ReadsInBursts, double FramesRead, double BurstFrames)
{
    /// <summary>Counts over the rows of scored views that have <c>FramesRead</c> (<c>[N_max]</c>, −1 after the last glimpse)
    /// and <c>BurstMask</c> (<c>[T]</c>); null when they have no <c>FramesRead</c> (the MLP) or no mask.</summary>
    public static BurstReading? Measure(IEnumerable<IDataView> scored)
    {
        long reads = 0, inBursts = 0, distinct = 0, frames = 0, burstFrames = 0;
        foreach (var view in scored)
        {
            if (view.Schema.GetColumnOrNull("FramesRead") is not { } read || view.Schema.GetColumnOrNull("BurstMask") is not { } mask) return null;
            using var cursor = view.GetRowCursor([read, mask]);
            var getRead = cursor.GetGetter<VBuffer<float>>(read);
            var getMask = cursor.GetGetter<VBuffer<bool>>(mask);
            VBuffer<float> glimpses = default;
            VBuffer<bool> bursts = default;
            while (cursor.MoveNext())
            {
                getRead(ref glimpses);
                getMask(ref bursts);
                var inBurst = bursts.DenseValues().ToArray();
                var seen = new HashSet<int>();
                foreach (float f in glimpses.DenseValues())
                {
                    if (f < 0) break;
                    reads++;
                    if (inBurst[(int)f]) inBursts++;
                    seen.Add((int)f);
                }
                distinct += seen.Count;
                frames += inBurst.Length;
                burstFrames += inBurst.Count(b => b);
            }
        }
        return new BurstReading((double)inBursts / Math.Max(1, reads), (double)distinct / Math.Max(1, frames), (double)burstFrames / Math.Max(1, frames));
    }
}
