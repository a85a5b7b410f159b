using MlNetEmotion.Splitting;

namespace MlNetEmotion.Samples.VideoEeg;

/// <summary>The first <paramref name="count"/> splits of <paramref name="inner"/> (fewer rotations for a quicker run).</summary>
/// <param name="inner">The full splitter.</param>
/// <param name="count">Splits kept.</param>
internal sealed class LeadingSplits(DataSplitter inner, int count) : DataSplitter
{
    /// <inheritdoc />
    public override bool NeedsGroups => inner.NeedsGroups;

    /// <inheritdoc />
    public override bool NeedsLabels => inner.NeedsLabels;

    /// <inheritdoc />
    public override IReadOnlyList<DataSplit> Split(SplitInput input) => [.. inner.Split(input).Take(count)];
}
