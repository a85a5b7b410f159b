using System.Globalization;
using MlNetEmotion.Data;

namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>Streamed synthetic corpora: the same rows and label columns as the manifest view of the written corpus,
/// with the modalities generated lazily per row instead of path columns.</summary>
internal static class SyntheticCorpusView
{
    /// <summary>Subject and trial ids as the manifests write them (invariant integers).</summary>
    public static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>DEAP: Subject, Trial, PresentationTrial, Valence, Arousal, Dominance, Liking, then the modalities.</summary>
    public static IDataView Deap(IReadOnlyList<SyntheticTrial> trials, SyntheticColumn[] modalities)
    {
        var builder = new DataViewSchema.Builder();
        var values = new List<Array>();
        IdColumns(builder, values, trials);
        void Single(string name, Func<SyntheticTrial, float> value)
        {
            builder.AddColumn(name, NumberDataViewType.Single);
            values.Add(trials.Select(value).ToArray());
        }
        Single("PresentationTrial", t => t.Presentation);
        Single("Valence", t => t.Ratings.Valence);
        Single("Arousal", t => t.Ratings.Arousal);
        Single("Dominance", t => t.Ratings.Dominance);
        Single("Liking", t => t.Ratings.Liking);
        return WithModalities(new InMemoryDataView(builder.ToSchema(), values), trials, modalities);
    }

    /// <summary>EAV: Subject, Trial, Repeat, Emotion and Task (keys over the manifest's classes), then the modalities.</summary>
    public static IDataView Eav(IReadOnlyList<SyntheticTrial> trials, SyntheticColumn[] modalities)
    {
        var builder = new DataViewSchema.Builder();
        var values = new List<Array>();
        IdColumns(builder, values, trials);
        builder.AddColumn("Repeat", TextDataViewType.Instance);
        values.Add(trials.Select(t => Id(t.Repeat).AsMemory()).ToArray());
        void Key(string name, IReadOnlyList<string> classes, Func<SyntheticTrial, string> value)
        {
            builder.AddColumn(name, KeyColumns.Type(classes.Count), KeyColumns.Annotations([.. classes]));
            values.Add(trials.Select(t => (uint)(IndexOf(classes, value(t)) + 1)).ToArray());
        }
        Key("Emotion", AffectState.EavClasses, t => t.Emotion!);
        Key("Task", SyntheticTrialPlan.EavTasks, t => t.Task!);
        return WithModalities(new InMemoryDataView(builder.ToSchema(), values), trials, modalities);
    }

    private static void IdColumns(DataViewSchema.Builder builder, List<Array> values, IReadOnlyList<SyntheticTrial> trials)
    {
        builder.AddColumn("Subject", TextDataViewType.Instance);
        values.Add(trials.Select(t => Id(t.Subject).AsMemory()).ToArray());
        builder.AddColumn("Trial", TextDataViewType.Instance);
        values.Add(trials.Select(t => Id(t.Trial).AsMemory()).ToArray());
    }

    private static IDataView WithModalities(IDataView labels, IReadOnlyList<SyntheticTrial> trials, SyntheticColumn[] modalities) =>
        modalities.Length == 0 ? labels : new RowMappedDataView(labels, new SyntheticModalityMapper(labels.Schema, trials, modalities));

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == value) return i;
        throw new ArgumentException($"'{value}' is not one of {string.Join(", ", list)}.");
    }
}
