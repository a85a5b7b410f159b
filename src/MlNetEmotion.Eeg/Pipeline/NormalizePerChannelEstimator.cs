using MlNetEmotion.Eeg.Features;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>
/// Learns per-channel mean and standard deviation of a signal column on the training rows in
/// <see cref="Fit"/> (never on held-out rows) and returns the z-scoring transformer.
/// </summary>
public sealed class NormalizePerChannelEstimator : IEstimator<EegSignalTransformer>
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="outputColumnName">Signal column produced.</param>
    /// <param name="inputColumnName">Signal column read.</param>
    public NormalizePerChannelEstimator(string outputColumnName, string inputColumnName)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
    }

    /// <summary>Signal column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Signal column read.</summary>
    public string InputColumnName { get; }

    /// <inheritdoc />
    public EegSignalTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = EegSignalColumn.Require(input.Schema, InputColumnName);
        var normalizer = ChannelNormalizer.Fit(Rows(input, column));
        return new EegSignalTransformer(OutputColumnName, InputColumnName, new NormalizePerChannelOperation(normalizer));
    }

    private static IEnumerable<IReadOnlyList<double[]>> Rows(IDataView input, DataViewSchema.Column column)
    {
        using var cursor = input.GetRowCursor([column]);
        var read = cursor.GetGetter<EegSignal>(column);
        EegSignal signal = null!;
        while (cursor.MoveNext())
        {
            read(ref signal);
            yield return signal.Data;
        }
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        inputSchema.With(EegSignalColumn.Require(inputSchema, InputColumnName).Renamed(OutputColumnName));
}
