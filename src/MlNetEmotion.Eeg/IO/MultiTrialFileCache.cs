namespace MlNetEmotion.Eeg.IO;

/// <summary>
/// Keeps the last few multi-trial files open so that a view with one row per trial reads each subject file once,
/// not once per trial. Keyed by full path and last-write time, so a rewritten file is read again. Thread-safe.
/// </summary>
internal sealed class MultiTrialFileCache(int capacity)
{
    private readonly LinkedList<(string Key, IMultiTrialRecording File)> _recent = new();
    private readonly Lock _gate = new();

    /// <summary>The file at <paramref name="path"/>, opened with <paramref name="open"/> on a miss.</summary>
    public IMultiTrialRecording Get(string path, Func<string, IMultiTrialRecording> open)
    {
        string key = Path.GetFullPath(path) + "|" + File.GetLastWriteTimeUtc(path).Ticks;
        lock (_gate)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
                if (node.Value.Key == key)
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return node.Value.File;
                }
        }
        var file = open(path);
        lock (_gate)
        {
            _recent.AddFirst((key, file));
            while (_recent.Count > capacity) _recent.RemoveLast();
        }
        return file;
    }
}
