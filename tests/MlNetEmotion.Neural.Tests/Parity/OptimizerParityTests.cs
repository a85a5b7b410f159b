using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Optim;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// Ten optimizer steps on <c>Sequential(Linear(4, 8), Tanh(), Linear(8, 3))</c> with cross-entropy, parameters compared
/// after every step, and the LR schedules, against PyTorch 1.13.
/// </summary>
public sealed class OptimizerParityTests
{
    [Theory]
    [InlineData("optim_adam")]
    [InlineData("optim_adamw")]
    [InlineData("optim_sgd_momentum")]
    [InlineData("optim_sgd_nesterov")]
    [InlineData("optim_rmsprop")]
    [InlineData("optim_rmsprop_momentum_centered")]
    [InlineData("optim_sgd_clipnorm")]
    public void Ten_steps_match_pytorch(string name)
    {
        var f = Fixture.Load(name);
        var net = new Sequential(new Linear(4, 8), new Tanh(), new Linear(8, 3));
        net.load_state_dict(ModuleParity.StateDict(f));
        var ps = net.parameters().ToList();
        Optimizer opt = name switch
        {
            "optim_adam" => new Adam(ps, lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01),
            "optim_adamw" => new AdamW(ps, lr: 0.01, beta1: 0.9, beta2: 0.99, eps: 1e-8, weight_decay: 0.1),
            "optim_sgd_momentum" => new SGD(ps, lr: 0.1, momentum: 0.9),
            "optim_sgd_nesterov" => new SGD(ps, lr: 0.1, momentum: 0.9, weight_decay: 0.001, nesterov: true),
            "optim_rmsprop" => new RMSprop(ps, lr: 0.01, alpha: 0.99, eps: 1e-8),
            "optim_rmsprop_momentum_centered" => new RMSprop(ps, lr: 0.01, alpha: 0.9, eps: 1e-8, weight_decay: 0.01, momentum: 0.5, centered: true),
            "optim_sgd_clipnorm" => new SGD(ps, lr: 0.5),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
        var x = f.Tensor("input.x");
        var target = f.Tensor("input.target");
        var losses = f.F32("output.losses");
        for (int step = 1; step <= 10; step++)
        {
            opt.zero_grad();
            var loss = F.cross_entropy(net.forward(x), target);
            Tolerance.AssertClose($"{name} loss before step {step}", [losses[step - 1]], [loss.item()]);
            loss.backward();
            if (f.Has($"after.step{step}.total_norm"))
            {
                double norm = torch.nn.utils.clip_grad_norm_(ps, 0.5);
                Tolerance.AssertClose($"{name} clip total_norm step {step}", f.F32($"after.step{step}.total_norm"), [(float)norm]);
            }

            opt.step();
            foreach (var (key, value) in net.state_dict())
                Tolerance.AssertClose($"{name} {key} after step {step}", f.F32($"after.step{step}.{key}"), value.ToArray());
        }
    }

    [Theory]
    [InlineData("sched_steplr")]
    [InlineData("sched_multisteplr")]
    [InlineData("sched_cosine")]
    public void Learning_rate_schedule_matches_pytorch(string name)
    {
        var f = Fixture.Load(name);
        var expected = f.F64("after.lr");
        var opt = new SGD([torch.zeros(1).requires_grad_()], lr: 0.1);
        LRScheduler sched = name switch
        {
            "sched_steplr" => new StepLR(opt, step_size: 3, gamma: 0.5),
            "sched_multisteplr" => new MultiStepLR(opt, [2, 5, 9], gamma: 0.3),
            "sched_cosine" => new CosineAnnealingLR(opt, T_max: 8, eta_min: 0.01),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
        for (int epoch = 0; epoch < expected.Length; epoch++)
        {
            Assert.True(Math.Abs(opt.param_groups[0].lr - expected[epoch]) <= 1e-12 * (1 + expected[epoch]),
                $"{name}: epoch {epoch} lr {opt.param_groups[0].lr}, expected {expected[epoch]}.");
            opt.step();
            sched.step();
        }
    }
}
