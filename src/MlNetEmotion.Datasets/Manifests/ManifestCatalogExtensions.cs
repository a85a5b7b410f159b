using MlNetEmotion.Splitting;

namespace MlNetEmotion.Datasets.Manifests;

/// <summary><c>mlContext.Data.LoadManifest</c> and <c>mlContext.Data.ValidateManifest</c>.</summary>
public static class ManifestCatalogExtensions
{
    /// <summary>A view of the corpus at <paramref name="root"/> described by the manifest at <paramref name="manifestPath"/>:
    /// one row per trial with Subject, Trial, the file-name fields, one path column per modality and the labels.</summary>
    /// <remarks>Subject or trial counts that differ from the manifest's <c>expect</c> are logged, not fatal, so a
    /// partial copy of a corpus loads.</remarks>
    /// <exception cref="ManifestException">The manifest is unusable or the tree has problems (all are listed; see
    /// <see cref="ValidateManifest"/> for a report instead of an exception).</exception>
    /// <exception cref="ManifestPathException">A path the manifest leads to leaves <paramref name="root"/> ('..',
    /// absolute, or a symbolic link pointing out); the entry is named.</exception>
    public static IDataView LoadManifest(this DataOperationsCatalog catalog, string manifestPath, string root)
    {
        var manifest = DatasetManifest.Load(manifestPath);
        var (trials, allProblems) = ManifestScan.Run(manifest, root, (done, total) => CatalogEnvironment.Of(catalog).ReportProgress($"Scanning {manifest.Name}", done, total));
        // A partial download (fewer subjects than the corpus has) still loads; count mismatches are only logged.
        foreach (var p in allProblems.Where(p => p.Kind == ManifestProblemKind.CountMismatch))
            CatalogEnvironment.Of(catalog).WriteLog("LoadManifest", $"warning: {p}");
        var problems = allProblems.Where(p => p.Kind != ManifestProblemKind.CountMismatch).ToList();
        if (problems.Count > 0)
            throw new ManifestException(manifestPath, $"{problems.Count} problem(s) in '{root}':\n" + string.Join("\n", problems.Take(50))
                + (problems.Count > 50 ? $"\n... and {problems.Count - 50} more (ValidateManifest lists them all)." : ""));
        if (trials.Count == 0) throw new ManifestException(manifestPath, $"no trials found under '{root}'.");
        CatalogEnvironment.Of(catalog).WriteLog("LoadManifest", $"{manifest.Name}: {trials.Count} trials from {root}");
        return ManifestDataView.Create(manifest, trials);
    }

    /// <summary>Checks a corpus tree against a manifest and reports every problem at once: missing files, count
    /// mismatches, unparseable names, labels out of range or unknown. Unlike a load, it also reads every per-frame label
    /// file (Aff-Wild) and checks its values.</summary>
    /// <exception cref="ManifestPathException">A path the tree leads to leaves <paramref name="root"/> through a
    /// symbolic link or a field value (a manifest whose own paths leave it is reported as a problem).</exception>
    public static ManifestValidationReport ValidateManifest(this DataOperationsCatalog catalog, string manifestPath, string root)
    {
        DatasetManifest manifest;
        try
        {
            manifest = DatasetManifest.Load(manifestPath);
        }
        catch (ManifestException e)
        {
            return new ManifestValidationReport(null, 0, [new ManifestProblem(ManifestProblemKind.Manifest, manifestPath, e.Message)]);
        }
        var (trials, problems) = ManifestScan.Run(manifest, root, (done, total) => CatalogEnvironment.Of(catalog).ReportProgress($"Validating {manifest.Name}", done, total),
            readFrameLabels: true);
        return new ManifestValidationReport(manifest, trials.Count, problems);
    }

    /// <summary>The splitter of the manifest's protocol (e.g. DEAP 5:1:1 by subject, EAV 70/30 per subject and class).</summary>
    /// <exception cref="ManifestException">The protocol names an unknown splitter.</exception>
    public static DataSplitter CreateSplitter(this DatasetManifest manifest, int seed)
    {
        var p = manifest.Protocol ?? new ProtocolSpec();
        return p.Splitter switch
        {
            "GroupRatio" => p.Ratios is { Length: 3 } r ? new GroupRatioSplitter(r[0], r[1], r[2], seed) : new GroupRatioSplitter(seed: seed),
            "GroupKFold" => new GroupKFoldSplitter(p.Folds, seed),
            "KFold" => new KFoldSplitter(p.Folds, seed),
            "StratifiedKFold" => new StratifiedKFoldSplitter(p.Folds, seed),
            "LeaveOneGroupOut" => new LeaveOneGroupOutSplitter(),
            "PerGroupStratified" => new PerGroupStratifiedSplitter(p.TrainFraction, seed),
            _ => throw new ManifestException(manifest.Name,
                $"protocol splitter '{p.Splitter}' is unknown (GroupRatio, GroupKFold, KFold, StratifiedKFold, LeaveOneGroupOut, PerGroupStratified)."),
        };
    }
}
