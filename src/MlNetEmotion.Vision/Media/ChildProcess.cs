using System.Diagnostics;
using System.Text;

namespace MlNetEmotion.Vision.Media;

/// <summary>A started ffmpeg/ffprobe process whose standard error is drained in the background (so it can never
/// block on a full pipe) and which is killed and reaped on dispose, so no zombie outlives its reader.</summary>
internal sealed class ChildProcess : IDisposable
{
    private const int MaxErrorChars = 4000;
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;
    private bool _disposed;

    /// <param name="process">The started process, all three standard streams redirected.</param>
    /// <param name="keepInput">Keep standard input open for <see cref="Input"/> (a writer feeding frames); otherwise it is
    /// closed at once, so ffmpeg never waits for keyboard input.</param>
    public ChildProcess(Process process, bool keepInput = false)
    {
        _process = process;
        if (!keepInput) _process.StandardInput.Close();
        _stderrPump = Task.Run(PumpErrors);
    }

    /// <summary>Binary standard output.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Binary standard input (only when started with <c>keepInput</c>).</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>Flushes and closes standard input: end of stream for the process.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Process id (tests check it is reaped).</summary>
    public int Id => _process.Id;

    /// <summary>The last few thousand characters the process wrote to standard error.</summary>
    public string ErrorText
    {
        get { lock (_stderr) return _stderr.ToString().Trim(); }
    }

    /// <summary>Kills the process and its children if still running (safe to call from any thread, any number of times).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the check and the kill.
        }
    }

    /// <summary>Waits for exit; throws <see cref="MediaException"/> (with ffmpeg's message) on a non-zero status
    /// and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> was cancelled.</summary>
    public void WaitForExitOrThrow(string fileName, CancellationToken cancellationToken = default)
    {
        _process.WaitForExit();
        _stderrPump.Wait(TimeSpan.FromSeconds(5));
        cancellationToken.ThrowIfCancellationRequested();
        if (_process.ExitCode != 0)
            throw new MediaException(fileName, $"{Path.GetFileName(_process.StartInfo.FileName)} failed (exit {_process.ExitCode}): {ErrorText}");
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Kill();
        _process.WaitForExit(); // reaps the child: no zombie
        _stderrPump.Wait(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private async Task PumpErrors()
    {
        var buffer = new char[1024];
        var reader = _process.StandardError;
        int n;
        while ((n = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (_stderr)
            {
                _stderr.Append(buffer, 0, n);
                if (_stderr.Length > MaxErrorChars) _stderr.Remove(0, _stderr.Length - MaxErrorChars);
            }
        }
    }
}
