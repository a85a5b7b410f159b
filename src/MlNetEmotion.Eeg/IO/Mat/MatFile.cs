namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>The variables of a MAT-file level 5 file, by name, in file order.</summary>
public sealed class MatFile
{
    /// <summary>Creates the variable set.</summary>
    /// <param name="header">The 116-byte descriptive text of the header.</param>
    /// <param name="variables">Variables in file order.</param>
    public MatFile(string header, IReadOnlyList<KeyValuePair<string, MatValue>> variables)
    {
        Header = header;
        Variables = variables;
    }

    /// <summary>The descriptive text of the header (e.g. <c>MATLAB 5.0 MAT-file ...</c>).</summary>
    public string Header { get; }

    /// <summary>Variables in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, MatValue>> Variables { get; }

    /// <summary>The variable with this name.</summary>
    /// <param name="name">Variable name.</param>
    /// <exception cref="KeyNotFoundException">No such variable; the message lists those present.</exception>
    public MatValue this[string name] =>
        Variables.FirstOrDefault(v => v.Key == name).Value
        ?? throw new KeyNotFoundException($"The MAT-file has no variable '{name}'; it holds: {string.Join(", ", Variables.Select(v => v.Key))}.");
}
