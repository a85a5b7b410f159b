namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// Where the (batch, step) rows of a sequence tensor lie: batch-first <c>[B, T, F]</c> or step-first
/// <c>[T, B, F]</c>. Rows are feature vectors; the rows of one step are <see cref="BatchStride"/> rows apart.
/// </summary>
internal readonly record struct SequenceLayout(int Batch, int Steps, bool BatchFirst)
{
    /// <summary>Number of rows, <c>B * T</c>.</summary>
    public int Rows => Batch * Steps;

    /// <summary>Distance in rows between batch items of the same step.</summary>
    public int BatchStride => BatchFirst ? Steps : 1;

    /// <summary>Distance in rows between consecutive steps of one batch item.</summary>
    public int StepStride => BatchFirst ? 1 : Batch;

    /// <summary>Row of batch item <paramref name="b"/> at step <paramref name="t"/>.</summary>
    public int Row(int b, int t) => b * BatchStride + t * StepStride;

    /// <summary>Copies, for every row, the previous step's hidden state (the initial state at step 0).</summary>
    public void GatherPrevious(ReadOnlySpan<float> h0, ReadOnlySpan<float> outputs, int hidden, Span<float> previous)
    {
        for (int b = 0; b < Batch; b++)
        {
            h0.Slice(b * hidden, hidden).CopyTo(previous.Slice(Row(b, 0) * hidden, hidden));
            for (int t = 1; t < Steps; t++)
            {
                outputs.Slice(Row(b, t - 1) * hidden, hidden).CopyTo(previous.Slice(Row(b, t) * hidden, hidden));
            }
        }
    }

    /// <summary>Copies the rows of step <paramref name="t"/> into a dense <c>[B, F]</c> block.</summary>
    public void CopyStep(ReadOnlySpan<float> source, int width, int t, Span<float> destination)
    {
        for (int b = 0; b < Batch; b++)
        {
            source.Slice(Row(b, t) * width, width).CopyTo(destination.Slice(b * width, width));
        }
    }
}
