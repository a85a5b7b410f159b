using System.Globalization;
using System.Xml.Linq;
using MlNetEmotion.Data;

namespace MlNetEmotion.Datasets.Manifests;

/// <summary>One trial found in the tree: its fields, its modality files and its label values.</summary>
internal sealed record ManifestTrial(Dictionary<string, string> Fields, Dictionary<string, string> Paths, Dictionary<string, object?> Labels);

/// <summary>Walks a corpus tree with a manifest: enumerates trials, locates modality files, reads labels, and
/// collects every problem instead of stopping at the first.</summary>
internal sealed class ManifestScan
{
    private readonly DatasetManifest _manifest;
    private readonly string _root;
    private readonly List<ManifestProblem> _problems = [];
    private readonly Dictionary<string, CsvTable?> _tables = [];
    private readonly Dictionary<string, Dictionary<string, int>> _indexes = [];
    private readonly FileListing _listing;
    private readonly CorpusRoot _corpus;
    private readonly bool _readFrameLabels;

    private ManifestScan(DatasetManifest manifest, string root, bool readFrameLabels)
    {
        _manifest = manifest;
        _readFrameLabels = readFrameLabels;
        _corpus = new CorpusRoot(root, manifest.Name);
        _root = _corpus.Full;
        _listing = new FileListing(_corpus);
    }

    /// <param name="manifest">The corpus description.</param>
    /// <param name="root">The corpus folder.</param>
    /// <param name="progress">Trials scanned so far and in all.</param>
    /// <param name="readFrameLabels">Also read every per-frame label file and check its values (validation); a load
    /// leaves them to be read lazily.</param>
    public static (List<ManifestTrial> Trials, List<ManifestProblem> Problems) Run(DatasetManifest manifest, string root,
        Action<long, long>? progress = null, bool readFrameLabels = false)
    {
        var scan = new ManifestScan(manifest, root, readFrameLabels);
        if (!Directory.Exists(scan._root))
            return ([], [new ManifestProblem(ManifestProblemKind.MissingFile, root, "the corpus root folder does not exist.")]);
        var trials = scan.DropAbsent(scan.Enumerate());
        for (int i = 0; i < trials.Count; i++)
        {
            scan.ReadLabels(trials[i]);
            scan.LocateModalities(trials[i]);
            progress?.Invoke(i + 1, trials.Count);
        }
        scan.CheckCounts(trials);
        return (trials, scan._problems);
    }

    /// <summary>
    /// A grid corpus (DEAP) names its subjects and trials by range; a partial copy lacks some. A subject none of whose
    /// trials has a required modality file is dropped here, and so is a trial that has no row in the corpus's label
    /// table (the count check then reports the shortfall), so a partial copy loads. When nothing is present at all, every
    /// trial is kept so that the missing files are reported.
    /// </summary>
    private List<ManifestTrial> DropAbsent(List<ManifestTrial> trials)
    {
        if (_manifest.Trials.Enumerate != TrialEnumeration.Grid) return trials;
        var required = _manifest.Modalities.Where(m => !m.Value.Optional).Select(m => (Entry: $"modality '{m.Key}'", Template: Template(m.Value.Path))).ToArray();
        var tables = _manifest.Labels.Where(l => l.Source == LabelSource.Csv).ToArray();
        bool HasFile(ManifestTrial t) => required.Length == 0 || required.Any(r =>
        {
            try { return r.Template.Resolve(t.Fields, _listing, r.Entry) is not null; }
            catch (InvalidDataException) { return true; }          // reported later, with the trial
        });
        bool HasLabelRow(ManifestTrial t) => tables.Length == 0 || tables.Any(l => FromCsv(l, t).Value is not null);
        var present = trials.GroupBy(Subject).Where(g => g.Any(HasFile)).SelectMany(g => g).Where(HasLabelRow).ToList();
        return present.Count == 0 ? trials : present;
    }

