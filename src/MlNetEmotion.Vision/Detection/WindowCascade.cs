namespace MlNetEmotion.Vision.Detection;

/// <summary>A cascade whose features are resolved to offsets in one <see cref="IntegralLayout"/>, so a window costs
/// only loads and arithmetic. Windows are addressed by the buffer position of their top-left integral entry.</summary>
internal abstract unsafe class WindowCascade
{
    /// <summary>Runs the cascade on one window: 1 = accepted, -k = rejected at stage k (0 = first stage), -1 also when
    /// the window is rejected before the first stage (as OpenCV's <c>runAt</c>).</summary>
    public abstract int Run(int* window);

    /// <summary>Visits the <paramref name="count"/> windows of a row (window k at <c>row + k</c>) as OpenCV does: a
    /// window rejected by the first stage skips the next one. Appends the accepted k in increasing order.</summary>
    public virtual void ScanRow(int* row, int count, List<int> accepted) => ScanRowWindowByWindow(row, count, accepted);

    /// <summary><see cref="ScanRow"/> with one <see cref="Run"/> per visited window.</summary>
    public void ScanRowWindowByWindow(int* row, int count, List<int> accepted)
    {
        for (int k = 0; k < count; k++)
        {
            int result = Run(row + k);
            if (result > 0) accepted.Add(k);
            if (result == 0) k++;
        }
    }
}
