using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>Every loss, value and input gradient, against PyTorch 1.13 (focal loss written out in torch ops in the script).</summary>
public sealed class LossParityTests
{
    [Theory]
    [InlineData("loss_cross_entropy")]
    [InlineData("loss_cross_entropy_weighted_smoothed")]
    [InlineData("loss_nll")]
    [InlineData("loss_mse")]
    [InlineData("loss_l1")]
    [InlineData("loss_bce_with_logits")]
    [InlineData("loss_focal")]
    public void Loss_and_gradient_match_pytorch(string name)
    {
        var f = Fixture.Load(name);
        Tensor Leaf(string key) => f.Has("grad.input." + key) ? f.Tensor("input." + key).requires_grad_() : f.Tensor("input." + key);
        var inputs = f.Keys.Where(k => k.StartsWith("input.", StringComparison.Ordinal)).Select(k => k["input.".Length..])
            .ToDictionary(k => k, Leaf);
        Tensor loss = name switch
        {
            "loss_cross_entropy" => F.cross_entropy(inputs["logits"], inputs["target"]),
            "loss_cross_entropy_weighted_smoothed" => F.cross_entropy(inputs["logits"], inputs["target"], inputs["weight"], label_smoothing: 0.1),
            "loss_nll" => F.nll_loss(inputs["logp"], inputs["target"], inputs["weight"]),
            "loss_mse" => F.mse_loss(inputs["pred"], inputs["target"]),
            "loss_l1" => F.l1_loss(inputs["pred"], inputs["target"]),
            "loss_bce_with_logits" => F.binary_cross_entropy_with_logits(inputs["logits"], inputs["target"]),
            "loss_focal" => F.focal_loss(inputs["logits"], inputs["target"], gamma: 2, alpha: inputs["alpha"]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
        Tolerance.AssertClose($"{name} loss", f.F32("output.loss"), [loss.item()]);
        loss.backward();
        foreach (var (key, t) in inputs.Where(kv => kv.Value.requires_grad))
            Tolerance.AssertClose($"{name} grad {key}", f.F32("grad.input." + key), t.grad!.ToArray());
    }
}
