namespace MlNetEmotion.Datasets.Manifests;

/// <summary>Kinds of problems validation reports.</summary>
public enum ManifestProblemKind
{
    /// <summary>The manifest itself is inconsistent.</summary>
    Manifest,

    /// <summary>A required file or folder does not exist.</summary>
    MissingFile,

    /// <summary>A file sits where trials are but its name does not match the template.</summary>
    UnparseableName,

    /// <summary>Fewer or more subjects or trials than the manifest expects.</summary>
    CountMismatch,

    /// <summary>A trial has no label value.</summary>
    MissingLabel,

    /// <summary>A numeric label is outside its range, not a number, or a class label is not a known class.</summary>
    BadLabel,
}

/// <summary>One problem found in a corpus tree: what, where, and what was expected.</summary>
/// <param name="Kind">Kind of problem.</param>
/// <param name="Path">File or folder concerned (relative to the root where possible).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ManifestProblem(ManifestProblemKind Kind, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Path}: {Message}";
}

/// <summary>Everything validation found, all at once.</summary>
/// <param name="Manifest">The manifest validated (null when it could not be read).</param>
/// <param name="TrialCount">Trials found.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record ManifestValidationReport(DatasetManifest? Manifest, int TrialCount, IReadOnlyList<ManifestProblem> Problems)
{
    /// <summary>True when there are no problems.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <inheritdoc />
    public override string ToString() =>
        IsValid ? $"{Manifest?.Name}: {TrialCount} trials, no problems." : $"{Manifest?.Name}: {TrialCount} trials, {Problems.Count} problems:\n" + string.Join("\n", Problems);
}
