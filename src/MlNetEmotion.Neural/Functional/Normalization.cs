using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Internal;

namespace MlNetEmotion.Neural.Functional;

/// <summary>Fused batch and layer normalisation (forward statistics in double, closed-form backward).</summary>
internal static class Normalization
{
    /// <summary>Batch norm over [N, C, *]: per channel statistics over N and the trailing dims.</summary>
    public static Tensor BatchNorm(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, double momentum, double eps)
    {
        if (x.ndim < 2) throw new ShapeMismatchException("batch_norm", x.Dims, [], "input must be [N, C, *]");
        int n = (int)x.Dims[0], c = (int)x.Dims[1], s = Shapes.Prod(x.Dims, 2, x.ndim);
        foreach (var p in new[] { runningMean, runningVar, weight, bias })
            if (p is not null && (p.ndim != 1 || p.Dims[0] != c))
                throw new ShapeMismatchException("batch_norm", x.Dims, p.Dims, $"per-channel tensors must be [{c}]");
        int m = n * s;
        if (training && m <= 1) throw new ArgumentException($"batch_norm: expected more than 1 value per channel when training, got input {Shapes.Format(x.Dims)}.");
        var xd = x.Data;
        var mean = new float[c];
        var invStd = new float[c];
        if (training || runningMean is null || runningVar is null)
        {
            Parallelism.For(c, m, ch =>
            {
                double sum = 0;
                for (int b = 0; b < n; b++)
                {
                    var row = xd.AsSpan((b * c + ch) * s, s);
                    foreach (float v in row) sum += v;
                }
                double mu = sum / m, sq = 0;
                for (int b = 0; b < n; b++)
                {
                    var row = xd.AsSpan((b * c + ch) * s, s);
                    foreach (float v in row) sq += (v - mu) * (v - mu);
                }
                double var = sq / m;
                mean[ch] = (float)mu;
                invStd[ch] = (float)(1 / Math.Sqrt(var + eps));
                if (training && runningMean is not null && runningVar is not null)
                {
                    var rm = runningMean.Data;
                    var rv = runningVar.Data;
                    rm[ch] = (float)((1 - momentum) * rm[ch] + momentum * mu);
                    rv[ch] = (float)((1 - momentum) * rv[ch] + momentum * sq / (m - 1));
                }
            });
        }
        else
        {
            var rm = runningMean.Data;
            var rv = runningVar.Data;
            for (int ch = 0; ch < c; ch++)
            {
                mean[ch] = rm[ch];
                invStd[ch] = (float)(1 / Math.Sqrt(rv[ch] + eps));
            }
        }
        var w = weight?.Data;
        var bsh = bias?.Data;
        var y = new float[xd.Length];
        Parallelism.For(n * c, s, bc =>
        {
            int ch = bc % c;
            float scale = invStd[ch] * (w?[ch] ?? 1f), shift = (bsh?[ch] ?? 0f) - mean[ch] * scale;
            var src = xd.AsSpan(bc * s, s);
            var dst = y.AsSpan(bc * s, s);
            for (int i = 0; i < s; i++) dst[i] = src[i] * scale + shift;
        });
        var result = new Tensor(y, x.shape);
        Tensor[] inputs = [x, .. weight is null ? Array.Empty<Tensor>() : [weight], .. bias is null ? Array.Empty<Tensor>() : [bias]];
        if (!Engine.NeedsGrad(inputs)) return result;
        bool batchStats = training || runningMean is null || runningVar is null;
        return Engine.Record("batch_norm", result, inputs, g =>
        {
            var gd = g.Data;
            var sumG = new double[c];
            var sumGX = new double[c];
            Parallelism.For(c, m, ch =>
            {
                double sg = 0, sgx = 0;
                float mu = mean[ch], inv = invStd[ch];
                for (int b = 0; b < n; b++)
                {
                    int off = (b * c + ch) * s;
                    for (int i = 0; i < s; i++)
                    {
                        sg += gd[off + i];
                        sgx += gd[off + i] * ((xd[off + i] - mu) * inv);
                    }
                }
                sumG[ch] = sg;
                sumGX[ch] = sgx;
            });
            Tensor? gx = null;
            if (x.requires_grad)
            {
                var dx = new float[xd.Length];
                Parallelism.For(n * c, s, bc =>
                {
                    int ch = bc % c;
                    float mu = mean[ch], inv = invStd[ch], gamma = w?[ch] ?? 1f;
                    int off = bc * s;
                    if (!batchStats)
                    {
                        for (int i = 0; i < s; i++) dx[off + i] = gd[off + i] * gamma * inv;
                        return;
                    }
                    double mg = sumG[ch] / m, mgx = sumGX[ch] / m;
                    for (int i = 0; i < s; i++)
                    {
                        double xhat = (xd[off + i] - mu) * inv;
                        dx[off + i] = (float)(gamma * inv * (gd[off + i] - mg - xhat * mgx));
                    }
                });
                gx = new Tensor(dx, x.shape);
            }
            var grads = new List<Tensor?> { gx };
            if (weight is not null) grads.Add(weight.requires_grad ? new Tensor([.. sumGX.Select(v => (float)v)], [c]) : null);
            if (bias is not null) grads.Add(bias.requires_grad ? new Tensor([.. sumG.Select(v => (float)v)], [c]) : null);
            return [.. grads];
        });
    }

