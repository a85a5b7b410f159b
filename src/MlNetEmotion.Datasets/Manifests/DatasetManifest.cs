using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlNetEmotion.Datasets.Manifests;

/// <summary>One corpus described as data: where its files are (path templates relative to a root), which fields
/// their names carry, where the labels come from, and the evaluation protocol the papers used.
/// The format is documented in <c>data-manifests/README.md</c> and checked by <c>data-manifests/manifest.schema.json</c>.</summary>
public sealed class DatasetManifest
{
    /// <summary>Corpus name, e.g. "DEAP".</summary>
    public string Name { get; set; } = "";

    /// <summary>What the corpus holds.</summary>
    public string? Description { get; set; }

    /// <summary>The paper to cite.</summary>
    public string? Citation { get; set; }

    /// <summary>Where and how a user obtains the corpus (it is never downloaded by the toolkit).</summary>
    public string? Obtain { get; set; }

    /// <summary>How rows (trials) are enumerated.</summary>
    public TrialSpec Trials { get; set; } = new();

    /// <summary>Regular expressions of the fields used in path templates (default <c>[^/]+?</c>; a numeric format such as
    /// <c>{subject:00}</c> implies digits).</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    /// <summary>Modalities by name ("eeg", "video", "audio"): file templates and signal facts.</summary>
    public Dictionary<string, ModalitySpec> Modalities { get; set; } = [];

    /// <summary>Label columns.</summary>
    public List<LabelSpec> Labels { get; set; } = [];

    /// <summary>The evaluation protocol of the papers on this corpus.</summary>
    public ProtocolSpec? Protocol { get; set; }

    /// <summary>Expected counts, checked by validation.</summary>
    public ExpectSpec? Expect { get; set; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and checks a manifest file, or a built-in manifest by name (<c>deap</c>, <c>eav</c>,
    /// <c>synthetic-deap</c>, ...; see <see cref="BuiltInManifests"/>) when no such file exists.</summary>
    /// <exception cref="ManifestException">Unreadable JSON or an inconsistent manifest (the file and the problem are named).</exception>
    public static DatasetManifest Load(string path)
    {
        if (File.Exists(path))
        {
            Func<string, Exception> error = detail => new ManifestException(path, detail);
            using var file = Core.IO.InputFile.OpenRead(path, null, error);
            Core.IO.ReadLimits.Check(file.Length, Core.IO.ReadLimits.Default.MaxTextBytes, "the file size in bytes", nameof(Core.IO.ReadLimits.MaxTextBytes), error);
            return Load(file, path);
        }
        using var builtIn = BuiltInManifests.Open(path)
            ?? throw new ManifestException(path, $"the manifest file does not exist, and it is not a built-in manifest ({string.Join(", ", BuiltInManifests.Names)}).");
        return Load(builtIn, path);
    }

    /// <summary>Reads and checks a manifest from a stream.</summary>
    /// <param name="stream">The JSON.</param>
    /// <param name="sourceName">Name used in messages (a path or a built-in name).</param>
    /// <exception cref="ManifestException">Unreadable JSON or an inconsistent manifest.</exception>
    /// <exception cref="ManifestPathException">A modality path or label file is absolute or contains a '..' segment.</exception>
    public static DatasetManifest Load(Stream stream, string sourceName)
    {
        string path = sourceName;
        DatasetManifest? manifest;
        try
        {
            using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = Core.IO.ReadLimits.Default.MaxDepth,
            });
            var root = doc.RootElement.Clone();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out _))
            {
                var copy = new Dictionary<string, JsonElement>();
                foreach (var p in root.EnumerateObject()) if (p.Name != "$schema") copy[p.Name] = p.Value;
                root = JsonSerializer.SerializeToElement(copy);
            }
            manifest = root.Deserialize<DatasetManifest>(JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ManifestException(path, $"invalid JSON ({e.Message}).");
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
        {
            throw new ManifestException(path, $"a JSON string is not valid UTF-8 ({e.InnerException.Message}).");
        }
        if (manifest is null) throw new ManifestException(path, "the manifest is empty.");
        List<string> problems;
        try
        {
            problems = manifest.Check().ToList();
        }
        catch (System.Text.RegularExpressions.RegexParseException e)
        {
            throw new ManifestException(path, $"a path template or field pattern is not a valid regular expression ({e.Message}).");
        }
        if (problems.Count > 0) throw new ManifestException(path, string.Join(" ", problems));
        foreach (var (name, m) in manifest.Modalities) CorpusRoot.RequireRelative(path, $"modality '{name}'", m.Path);
        foreach (var l in manifest.Labels.Where(l => l.File is not null)) CorpusRoot.RequireRelative(path, $"label '{l.Name}'", l.File!);
        return manifest;
    }

