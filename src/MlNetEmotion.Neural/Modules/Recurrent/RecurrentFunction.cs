using MlNetEmotion.Neural.Autograd;

namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// A stack of LSTM or GRU layers over a whole sequence as ONE autograd node: the forward runs the fused layer
/// kernels one after another (inverted dropout between layers in training mode, as <c>nn.LSTM(dropout=p)</c>),
/// the backward runs them in reverse. Inputs on the tape: x, h0, [c0], then per layer weight_ih, weight_hh,
/// [bias_ih, bias_hh].
/// </summary>
internal static class RecurrentFunction
{
    /// <summary>Runs the stack.</summary>
    /// <param name="kernel">LSTM or GRU kernel.</param>
    /// <param name="x">Input rows (<c>[B, T, I]</c> batch first, <c>[T, B, I]</c>, or <c>[B, I]</c> for one step).</param>
    /// <param name="layout">Row layout of <paramref name="x"/>.</param>
    /// <param name="outputShape">Shape of the returned outputs (rows × H values).</param>
    /// <param name="h0">Initial hidden states, <c>L · B · H</c> values (layer-major).</param>
    /// <param name="c0">Initial cell states (LSTM), same layout; null for GRU.</param>
    /// <param name="layers">Per layer: weight_ih, weight_hh, bias_ih, bias_hh (biases may be null).</param>
    /// <param name="dropout">Inter-layer dropout probability (0 when not training).</param>
    /// <param name="generator">Random source of the dropout masks.</param>
    /// <returns>Outputs of the last layer and the final states, shaped like <paramref name="h0"/>.</returns>
    public static (Tensor Output, Tensor HN, Tensor? CN) Apply(IRecurrentKernel kernel, Tensor x, SequenceLayout layout,
        long[] outputShape, Tensor h0, Tensor? c0, IReadOnlyList<Tensor?[]> layers, double dropout, Generator? generator)
    {
        int numLayers = layers.Count, hidden = (int)layers[0][1]!.size(1), batch = layout.Batch;
        int inputSize = (int)x.size(-1), state = batch * hidden, rows = layout.Rows;
        var weights = layers.Select(l => new LayerWeights(l[0]!.Data, l[1]!.Data, l[2]?.Data, l[3]?.Data)).ToArray();
        var xs = new float[numLayers][];   // what each layer reads (dropout applied)
        var ys = new float[numLayers][];   // what each layer writes
        var masks = new float[numLayers][];
        var tapes = new object[numLayers];
        var hn = new float[numLayers * state];
        var cn = new float[numLayers * state];
        float[] h0Data = h0.Data, c0Data = c0?.Data ?? [];
        for (int l = 0; l < numLayers; l++)
        {
            var input = l == 0 ? x.Data : ys[l - 1];
            if (l > 0 && dropout > 0)
            {
                masks[l] = DropoutMask(rows * hidden, dropout, generator ?? torch.default_generator);
                var dropped = new float[rows * hidden];
                System.Numerics.Tensors.TensorPrimitives.Multiply(input, masks[l], dropped);
                input = dropped;
            }

            xs[l] = input;

            var y = new float[rows * hidden];
            tapes[l] = kernel.Forward(layout, l == 0 ? inputSize : hidden, hidden, input, h0Data.AsSpan(l * state, state),
                c0Data.AsSpan(kernel.HasCellState ? l * state : 0, kernel.HasCellState ? state : 0), weights[l], y,
                cn.AsSpan(l * state, state));
            layout.CopyStep(y, hidden, layout.Steps - 1, hn.AsSpan(l * state, state));
            ys[l] = y;
        }

        var output = new Tensor(ys[numLayers - 1], outputShape);
        var hnT = new Tensor(hn, h0.shape);
        var cnT = kernel.HasCellState ? new Tensor(cn, h0.shape) : null;
        var inputs = new List<Tensor> { x, h0 };
        if (c0 is not null) inputs.Add(c0);
        foreach (var l in layers) inputs.AddRange(l.Where(t => t is not null)!);
        Tensor[] outputs = cnT is null ? [output, hnT] : [output, hnT, cnT];
        Tensor[] inputArray = [.. inputs];
        Engine.Record(kernel.Name, inputArray, outputs, g =>
        {
            var grads = new Tensor?[inputArray.Length];
            Tensor? Grad(int index) => inputArray[index].requires_grad
                ? grads[index] = new Tensor(new float[inputArray[index].Count], inputArray[index].shape)
                : null;
            Tensor? dxT = Grad(0), dh0T = Grad(1), dc0T = c0 is null ? null : Grad(2);
            int next = c0 is null ? 2 : 3;
            var layerGrads = new LayerGradients[numLayers];
            for (int l = 0; l < numLayers; l++)
            {
                float[] Weight(Tensor? w, ref int index) => w is null ? new float[kernel.GateCount * hidden]
                    : (Grad(index++)?.Data ?? new float[w.Count]);
                float[] wIh = Weight(layers[l][0], ref next), wHh = Weight(layers[l][1], ref next);
                float[] bIh = Weight(layers[l][2], ref next), bHh = Weight(layers[l][3], ref next);
                layerGrads[l] = new LayerGradients(wIh, wHh, bIh, bHh);
            }

            ReadOnlySpan<float> dy = g[0].Data;
            float[] dhN = g[1].Data, dcN = cnT is null ? [] : g[2].Data;
            for (int l = numLayers - 1; l >= 0; l--)
            {
                var dx = l == 0 ? dxT?.Data ?? [] : new float[rows * hidden];   // empty: the kernel skips dx
                int cOffset = kernel.HasCellState ? l * state : 0, cLength = kernel.HasCellState ? state : 0;
                kernel.Backward(tapes[l], layout, l == 0 ? inputSize : hidden, hidden, xs[l], h0Data.AsSpan(l * state, state),
                    c0Data.AsSpan(cOffset, cLength), weights[l], ys[l], dy, dhN.AsSpan(l * state, state),
                    dcN.AsSpan(cOffset, cLength), dx,
                    dh0T is null ? default : dh0T.Data.AsSpan(l * state, state),
                    dc0T is null ? default : dc0T.Data.AsSpan(cOffset, cLength), layerGrads[l]);
                if (l > 0 && masks[l] is { } mask) System.Numerics.Tensors.TensorPrimitives.Multiply(dx, mask, dx);
                dy = dx;
            }

            return grads;
        });
        return (output, hnT, cnT);
    }

    private static float[] DropoutMask(int length, double p, Generator generator)
    {
        var mask = new float[length];
        float scale = p >= 1 ? 0f : (float)(1.0 / (1.0 - p));
        for (int i = 0; i < length; i++) mask[i] = generator.NextDouble() >= p ? scale : 0f;
        return mask;
    }
}
