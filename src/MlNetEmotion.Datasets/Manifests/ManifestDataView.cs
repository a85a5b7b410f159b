using System.Globalization;
using MlNetEmotion.Data;

namespace MlNetEmotion.Datasets.Manifests;

/// <summary>Builds the trial view of a scanned corpus: Subject, Trial, the other name fields, one path column per
/// modality (<c>EegPath</c>, <c>VideoPath</c>, ...) and the label columns. Per-frame labels are read lazily.</summary>
internal static class ManifestDataView
{
    public static IDataView Create(DatasetManifest manifest, IReadOnlyList<ManifestTrial> trials)
    {
        var spec = manifest.Trials;
        var builder = new DataViewSchema.Builder();
        var values = new List<Array>();
        void Text(string name, Func<ManifestTrial, string> value)
        {
            builder.AddColumn(name, TextDataViewType.Instance);
            values.Add(trials.Select(t => value(t).AsMemory()).ToArray());
        }
        Text("Subject", t => t.Fields[spec.SubjectField]);
        Text("Trial", t => t.Fields[spec.TrialField]);
        var otherFields = trials.SelectMany(t => t.Fields.Keys).Distinct()
            .Where(f => f != spec.SubjectField && f != spec.TrialField)
            .Where(f => !manifest.Labels.Any(l => l.Name == ColumnName(f)))      // a label of the same name replaces the raw field
            .Order(StringComparer.Ordinal);
        foreach (var f in otherFields) Text(ColumnName(f), t => t.Fields.GetValueOrDefault(f, ""));
        foreach (var (name, modality) in manifest.Modalities)
        {
            Text(ColumnName(name) + "Path", t => t.Paths.GetValueOrDefault(name, ""));
            if (modality.TrialIndexField is { } indexField)
            {
                builder.AddColumn(ColumnName(name) + "TrialIndex", NumberDataViewType.Int32);
                values.Add(trials.Select(t => int.Parse(t.Fields[indexField], CultureInfo.InvariantCulture)).ToArray());
            }
        }
        var frameLabels = new List<(string Name, string FileColumn)>();
        foreach (var label in manifest.Labels)
        {
            if (label.Source == LabelSource.Frames)
            {
                Text(label.Name + "File", t => (string)t.Labels[label.Name]!);
                frameLabels.Add((label.Name, label.Name + "File"));
            }
            else if (label.Classes is not null)
            {
                builder.AddColumn(label.Name, KeyColumns.Type(label.Classes.Length), KeyColumns.Annotations(label.Classes));
                values.Add(trials.Select(t => (uint?)t.Labels[label.Name] ?? 0u).ToArray());
            }
            else if (label.Range is not null)
            {
                builder.AddColumn(label.Name, NumberDataViewType.Single);
                values.Add(trials.Select(t => (float?)t.Labels[label.Name] ?? float.NaN).ToArray());
            }
            else Text(label.Name, t => (string?)t.Labels[label.Name] ?? "");
        }
        IDataView view = new InMemoryDataView(builder.ToSchema(), values);
        foreach (var (name, fileColumn) in frameLabels)
            view = new RowMappedDataView(view, new FrameLabelMapper(view.Schema, name, fileColumn));
        return view;
    }

    /// <summary>Field and modality names as column names: first letter upper-case ("eeg" → "Eeg").</summary>
    public static string ColumnName(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}

/// <summary>Reads a per-frame label file (one number per line; the first comma- or space-separated token counts) into a
/// variable-length Single vector when the column is requested.</summary>
internal sealed class FrameLabelMapper : RowMapper
{
    private readonly DataViewSchema.Column _file;

    public FrameLabelMapper(DataViewSchema schema, string name, string fileColumn) : base(schema)
    {
        _file = schema[fileColumn];
        OutputColumns = [new DataViewSchema.DetachedColumn(name, new VectorDataViewType(NumberDataViewType.Single, 0))];
    }

    public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

    public override IEnumerable<DataViewSchema.Column> InputColumns => [_file];

    public override Delegate CreateGetter(DataViewRow input, int outputIndex)
    {
        var path = ValueReaders.Create<string>(input, _file);
        var cache = new PerRowCache<float[]>(input, () => Read(path()));
        return ValueReaders.CreateGetter(OutputColumns[outputIndex].Type, cache.Get);
    }

    public static float[] Read(string file)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"{file}: per-frame label file is missing.", file);
        var values = new List<float>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            var token = line.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (token is null) continue;
            if (!float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !float.IsFinite(v))
                throw new DataValidationException($"{file} line {lineNumber}: '{token}' is not a finite number.");
            values.Add(v);
        }
        return values.ToArray();
    }
}