    /// <summary>Problems of the manifest itself (no files are read).</summary>
    public IEnumerable<string> Check()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return "'name' is required.";
        if (Modalities.Count == 0) yield return "'modalities' must name at least one modality.";
        if (Trials.Enumerate == TrialEnumeration.Files && !Modalities.ContainsKey(Trials.From ?? ""))
            yield return $"'trials.from' must name a modality ({string.Join(", ", Modalities.Keys)}); found '{Trials.From}'.";
        if (Trials.Enumerate == TrialEnumeration.Grid && (Trials.Subjects is not { Length: 2 } || Trials.TrialsPerSubject < 1))
            yield return "grid trials need 'subjects': [first, last] and a positive 'trialsPerSubject'.";
        foreach (var (name, m) in Modalities)
            if (string.IsNullOrWhiteSpace(m.Path)) yield return $"modality '{name}' has no 'path'.";
        foreach (var l in Labels)
        {
            if (string.IsNullOrWhiteSpace(l.Name)) yield return "a label has no 'name'.";
            if (l.Source is LabelSource.Field && string.IsNullOrWhiteSpace(l.Field)) yield return $"label '{l.Name}' from a field needs 'field'.";
            if (l.Source is LabelSource.Csv && (l.File is null || l.Column is null || l.Match is null or { Count: 0 }))
                yield return $"label '{l.Name}' from a CSV needs 'file', 'column' and 'match'.";
            if (l.Source is LabelSource.Xml && (l.File is null || l.Attribute is null)) yield return $"label '{l.Name}' from XML needs 'file' and 'attribute'.";
            if (l.Source is LabelSource.Frames && l.File is null) yield return $"label '{l.Name}' from frame files needs 'file'.";
            if (l.Range is not null and not { Length: 2 }) yield return $"label '{l.Name}': 'range' must be [min, max].";
        }
        string? templateProblem = null;
        foreach (var (name, m) in Modalities)
        {
            try { PathTemplate.Parse(m.Path, Fields); }
            catch (FormatException e) { templateProblem = $"modality '{name}' path: {e.Message}"; }
            if (templateProblem is not null) break;
        }
        if (templateProblem is not null) yield return templateProblem;
    }
}

/// <summary>How trials are enumerated.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrialEnumeration>))]
public enum TrialEnumeration
{
    /// <summary>One trial per file of the <see cref="TrialSpec.From"/> modality whose path matches its template.</summary>
    Files,

    /// <summary>Subjects × trials from numeric ranges (e.g. DEAP's 32 × 40).</summary>
    Grid,
}

/// <summary>How trials (rows) are enumerated.</summary>
public sealed class TrialSpec
{
    /// <summary>Files or grid. Default files.</summary>
    public TrialEnumeration Enumerate { get; set; } = TrialEnumeration.Files;

    /// <summary>For files: the modality whose files define the trials.</summary>
    public string? From { get; set; }

    /// <summary>Field that identifies the subject (the group of the papers' protocols). Default "subject".</summary>
    public string SubjectField { get; set; } = "subject";

    /// <summary>Field that identifies the trial within a subject. Default "trial".</summary>
    public string TrialField { get; set; } = "trial";

    /// <summary>For files: a regular expression of relative paths that are neither trials nor problems (e.g. RAVDESS's
    /// video-only copies next to the audio-visual ones).</summary>
    public string? Ignore { get; set; }

    /// <summary>For grid: [first, last] subject numbers.</summary>
    public int[]? Subjects { get; set; }

    /// <summary>For grid: trials per subject, numbered from 1.</summary>
    public int TrialsPerSubject { get; set; }
}

/// <summary>One modality's files and facts.</summary>
public sealed class ModalitySpec
{
    /// <summary>Path template relative to the root, e.g. <c>subject{subject}/Video/{n}_Trial_{trial}_{task}_{emotion}.mp4</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>File format hint for readers: edf, bdf, mat, deap-mat, mp4, avi, wav, ...</summary>
    public string? Format { get; set; }

