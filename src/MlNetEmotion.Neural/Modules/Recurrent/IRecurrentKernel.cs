namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>One recurrent layer's fused forward / backward over a sequence (LSTM or GRU), as the multi-layer driver sees it.</summary>
internal interface IRecurrentKernel
{
    /// <summary>Op name on the autograd tape.</summary>
    string Name { get; }

    /// <summary>Gate blocks per weight row group: 4 (LSTM) or 3 (GRU).</summary>
    int GateCount { get; }

    /// <summary>Whether the layer has a cell state (LSTM).</summary>
    bool HasCellState { get; }

    /// <summary>Forward over every step; writes the hidden state of every row to <paramref name="y"/> and the final cell
    /// state to <paramref name="cN"/>. Returns the tape for <see cref="Backward"/>, whose pooled buffers go back on Dispose.</summary>
    IDisposable Forward(SequenceLayout layout, int inputSize, int hidden, ReadOnlySpan<float> x, ReadOnlySpan<float> h0,
        ReadOnlySpan<float> c0, LayerWeights w, Span<float> y, Span<float> cN);

    /// <summary>Backward of <see cref="Forward"/>; empty optional destinations are skipped.</summary>
    void Backward(IDisposable tape, SequenceLayout layout, int inputSize, int hidden, ReadOnlySpan<float> x, ReadOnlySpan<float> h0,
        ReadOnlySpan<float> c0, LayerWeights w, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, ReadOnlySpan<float> dhN,
        ReadOnlySpan<float> dcN, Span<float> dx, Span<float> dh0, Span<float> dc0, LayerGradients g);
}

/// <summary>Raw storage of one layer's weights (<c>weight_ih</c>, <c>weight_hh</c>, optional biases).</summary>
internal readonly record struct LayerWeights(float[] WIh, float[] WHh, float[]? BIh, float[]? BHh);

/// <summary>Destinations of one layer's weight gradients (always written).</summary>
internal readonly record struct LayerGradients(float[] WIh, float[] WHh, float[] BIh, float[] BHh);

/// <summary>The LSTM kernel behind <see cref="IRecurrentKernel"/>.</summary>
internal sealed class LstmLayerKernel : IRecurrentKernel
{
    /// <summary>The shared instance.</summary>
    public static readonly LstmLayerKernel Instance = new();

    /// <inheritdoc/>
    public string Name => "lstm";

    /// <inheritdoc/>
    public int GateCount => 4;

    /// <inheritdoc/>
    public bool HasCellState => true;

    /// <inheritdoc/>
    public IDisposable Forward(SequenceLayout layout, int inputSize, int hidden, ReadOnlySpan<float> x, ReadOnlySpan<float> h0,
        ReadOnlySpan<float> c0, LayerWeights w, Span<float> y, Span<float> cN)
    {
        var tape = LstmKernel.Forward(layout, inputSize, hidden, x, h0, c0, w.WIh, w.WHh, w.BIh, w.BHh, y);
        layout.CopyStep(tape.Cells, hidden, layout.Steps - 1, cN);
        return tape;
    }

    /// <inheritdoc/>
    public void Backward(IDisposable tape, SequenceLayout layout, int inputSize, int hidden, ReadOnlySpan<float> x,
        ReadOnlySpan<float> h0, ReadOnlySpan<float> c0, LayerWeights w, ReadOnlySpan<float> y, ReadOnlySpan<float> dy,
        ReadOnlySpan<float> dhN, ReadOnlySpan<float> dcN, Span<float> dx, Span<float> dh0, Span<float> dc0, LayerGradients g) =>
        LstmKernel.Backward(layout, inputSize, hidden, (LstmKernel.Tape)tape, x, h0, c0, w.WIh, w.WHh, y, dy, dhN, dcN,
            dx, dh0, dc0, g.WIh, g.WHh, g.BIh, g.BHh);
}

/// <summary>The GRU kernel behind <see cref="IRecurrentKernel"/> (no cell state: the cell arguments are ignored).</summary>
internal sealed class GruLayerKernel : IRecurrentKernel
{
    /// <summary>The shared instance.</summary>
    public static readonly GruLayerKernel Instance = new();

    /// <inheritdoc/>
    public string Name => "gru";

    /// <inheritdoc/>
    public int GateCount => 3;

    /// <inheritdoc/>
    public bool HasCellState => false;

    /// <inheritdoc/>
    public IDisposable Forward(SequenceLayout layout, int inputSize, int hidden, ReadOnlySpan<float> x, ReadOnlySpan<float> h0,
        ReadOnlySpan<float> c0, LayerWeights w, Span<float> y, Span<float> cN) =>
        GruKernel.Forward(layout, inputSize, hidden, x, h0, w.WIh, w.WHh, w.BIh, w.BHh, y);

    /// <inheritdoc/>
    public void Backward(IDisposable tape, SequenceLayout layout, int inputSize, int hidden, ReadOnlySpan<float> x,
        ReadOnlySpan<float> h0, ReadOnlySpan<float> c0, LayerWeights w, ReadOnlySpan<float> y, ReadOnlySpan<float> dy,
        ReadOnlySpan<float> dhN, ReadOnlySpan<float> dcN, Span<float> dx, Span<float> dh0, Span<float> dc0, LayerGradients g) =>
        GruKernel.Backward(layout, inputSize, hidden, (GruKernel.Tape)tape, x, h0, w.WIh, w.WHh, y, dy, dhN,
            dx, dh0, g.WIh, g.WHh, g.BIh, g.BHh);
}
