using System.Buffers;
using System.Numerics.Tensors;
using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Functional;

/// <summary>Fused affine map y = x Wᵀ + b: one GEMM forward, two GEMMs and a column sum backward.</summary>
internal static class LinearOp
{
    public static Tensor Forward(Tensor x, Tensor weight, Tensor? bias)
    {
        if (weight.ndim != 2) throw new ShapeMismatchException("linear", x.Dims, weight.Dims, "weight must be 2-D [out, in]");
        if (x.ndim == 0 || x.Dims[^1] != weight.Dims[1])
            throw new ShapeMismatchException("linear", x.Dims, weight.Dims, $"input's last dim must equal weight's in_features ({weight.Dims[1]})");
        int outF = (int)weight.Dims[0], inF = (int)weight.Dims[1];
        if (bias is not null && (bias.ndim != 1 || bias.Dims[0] != outF))
            throw new ShapeMismatchException("linear", weight.Dims, bias.Dims, $"bias must be [{outF}]");
        int rows = inF == 0 ? Shapes.Prod(x.Dims, 0, x.ndim - 1) : x.Data.Length / inF;
        var outShape = x.shape;
        outShape[^1] = outF;
        var y = new float[rows * outF];
        var xd = x.Data;
        var wd = weight.Data;
        float beta = 0;
        if (bias is not null)
        {
            var bd = bias.Data;
            for (int r = 0; r < rows; r++) bd.CopyTo(y, r * outF);
            beta = 1;
        }
        Gemm.Sgemm(false, true, rows, outF, inF, 1f, xd, inF, wd, inF, beta, y, outF);
        var result = new Tensor(y, outShape);
        Tensor[] inputs = bias is null ? [x, weight] : [x, weight, bias];
        if (!Engine.NeedsGrad(inputs)) return result;
        return Engine.Record("linear", result, inputs, g =>
        {
            var gd = g.Data;
            Tensor? gx = null, gw = null, gb = null;
            if (x.requires_grad)
            {
                var gxd = new float[xd.Length];
                Gemm.Sgemm(false, false, rows, inF, outF, 1f, gd, outF, wd, inF, 0f, gxd, inF);
                gx = new Tensor(gxd, x.shape);
            }
            if (weight.requires_grad)
                gw = LeafGradient(weight, gwd => Gemm.Sgemm(true, false, outF, inF, rows, 1f, gd, outF, xd, inF, 0f, gwd, inF));
            if (bias is not null && bias.requires_grad)
                gb = LeafGradient(bias, gbd => ReduceKernels.Sum(gd, 1, rows, outF, gbd));
            return bias is null ? [gx, gw] : [gx, gw, gb];
        });
    }

    /// <summary>The gradient of <paramref name="parameter"/> that <paramref name="compute"/> writes into the span it gets.
    /// A parameter that already holds a gradient gets it added in place from a pooled buffer (the addition the engine
    /// would make, so bit-identical) and null is returned; otherwise a new gradient tensor. A weight used at every step of
    /// a batch-1 loop so allocates nothing per use.</summary>
    private static Tensor? LeafGradient(Tensor parameter, Action<float[]> compute)
    {
        if (Engine.ExistingLeafGradient(parameter) is not { } existing)
        {
            var fresh = new float[parameter.Count];
            compute(fresh);
            return new Tensor(fresh, parameter.shape);
        }
        var buffer = ArrayPool<float>.Shared.Rent(existing.Length);
        try
        {
            compute(buffer);
            TensorPrimitives.Add(existing, buffer.AsSpan(0, existing.Length), existing);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
        return null;
    }
}
