using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Optim;

namespace MlNetEmotion.Neural.Tests.Optim;

/// <summary>RMSprop, schedules and clipping against PyTorch 1.13 (References/layers_schedules.py).</summary>
public class ScheduleTests
{
    private static float[] Run(Func<Tensor[], Optimizer> make)
    {
        var p = torch.tensor([0.5f, -1.5f, 2.0f, 0.25f]).requires_grad_();
        var c = torch.tensor([1.0f, 2.0f, -0.5f, 3.0f]);
        var opt = make([p]);
        for (int i = 0; i < 5; i++)
        {
            opt.zero_grad();
            (p * c - 1f).pow(2f).sum().backward();
            opt.step();
        }
        return p.ToArray();
    }

    [Fact]
    public void RmspropMatchesPyTorch()
    {
        Approx.Equal([0.7784289717674255, -1.1854815483093262, 1.6803829669952393, 0.3333553671836853], Run(p => new RMSprop(p, 0.01)));
        Approx.Equal([1.2038980722427368, -0.5820717811584473, 1.061115026473999, 0.2773839831352234],
            Run(p => new RMSprop(p, 0.01, momentum: 0.9, centered: true, weight_decay: 0.1)));
    }

    private static double[] Rates(Func<Optimizer, LRScheduler> make)
    {
        var opt = new SGD([torch.zeros(1).requires_grad_()], 0.1);
        var s = make(opt);
        var rates = new double[8];
        for (int i = 0; i < 8; i++)
        {
            opt.step();
            s.step();
            rates[i] = s.get_last_lr()[0];
        }
        return rates;
    }

    [Fact]
    public void SchedulesMatchPyTorch()
    {
        Close([0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025], Rates(o => new StepLR(o, 3, 0.5)));
        Close([0.1, 0.01, 0.01, 0.01, 0.001, 0.001, 0.001, 0.001], Rates(o => new MultiStepLR(o, [2, 5], 0.1)));
        Close([0.08681980515339464, 0.05500000000000001, 0.023180194846605363, 0.01, 0.023180194846605363, 0.05500000000000002, 0.08681980515339469, 0.10000000000000006],
            Rates(o => new CosineAnnealingLR(o, 4, 0.01)));
    }

    private static void Close(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    [Fact]
    public void ClipGradNormMatchesPyTorch()
    {
        var a = torch.zeros(3).requires_grad_();
        var b = torch.zeros(2).requires_grad_();
        a.grad = torch.tensor([3.0f, -4.0f, 1.0f]);
        b.grad = torch.tensor([2.0f, 2.0f]);
        double norm = torch.nn.utils.clip_grad_norm_([a, b], 1.0);
        Assert.Equal(5.830951690673828, norm, 5);
        Approx.Equal([0.51449573, -0.685994267, 0.171498567], a.grad.ToArray());
        Approx.Equal([0.342997134, 0.342997134], b.grad.ToArray());
    }
}