    /// <summary>When true a missing file is allowed (the path column is empty), e.g. EAV audio exists only for speaking trials.</summary>
    public bool Optional { get; set; }

    /// <summary>Subjects that have this modality, as [first, last] numbers (e.g. DEAP face video: 1–22); others get an empty path.</summary>
    public int[]? Subjects { get; set; }

    /// <summary>EEG sampling rate in Hz.</summary>
    public double? SamplingRate { get; set; }

    /// <summary>Video frame rate in frames per second.</summary>
    public double? FrameRate { get; set; }

    /// <summary>Audio sample rate in Hz.</summary>
    public int? SampleRate { get; set; }

    /// <summary>EEG channel names in file order.</summary>
    public string[]? Channels { get; set; }

    /// <summary>Montage name for electrode positions (standard_1020, biosemi32, ...).</summary>
    public string? Montage { get; set; }

    /// <summary>For files holding several trials (DEAP's .mat): which field gives the 1-based trial index inside the file.</summary>
    public string? TrialIndexField { get; set; }
}

/// <summary>Where a label comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LabelSource>))]
public enum LabelSource
{
    /// <summary>A field of the file name (with an optional value map).</summary>
    Field,

    /// <summary>A column of a CSV table joined on fields.</summary>
    Csv,

    /// <summary>An attribute of the root element of an XML file per trial (MAHNOB-HCI's session.xml).</summary>
    Xml,

    /// <summary>A per-frame value file per trial (Aff-Wild): a variable-length vector, read lazily.</summary>
    Frames,
}

/// <summary>One label column.</summary>
public sealed class LabelSpec
{
    /// <summary>Column name, e.g. "Valence" or "Emotion".</summary>
    public string Name { get; set; } = "";

    /// <summary>Where the value comes from.</summary>
    public LabelSource Source { get; set; }

    /// <summary>For field labels: the field.</summary>
    public string? Field { get; set; }

    /// <summary>Optional value map applied to the raw text (e.g. RAVDESS code "03" → "happy").</summary>
    public Dictionary<string, string>? Map { get; set; }

    /// <summary>Class names in key order: the column becomes a key column and other values are errors.</summary>
    public string[]? Classes { get; set; }

    /// <summary>Numeric [min, max]: the column becomes Single and values outside are errors.</summary>
    public double[]? Range { get; set; }

    /// <summary>For csv/xml/frames: file template relative to the root.</summary>
    public string? File { get; set; }

    /// <summary>For csv: CSV column → field to join on.</summary>
    public Dictionary<string, string>? Match { get; set; }

    /// <summary>For csv: the value column.</summary>
    public string? Column { get; set; }

    /// <summary>For xml: the root element's attribute.</summary>
    public string? Attribute { get; set; }

    /// <summary>Also make the raw value a field for path templates (e.g. DEAP's presentation order names the face videos).</summary>
    public string? ExportField { get; set; }
}

/// <summary>The evaluation protocol of the papers on the corpus.</summary>
public sealed class ProtocolSpec
{
    /// <summary>GroupRatio, GroupKFold, KFold, StratifiedKFold, LeaveOneGroupOut or PerGroupStratified.</summary>
    public string Splitter { get; set; } = "GroupKFold";

    /// <summary>Folds for k-fold splitters.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>Train:validation:test ratios for GroupRatio.</summary>
    public double[]? Ratios { get; set; }

    /// <summary>Training fraction for PerGroupStratified.</summary>
    public double TrainFraction { get; set; } = 0.7;

    /// <summary>Group column (default "Subject").</summary>
    public string GroupBy { get; set; } = "Subject";

    /// <summary>Class column for stratified splitters.</summary>
    public string? StratifyBy { get; set; }

    /// <summary>Where the protocol comes from, in words.</summary>
    public string? Note { get; set; }
}

/// <summary>Counts that validation checks.</summary>
public sealed class ExpectSpec
{
    /// <summary>Number of subjects.</summary>
    public int? Subjects { get; set; }

    /// <summary>Trials per subject.</summary>
    public int? TrialsPerSubject { get; set; }
}

/// <summary>A manifest that cannot be read or used; names the file and the problem.</summary>
public class ManifestException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The manifest file.</summary>
    public string ManifestPath { get; } = path;
}
