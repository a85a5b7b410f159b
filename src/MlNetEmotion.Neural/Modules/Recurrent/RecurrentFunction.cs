using System.Buffers;
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
        int inputSize = (int)x.size(-1), state = batch * hidden, rows = layout.Rows, width = rows * hidden;
        var pool = ArrayPool<float>.Shared;
        var weights = layers.Select(l => new LayerWeights(l[0]!.Data, l[1]!.Data, l[2]?.Data, l[3]?.Data)).ToArray();
        var xs = new float[numLayers][];   // what each layer reads (dropout applied); pooled for l > 0
        var ys = new float[numLayers][];   // what each layer writes; pooled except the last (the output tensor's storage)
        var masks = new float[numLayers][];   // pooled
        var tapes = new IDisposable[numLayers];
        var hn = new float[numLayers * state];
        var cn = new float[numLayers * state];
        float[] h0Data = h0.Data, c0Data = c0?.Data ?? [];
        for (int l = 0; l < numLayers; l++)
        {
            var input = l == 0 ? x.Data : ys[l - 1];
            if (l > 0 && dropout > 0)
            {
                masks[l] = DropoutMask(width, dropout, generator ?? torch.default_generator);
                var dropped = pool.Rent(width);
                System.Numerics.Tensors.TensorPrimitives.Multiply(input.AsSpan(0, width), masks[l].AsSpan(0, width), dropped.AsSpan(0, width));
                input = dropped;
            }

            xs[l] = input;

            var y = l == numLayers - 1 ? new float[width] : pool.Rent(width);
            int inputLength = rows * (l == 0 ? inputSize : hidden);
            tapes[l] = kernel.Forward(layout, l == 0 ? inputSize : hidden, hidden, input.AsSpan(0, inputLength),
                h0Data.AsSpan(l * state, state), c0Data.AsSpan(kernel.HasCellState ? l * state : 0, kernel.HasCellState ? state : 0),
                weights[l], y.AsSpan(0, width), cn.AsSpan(l * state, state));
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
        if (!Engine.NeedsGrad(inputArray))
        {
            ReleaseBuffers(tapes, xs, ys, masks);
            return (output, hnT, cnT);
        }

        bool released = false;
        Engine.Record(kernel.Name, inputArray, outputs, g =>
        {
            if (released)
                throw new InvalidOperationException($"backward of {kernel.Name}: this graph was already backpropagated and its " +
                    "saved buffers were freed; run the forward pass again before a second backward.");
            var grads = new Tensor?[inputArray.Length];
            var scratch = new List<float[]>();
            Tensor? Grad(int index) => inputArray[index].requires_grad
                ? grads[index] = new Tensor(new float[inputArray[index].Count], inputArray[index].shape)
                : null;
            Tensor? dxT = Grad(0), dh0T = Grad(1), dc0T = c0 is null ? null : Grad(2);
            int next = c0 is null ? 2 : 3;
            var layerGrads = new LayerGradients[numLayers];
            for (int l = 0; l < numLayers; l++)
            {
                float[] wIh = WeightGradient(layers[l][0], ref next), wHh = WeightGradient(layers[l][1], ref next);
                float[] bIh = WeightGradient(layers[l][2], ref next), bHh = WeightGradient(layers[l][3], ref next);
                layerGrads[l] = new LayerGradients(wIh, wHh, bIh, bHh);
            }

            ReadOnlySpan<float> dy = g[0].Data;
            float[] dhN = g[1].Data, dcN = cnT is null ? [] : g[2].Data;
            for (int l = numLayers - 1; l >= 0; l--)
            {
                float[]? rentedDx = l == 0 ? null : pool.Rent(width);
                Span<float> dx = rentedDx is null ? dxT?.Data ?? [] : rentedDx.AsSpan(0, width);   // empty: the kernel skips dx
                int cOffset = kernel.HasCellState ? l * state : 0, cLength = kernel.HasCellState ? state : 0;
                int inputLength = rows * (l == 0 ? inputSize : hidden);
                kernel.Backward(tapes[l], layout, l == 0 ? inputSize : hidden, hidden, xs[l].AsSpan(0, inputLength),
                    h0Data.AsSpan(l * state, state), c0Data.AsSpan(cOffset, cLength), weights[l], ys[l].AsSpan(0, width), dy,
                    dhN.AsSpan(l * state, state), dcN.AsSpan(cOffset, cLength), dx,
                    dh0T is null ? default : dh0T.Data.AsSpan(l * state, state),
                    dc0T is null ? default : dc0T.Data.AsSpan(cOffset, cLength), layerGrads[l]);
                if (l > 0 && masks[l] is { } mask) System.Numerics.Tensors.TensorPrimitives.Multiply(dx, mask.AsSpan(0, width), dx);
                if (rentedDx is not null) scratch.Add(rentedDx);
                dy = dx;
            }

            released = true;
            ReleaseBuffers(tapes, xs, ys, masks);
            foreach (var buffer in scratch) pool.Return(buffer);
            return grads;

            // A parameter that already holds a gradient receives this op's share in place (no gradient tensor is
            // allocated and the engine has nothing to add); otherwise a fresh zeroed gradient (or a zeroed scratch
            // destination when none is wanted) is the kernels' accumulation target.
            float[] WeightGradient(Tensor? w, ref int index)
            {
                if (w is null) return new float[kernel.GateCount * hidden];
                int i = index++;
                if (w.requires_grad) return Engine.GradientTarget(w, out grads[i]);
                var zeroed = pool.Rent(w.Count);
                Array.Clear(zeroed, 0, w.Count);
                scratch.Add(zeroed);
                return zeroed;
            }
        });
        return (output, hnT, cnT);
    }

    /// <summary>Returns the forward pass's pooled buffers: the tapes, the dropped-out inputs, the hidden layers' outputs and the masks.</summary>
    private static void ReleaseBuffers(IDisposable[] tapes, float[][] xs, float[][] ys, float[][] masks)
    {
        var pool = ArrayPool<float>.Shared;
        for (int l = 0; l < tapes.Length; l++)
        {
            tapes[l].Dispose();
            if (l > 0 && !ReferenceEquals(xs[l], ys[l - 1])) pool.Return(xs[l]);
            if (l < ys.Length - 1) pool.Return(ys[l]);
            if (masks[l] is { } mask) pool.Return(mask);
        }
    }

    private static float[] DropoutMask(int length, double p, Generator generator)
    {
        var mask = ArrayPool<float>.Shared.Rent(length);
        float scale = p >= 1 ? 0f : (float)(1.0 / (1.0 - p));
        for (int i = 0; i < length; i++) mask[i] = generator.NextDouble() >= p ? scale : 0f;
        return mask;
    }
}
