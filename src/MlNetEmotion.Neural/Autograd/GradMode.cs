namespace MlNetEmotion.Neural.Autograd;

/// <summary>Whether ops record on the tape; flows with the execution context (so into Parallel.For workers).</summary>
internal static class GradMode
{
    private static readonly AsyncLocal<bool> Disabled = new();

    public static bool IsEnabled => !Disabled.Value;

    public static bool Set(bool enabled)
    {
        bool previous = !Disabled.Value;
        Disabled.Value = !enabled;
        return previous;
    }
}

/// <summary>Scope that switches gradient recording off (or on) and restores the previous mode on dispose.</summary>
public sealed class GradModeScope : IDisposable
{
    private readonly bool previous;
    private bool disposed;

    internal GradModeScope(bool enabled) => previous = GradMode.Set(enabled);

    /// <summary>Restores the grad mode that was active when the scope was created.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        GradMode.Set(previous);
    }
}
