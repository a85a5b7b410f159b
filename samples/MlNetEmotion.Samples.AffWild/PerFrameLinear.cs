using MlNetEmotion.Models.ConvLstm;

namespace MlNetEmotion.Samples.AffWild;

/// <summary>The per-frame baseline: each valid frame's flattened map is one row, ML.NET's SDCA regression per target.</summary>
internal static class PerFrameLinear
{
    /// <summary>Trains on <paramref name="train"/>'s frames and scores <paramref name="test"/>'s, one frame list per target.</summary>
    public static List<FaceSequenceMetrics.Frame>[] FitAndScore(MLContext ml, IDataView train, IDataView test, string[] targets)
    {
        var result = new List<FaceSequenceMetrics.Frame>[targets.Length];
        var trainRows = Frames(ml, train, targets.Length);
        var testRows = Frames(ml, test, targets.Length);
        for (int d = 0; d < targets.Length; d++)
        {
            var pipeline = ml.Transforms.CopyColumns("Label", $"Target{d}")
                .Append(ml.Transforms.NormalizeMeanVariance("Features"))
                .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features", l2Regularization: 1f, l1Regularization: 0f, maximumNumberOfIterations: 30));
            var scored = pipeline.Fit(trainRows).Transform(testRows);
            var label = scored.GetColumn<float>("Label").ToArray();
            var score = scored.GetColumn<float>("Score").ToArray();
            var sequence = scored.GetColumn<int>("Sequence").ToArray();
            result[d] = [.. label.Select((l, i) => new FaceSequenceMetrics.Frame(sequence[i], l, Math.Clamp(score[i], -1f, 1f)))];
        }
        return result;
    }

    /// <summary>One row per valid frame: Sequence, Features (C · H · W), Target0, Target1, ...</summary>
    private static IDataView Frames(MLContext ml, IDataView sequences, int targets)
    {
        var features = sequences.GetColumn<float[]>("Features").ToArray();
        var labels = sequences.GetColumn<float[]>("Label").ToArray();
        var lengths = sequences.GetColumn<int>("Length").ToArray();
        int size = features[0].Length / (labels[0].Length / targets);
        var rows = new List<FrameRow>();
        for (int s = 0; s < features.Length; s++)
            for (int t = 0; t < lengths[s]; t++)
                rows.Add(new FrameRow
                {
                    Sequence = s, Features = features[s].AsSpan(t * size, size).ToArray(),
                    Target0 = labels[s][t * targets], Target1 = targets > 1 ? labels[s][t * targets + 1] : 0,
                });
        var schema = SchemaDefinition.Create(typeof(FrameRow));
        schema[nameof(FrameRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private sealed class FrameRow
    {
        public int Sequence { get; set; }

        public float[] Features { get; set; } = [];

        public float Target0 { get; set; }

        public float Target1 { get; set; }
    }
}
