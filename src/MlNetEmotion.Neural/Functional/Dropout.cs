using MlNetEmotion.Neural.Autograd;

namespace MlNetEmotion.Neural.Functional;

/// <summary>Inverted dropout: zeroes elements with probability p and scales survivors by 1/(1-p).</summary>
internal static class DropoutOp
{
    public static Tensor Forward(Tensor x, double p, bool training, Generator? generator)
    {
        if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout: probability must be in [0, 1].");
        if (!training || p == 0) return x;
        if (p == 1) return x.mul(0f);
        var g = generator ?? torch.default_generator;
        var mask = new float[x.Count];
        float scale = (float)(1.0 / (1.0 - p));
        for (int i = 0; i < mask.Length; i++) mask[i] = g.NextDouble() >= p ? scale : 0f;
        var m = new Tensor(mask, x.shape);
        var y = x.detach().mul(m);
        return Engine.Record("dropout", y, [x], gy => [gy.mul(m)]);
    }
}