    private List<ManifestTrial> Enumerate()
    {
        var spec = _manifest.Trials;
        var trials = new List<ManifestTrial>();
        if (spec.Enumerate == TrialEnumeration.Grid)
        {
            for (int s = spec.Subjects![0]; s <= spec.Subjects[1]; s++)
                for (int t = 1; t <= spec.TrialsPerSubject; t++)
                    trials.Add(new ManifestTrial(new Dictionary<string, string>
                    {
                        [spec.SubjectField] = s.ToString(CultureInfo.InvariantCulture),
                        [spec.TrialField] = t.ToString(CultureInfo.InvariantCulture),
                    }, [], []));
            return trials;
        }
        var template = Template(_manifest.Modalities[spec.From!].Path);
        string folder = Path.Combine(_root, template.StaticDirectory);
        if (!Directory.Exists(folder))
        {
            _problems.Add(new ManifestProblem(ManifestProblemKind.MissingFile, template.StaticDirectory, $"the folder of '{spec.From}' files ({template.Text}) does not exist."));
            return trials;
        }
        string extension = Path.GetExtension(template.Text);
        var ignore = spec.Ignore is null ? null : new System.Text.RegularExpressions.Regex(spec.Ignore, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        foreach (string relative in _listing.Under(template.StaticDirectory))
        {
            if (ignore?.IsMatch(relative) == true) continue;
            var fields = template.Match(relative);
            if (fields is null)
            {
                if (string.Equals(Path.GetExtension(relative), extension, StringComparison.OrdinalIgnoreCase))
                    _problems.Add(new ManifestProblem(ManifestProblemKind.UnparseableName, relative, $"does not match '{template.Text}'."));
                continue;
            }
            if (!fields.ContainsKey(spec.SubjectField) || !fields.ContainsKey(spec.TrialField))
                throw new ManifestException(_manifest.Name, $"the '{spec.From}' template must contain {{{spec.SubjectField}}} and {{{spec.TrialField}}}.");
            string file = _corpus.Contain(Path.Combine(_root, relative), $"modality '{spec.From}'");
            trials.Add(new ManifestTrial(fields, new Dictionary<string, string> { [spec.From!] = file }, []));
        }
        trials.Sort((a, b) => Compare(a, b, spec));
        return trials;
    }

    private void LocateModalities(ManifestTrial trial)
    {
        foreach (var (name, modality) in _manifest.Modalities)
        {
            if (trial.Paths.ContainsKey(name)) continue;
            if (modality.Subjects is { Length: 2 } range && !InRange(trial.Fields[_manifest.Trials.SubjectField], range))
            {
                trial.Paths[name] = "";
                continue;
            }
            var template = Template(modality.Path);
            string? path;
            try { path = template.Resolve(trial.Fields, _listing, $"modality '{name}'"); }
            catch (InvalidDataException e)
            {
                _problems.Add(new ManifestProblem(ManifestProblemKind.UnparseableName, template.Text, e.Message));
                path = null;
            }
            trial.Paths[name] = path ?? "";
            if (path is null && !modality.Optional)
                _problems.Add(new ManifestProblem(ManifestProblemKind.MissingFile, Describe(template, trial), $"the {name} file of subject {Subject(trial)}, trial {TrialId(trial)} is missing."));
        }
    }

    private void ReadLabels(ManifestTrial trial)
    {
        foreach (var label in _manifest.Labels)
        {
            string? raw;
            string where;
            switch (label.Source)
            {
                case LabelSource.Field:
                    // A file-name field: the file it was read from is where the problem is.
                    where = _manifest.Trials.From is { } from && trial.Paths.TryGetValue(from, out var source)
                        ? Path.GetRelativePath(_root, source).Replace('\\', '/')
                        : $"field '{label.Field}'";
                    raw = trial.Fields.GetValueOrDefault(label.Field!);
                    break;
                case LabelSource.Csv:
                    (raw, where) = FromCsv(label, trial);
                    break;
                case LabelSource.Xml:
                    (raw, where) = FromXml(label, trial);
                    break;
                default:
                    string relative = Template(label.File!).Format(trial.Fields);
                    string frames = _corpus.Resolve(relative, $"label '{label.Name}'");
                    if (!File.Exists(frames))
                        _problems.Add(new ManifestProblem(ManifestProblemKind.MissingFile, relative, $"the '{label.Name}' frame labels of subject {Subject(trial)}, trial {TrialId(trial)} are missing."));
                    else if (_readFrameLabels) CheckFrames(label, relative);
                    trial.Labels[label.Name] = frames;
                    continue;
            }
            if (label.ExportField is { } export && raw is not null) trial.Fields[export] = raw.Trim();
            trial.Labels[label.Name] = Convert(label, raw, where, trial);
        }
    }

    private object? Convert(LabelSpec label, string? raw, string where, ManifestTrial trial)
    {
        if (raw is null)
        {
            _problems.Add(new ManifestProblem(ManifestProblemKind.MissingLabel, where, $"no '{label.Name}' for subject {Subject(trial)}, trial {TrialId(trial)}."));
            return null;
        }
        raw = raw.Trim();
        if (label.Map is not null)
        {
            if (!label.Map.TryGetValue(raw, out var mapped))
            {
                _problems.Add(new ManifestProblem(ManifestProblemKind.BadLabel, where, $"'{label.Name}' value '{raw}' has no entry in the map ({string.Join(", ", label.Map.Keys)})."));
                return null;
            }
            raw = mapped;
        }
        if (label.Classes is not null)
        {
            int k = Array.FindIndex(label.Classes, c => string.Equals(c, raw, StringComparison.OrdinalIgnoreCase));
            if (k < 0) _problems.Add(new ManifestProblem(ManifestProblemKind.BadLabel, where, $"'{label.Name}' value '{raw}' is not one of {string.Join(", ", label.Classes)}."));
            return k < 0 ? null : (uint)(k + 1);
        }
        if (label.Range is { Length: 2 } r)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < r[0] || v > r[1])
            {
                _problems.Add(new ManifestProblem(ManifestProblemKind.BadLabel, where, $"'{label.Name}' value '{raw}' of subject {Subject(trial)}, trial {TrialId(trial)} is not a number in {Interval(r)}."));
                return null;
            }
            return (float)v;
        }
        return raw;
    }

    /// <summary>Reads a per-frame label file and reports an unreadable value or the first value outside the label's range.</summary>
    private void CheckFrames(LabelSpec label, string relative)
    {
        float[] values;
        try { values = FrameLabelMapper.Read(Path.Combine(_root, relative)); }
        catch (DataValidationException e)
        {
            _problems.Add(new ManifestProblem(ManifestProblemKind.BadLabel, relative, e.Message));
            return;
        }
        if (values.Length == 0)
            _problems.Add(new ManifestProblem(ManifestProblemKind.MissingLabel, relative, $"the '{label.Name}' frame label file holds no values."));
        if (label.Range is not { Length: 2 } r) return;
        int outside = Array.FindIndex(values, v => v < r[0] || v > r[1]);
        if (outside >= 0)
            _problems.Add(new ManifestProblem(ManifestProblemKind.BadLabel, relative,
                $"'{label.Name}' value {values[outside].ToString(CultureInfo.InvariantCulture)} of frame {outside + 1} is not in {Interval(r)} ({values.Count(v => v < r[0] || v > r[1])} of {values.Length} frames are outside)."));
    }

    private (string? Value, string Where) FromCsv(LabelSpec label, ManifestTrial trial)
    {
        string relative = Template(label.File!).Format(trial.Fields);
        if (!_tables.TryGetValue(relative, out var table))
        {
            string path = _corpus.Resolve(relative, $"label '{label.Name}'");
            if (!File.Exists(path))
            {
                _problems.Add(new ManifestProblem(ManifestProblemKind.MissingFile, relative, $"the label table for '{label.Name}' does not exist."));
                table = null;
            }
            else
            {
                try { table = CsvTable.Read(path); }
                catch (InvalidDataException e)
                {
                    _problems.Add(new ManifestProblem(ManifestProblemKind.BadLabel, relative, e.Message));
                    table = null;
                }
            }
            _tables[relative] = table;
        }
        if (table is null) return (null, relative);
        int valueColumn = Array.IndexOf(table.Header, label.Column!);
        var keys = label.Match!.Select(m => (Column: Array.IndexOf(table.Header, m.Key), Field: m.Value)).ToArray();
        if (valueColumn < 0 || keys.Any(k => k.Column < 0))
        {
            _problems.Add(new ManifestProblem(ManifestProblemKind.BadLabel, relative,
                $"needs columns {string.Join(", ", label.Match!.Keys.Append(label.Column!))}; has {string.Join(", ", table.Header)}."));
            _tables[relative] = null;
            return (null, relative);
        }
        string indexKey = relative + "\n" + string.Join("\n", keys.Select(k => k.Column));
        if (!_indexes.TryGetValue(indexKey, out var index))
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int r = 0; r < table.Rows.Count; r++) index.TryAdd(JoinKey(keys.Select(k => table.Rows[r].Fields[k.Column])), r);
            _indexes[indexKey] = index;
        }
        if (keys.All(k => trial.Fields.ContainsKey(k.Field)) && index.TryGetValue(JoinKey(keys.Select(k => trial.Fields[k.Field])), out int row))
            return (table.Rows[row].Fields[valueColumn], $"{relative} line {table.Rows[row].Line}");
        return (null, relative);
    }

    private (string? Value, string Where) FromXml(LabelSpec label, ManifestTrial trial)
    {
        string relative = Template(label.File!).Format(trial.Fields);
        string path = _corpus.Resolve(relative, $"label '{label.Name}'");
        if (!File.Exists(path))
        {
            _problems.Add(new ManifestProblem(ManifestProblemKind.MissingFile, relative, $"the '{label.Name}' XML of subject {Subject(trial)}, trial {TrialId(trial)} is missing."));
            return (null, relative);
        }
        try
        {
            return (XDocument.Load(path).Root?.Attribute(label.Attribute!)?.Value, relative);
        }
        catch (System.Xml.XmlException e)
        {
            _problems.Add(new ManifestProblem(ManifestProblemKind.BadLabel, relative, $"not well-formed XML ({e.Message})."));
            return (null, relative);
        }
    }

    private void CheckCounts(List<ManifestTrial> trials)
    {
        if (_manifest.Expect is not { } expect) return;
        var bySubject = trials.GroupBy(Subject).ToArray();
        if (expect.Subjects is int s && bySubject.Length != s)
            _problems.Add(new ManifestProblem(ManifestProblemKind.CountMismatch, ".", $"{bySubject.Length} subjects found, {s} expected."));
        if (expect.TrialsPerSubject is int t)
            foreach (var g in bySubject.Where(g => g.Count() != t))
                _problems.Add(new ManifestProblem(ManifestProblemKind.CountMismatch, ".", $"subject {g.Key} has {g.Count()} trials, {t} expected."));
    }

    /// <summary>A label range as written in messages, whatever the current culture: "[-1, 1]", "[0.5, 9]".</summary>
    private static string Interval(double[] range) => string.Create(CultureInfo.InvariantCulture, $"[{range[0]}, {range[1]}]");

    private static string Describe(PathTemplate template, ManifestTrial trial)
    {
        try { return template.Format(trial.Fields); }
        catch (KeyNotFoundException) { return template.Text; }
    }

    private PathTemplate Template(string text) => PathTemplate.Parse(text, _manifest.Fields);

    private string Subject(ManifestTrial t) => t.Fields.GetValueOrDefault(_manifest.Trials.SubjectField, "?");

    private string TrialId(ManifestTrial t) => t.Fields.GetValueOrDefault(_manifest.Trials.TrialField, "?");

    private static bool InRange(string value, int[] range) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= range[0] && n <= range[1];

    /// <summary>A join key in which numbers compare by value ("07" = "7") and text by its trimmed form.</summary>
    private static string JoinKey(IEnumerable<string> values) => string.Join("\u001f", values.Select(v =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x.ToString("R", CultureInfo.InvariantCulture) : v.Trim()));

    private static int Compare(ManifestTrial a, ManifestTrial b, TrialSpec spec)
    {
        int c = NumericAware(a.Fields[spec.SubjectField], b.Fields[spec.SubjectField]);
        if (c != 0) return c;
        c = NumericAware(a.Fields[spec.TrialField], b.Fields[spec.TrialField]);
        return c != 0 ? c : string.CompareOrdinal(a.Paths.Values.First(), b.Paths.Values.First());
    }

    private static int NumericAware(string a, string b) =>
        long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out long x) && long.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out long y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
}
