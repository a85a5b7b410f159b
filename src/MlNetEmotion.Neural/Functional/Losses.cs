using MlNetEmotion.Neural.Autograd;

namespace MlNetEmotion.Neural.Functional;

/// <summary>Loss kernels shared by <c>torch.nn.functional</c> and the loss modules.</summary>
internal static class Losses
{
    /// <summary>Moves the class dim of [N, C, d...] last and flattens to [N·d, C]; targets [N, d...] to [N·d].</summary>
    public static (Tensor Input, long[] Target, long[] RestShape) Flatten(Tensor input, Tensor target, string op)
    {
        if (input.ndim < 1) throw new ShapeMismatchException(op, input.Dims, target.Dims, "input needs a class dimension");
        var t = target.dtype == ScalarType.Int64 ? target.LongData : target.to(ScalarType.Int64).LongData;
        if (input.ndim == 1)
        {
            if (target.numel() != 1) throw new ShapeMismatchException(op, input.Dims, target.Dims, "unbatched input [C] takes one target");
            return (input.unsqueeze(0), t, []);
        }
        var expected = new List<long> { input.Dims[0] };
        for (int d = 2; d < input.ndim; d++) expected.Add(input.Dims[d]);
        if (!Shapes.Equal(target.Dims, expected.ToArray()))
            throw new ShapeMismatchException(op, input.Dims, target.Dims, $"target must be {Shapes.Format(expected.ToArray())} (input without the class dim)");
        if (input.ndim == 2) return (input, t, [input.Dims[0]]);
        var perm = new List<long> { 0 };
        for (int d = 2; d < input.ndim; d++) perm.Add(d);
        perm.Add(1);
        return (input.permute([.. perm]).reshape(-1, input.Dims[1]), t, [.. expected]);
    }

    /// <summary>Negative log-likelihood of log-probabilities [N, C] at target classes, with class weights and ignore_index.</summary>
    public static Tensor Nll(Tensor logp, long[] target, Tensor? weight, long ignoreIndex, Reduction reduction, long[] restShape)
    {
        int n = (int)logp.Dims[0], c = (int)logp.Dims[1];
        if (weight is not null && (weight.ndim != 1 || weight.Dims[0] != c))
            throw new ShapeMismatchException("nll_loss", logp.Dims, weight.Dims, $"weight must be [{c}]");
        var lp = logp.Data;
        var w = weight?.Data;
        var perSample = new float[n];
        var sampleWeight = new float[n];
        double total = 0, totalWeight = 0;
        for (int i = 0; i < n; i++)
        {
            long t = target[i];
            if (t == ignoreIndex) continue;
            if (t < 0 || t >= c) throw new ArgumentOutOfRangeException(nameof(target), t, $"nll_loss: target {t} at row {i} is outside [0, {c}).");
            float wi = w is null ? 1f : w[t];
            sampleWeight[i] = wi;
            perSample[i] = -wi * lp[i * c + t];
            total += perSample[i];
            totalWeight += wi;
        }
        Tensor y = reduction switch
        {
            Reduction.None => new Tensor(perSample, restShape),
            Reduction.Sum => torch.tensor((float)total),
            _ => torch.tensor((float)(total / totalWeight)),
        };
        float meanScale = (float)(1.0 / totalWeight);
        return Engine.Record("nll_loss", y, [logp], g =>
        {
            var gl = new float[n * c];
            var gd = g.Data;
            for (int i = 0; i < n; i++)
            {
                long t = target[i];
                if (t == ignoreIndex) continue;
                float gi = reduction switch
                {
                    Reduction.None => gd[i],
                    Reduction.Sum => gd[0],
                    _ => gd[0] * meanScale,
                };
                gl[i * c + t] = -sampleWeight[i] * gi;
            }
            return [new Tensor(gl, logp.shape)];
        });
    }

    /// <summary>Reduces per-element losses.</summary>
    public static Tensor Reduce(Tensor perElement, Reduction reduction) => reduction switch
    {
        Reduction.None => perElement,
        Reduction.Sum => perElement.sum(),
        _ => perElement.mean(),
    };
}
