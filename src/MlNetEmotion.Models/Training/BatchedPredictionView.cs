using MlNetEmotion.Data;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Training;

/// <summary>The scored view of a <see cref="NeuralPredictionTransformer"/>: a look-ahead cursor reads the feature
/// columns of the next <c>batchSize</c> rows and the network scores them in one forward pass, while the main cursor
/// serves every row with its slice of the batch. Rows keep the input's order.</summary>
internal sealed class BatchedPredictionView(IDataView source, NeuralPredictionMapper scorer, int rowsPerBatch) : IDataView
{
    private readonly IDataView input = source;
    private readonly NeuralPredictionMapper mapper = scorer;
    private readonly int batchSize = rowsPerBatch;

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; } = scorer.GetOutputSchema();

    public long? GetRowCount() => input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var (inputs, outputs) = MappedColumns(columnsNeeded);
        return new Cursor(this, input.GetRowCursor(inputs), outputs);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private (DataViewSchema.Column[] Inputs, HashSet<int> Outputs) MappedColumns(IEnumerable<DataViewSchema.Column> needed)
    {
        int count = input.Schema.Count;
        var list = needed.ToArray();
        return ([.. list.Where(c => c.Index < count).Select(c => input.Schema[c.Index])], [.. list.Where(c => c.Index >= count).Select(c => c.Index - count)]);
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly BatchedPredictionView _view;
        private readonly DataViewRowCursor _main;
        private readonly HashSet<int> _outputs;
        private readonly Delegate?[] _getters;
        private DataViewRowCursor? _ahead;
        private Func<NeuralBatch>? _read;
        private ScoredRow[] _batch = [];
        private long _batchStart;

        public Cursor(BatchedPredictionView view, DataViewRowCursor main, HashSet<int> outputs)
        {
            _view = view;
            _main = main;
            _outputs = outputs;
            _getters = new Delegate?[view.Schema.Count - view.input.Schema.Count];
            foreach (int o in outputs) _getters[o] = view.mapper.CreateGetter(o, Current);
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _main.Position;

        public override long Batch => 0;

        public override ValueGetter<DataViewRowId> GetIdGetter() => _main.GetIdGetter();

        public override bool MoveNext() => _main.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            int count = _view.input.Schema.Count;
            return column.Index < count ? _main.IsColumnActive(_view.input.Schema[column.Index]) : _outputs.Contains(column.Index - count);
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            int count = _view.input.Schema.Count;
            if (!IsColumnActive(column))
                throw SchemaMismatchException.Inactive(column.Name);
            if (column.Index < count) return _main.GetGetter<TValue>(_view.input.Schema[column.Index]);
            return _getters[column.Index - count] as ValueGetter<TValue> ?? throw new SchemaMismatchException(column.Name, typeof(TValue).Name, column.Type.RawType.Name);
        }

        /// <summary>The scored values of the main cursor's row, scoring the next batch when the row is past the current one.</summary>
        private ScoredRow Current()
        {
            long position = _main.Position;
            if (position < _batchStart || position >= _batchStart + _batch.Length) ScoreNextBatch(position);
            return _batch[position - _batchStart];
        }

        private void ScoreNextBatch(long position)
        {
            if (_ahead is null)
            {
                _ahead = _view.input.GetRowCursor(_view.mapper.InputColumns);
                _read = _view.mapper.BatchReader(_ahead);
            }
            while (_ahead.Position < position - 1 && _ahead.MoveNext()) { }
            var parts = new List<NeuralBatch>();
            _batchStart = _ahead.Position + 1;
            while (parts.Count < _view.batchSize && _ahead.MoveNext()) parts.Add(_read!());
            if (parts.Count == 0 || _batchStart != position)
                throw new InvalidOperationException($"Row {position}: the look-ahead cursor is at row {_batchStart}; the input view changed while being scored.");
            var inputs = Enumerable.Range(0, parts[0].Inputs.Count).Select(c => torch.cat([.. parts.Select(p => p.Inputs[c])], 0)).ToArray();
            int[]? lengths = parts[0].Lengths is null ? null : [.. parts.Select(p => p.Lengths![0])];
            _batch = _view.mapper.Outputs(_view.mapper.Predict(new NeuralBatch(inputs, lengths)), parts.Count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _ahead?.Dispose();
                _main.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