    /// <summary>Layer norm over the trailing <paramref name="normalizedShape"/> dims.</summary>
    public static Tensor LayerNorm(Tensor x, long[] normalizedShape, Tensor? weight, Tensor? bias, double eps)
    {
        int k = normalizedShape.Length;
        if (k == 0 || x.ndim < k || !Shapes.Equal(x.Dims[^k..], normalizedShape))
            throw new ShapeMismatchException("layer_norm", x.Dims, normalizedShape, "input must end with normalized_shape");
        foreach (var p in new[] { weight, bias })
            if (p is not null && !Shapes.Equal(p.Dims, normalizedShape))
                throw new ShapeMismatchException("layer_norm", normalizedShape, p.Dims, "weight and bias must have normalized_shape");
        int d = Shapes.Prod(normalizedShape, 0, k);
        var xd = x.Data;
        int rows = d == 0 ? 0 : xd.Length / d;
        var mean = new float[rows];
        var invStd = new float[rows];
        var y = new float[xd.Length];
        var w = weight?.Data;
        var b = bias?.Data;
        Parallelism.For(rows, d * 3L, r =>
        {
            var row = xd.AsSpan(r * d, d);
            double sum = 0;
            foreach (float v in row) sum += v;
            double mu = sum / d, sq = 0;
            foreach (float v in row) sq += (v - mu) * (v - mu);
            float inv = (float)(1 / Math.Sqrt(sq / d + eps));
            mean[r] = (float)mu;
            invStd[r] = inv;
            var dst = y.AsSpan(r * d, d);
            for (int i = 0; i < d; i++)
            {
                float xhat = (row[i] - (float)mu) * inv;
                dst[i] = xhat * (w?[i] ?? 1f) + (b?[i] ?? 0f);
            }
        });
        var result = new Tensor(y, x.shape);
        Tensor[] inputs = [x, .. weight is null ? Array.Empty<Tensor>() : [weight], .. bias is null ? Array.Empty<Tensor>() : [bias]];
        if (!Engine.NeedsGrad(inputs)) return result;
        return Engine.Record("layer_norm", result, inputs, g =>
        {
            var gd = g.Data;
            Tensor? gx = null;
            if (x.requires_grad)
            {
                var dx = new float[xd.Length];
                Parallelism.For(rows, d * 4L, r =>
                {
                    int off = r * d;
                    float mu = mean[r], inv = invStd[r];
                    double sg = 0, sgx = 0;
                    for (int i = 0; i < d; i++)
                    {
                        double gh = gd[off + i] * (w?[i] ?? 1f);
                        sg += gh;
                        sgx += gh * (xd[off + i] - mu) * inv;
                    }
                    double mg = sg / d, mgx = sgx / d;
                    for (int i = 0; i < d; i++)
                    {
                        double gh = gd[off + i] * (w?[i] ?? 1f);
                        double xhat = (xd[off + i] - mu) * inv;
                        dx[off + i] = (float)(inv * (gh - mg - xhat * mgx));
                    }
                });
                gx = new Tensor(dx, x.shape);
            }
            var grads = new List<Tensor?> { gx };
            if (weight is not null || bias is not null)
            {
                // Column sums over rows in a fixed order: Σ g·x̂ for the weight, Σ g for the bias.
                var gw = new double[d];
                var gb = new double[d];
                for (int r = 0; r < rows; r++)
                {
                    int off = r * d;
                    float mu = mean[r], inv = invStd[r];
                    for (int i = 0; i < d; i++)
                    {
                        gw[i] += gd[off + i] * ((xd[off + i] - mu) * inv);
                        gb[i] += gd[off + i];
                    }
                }
                if (weight is not null) grads.Add(weight.requires_grad ? new Tensor([.. gw.Select(v => (float)v)], weight.shape) : null);
                if (bias is not null) grads.Add(bias.requires_grad ? new Tensor([.. gb.Select(v => (float)v)], bias.shape) : null);
            }
            return [.. grads];
        });
    }
}
