using MlNetEmotion.Neural;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Neural.Tests.Functional;

/// <summary>Reference values from PyTorch 1.13 (Debian python3-torch), printed by
/// <c>torch.nn.functional.cross_entropy(x, t, **kw)</c> on the logits below; tolerance 1e-5 relative.</summary>
public class LossTests
{
    private static Tensor Logits() => torch.tensor([0.5f, -1.0f, 2.0f, 0.1f, 1.5f, 0.3f, -0.7f, 0.0f, -0.2f, 0.4f, 0.9f, -1.1f], 3, 4).requires_grad_();

    private static readonly long[] Targets = [2, 0, 3];
    private static Tensor Weights() => torch.tensor([1.0f, 2.0f, 0.5f, 1.5f]);

    [Fact]
    public void CrossEntropyMatchesPyTorch()
    {
        var x = Logits();
        var loss = F.cross_entropy(x, Targets);
        loss.backward();
        Approx.Equal([1.1913204193115234], loss.ToArray());
        Approx.Equal([0.05228644236922264, 0.011666680686175823, -0.09900176525115967, 0.035048652440309525, -0.1294756382703781, 0.06140075623989105,
            0.022588074207305908, 0.045486804097890854, 0.05348004028201103, 0.0974469929933548, 0.1606629341840744, -0.3115899860858917], x.grad!.ToArray());
    }

    [Fact]
    public void CrossEntropyWithClassWeightsMatchesPyTorch()
    {
        var x = Logits();
        var loss = F.cross_entropy(x, torch.tensor(Targets), weight: Weights());
        loss.backward();
        Approx.Equal([1.587558388710022], loss.ToArray());
        Approx.Equal([0.02614322118461132, 0.005833340343087912, -0.049500882625579834, 0.017524326220154762, -0.1294756382703781, 0.06140075623989105,
            0.022588074207305908, 0.045486804097890854, 0.0802200585603714, 0.1461704820394516, 0.240994393825531, -0.4673849642276764], x.grad!.ToArray());
    }

    [Fact]
    public void CrossEntropyWithLabelSmoothingMatchesPyTorch()
    {
        var x = Logits();
        var loss = F.cross_entropy(x, Targets, label_smoothing: 0.1);
        loss.backward();
        Approx.Equal([1.248820424079895], loss.ToArray());
        Approx.Equal([0.04395310580730438, 0.0033333459869027138, -0.0740017518401146, 0.026715315878391266, -0.10447563976049423, 0.0530674122273922,
            0.014254736714065075, 0.0371534638106823, 0.04514670372009277, 0.08911364525556564, 0.15232957899570465, -0.28658995032310486], x.grad!.ToArray());
    }

    [Fact]
    public void CrossEntropyWithWeightsAndSmoothingMatchesPyTorch()
    {
        var x = Logits();
        var loss = F.cross_entropy(x, Targets, weight: Weights(), label_smoothing: 0.2);
        loss.backward();
        Approx.Equal([1.754543423652649], loss.ToArray());
        Approx.Equal([0.01731952466070652, -0.025749992579221725, 0.010648860596120358, -0.0022183756809681654, -0.06928276270627975, 0.031137462705373764,
            0.015384146012365818, 0.022761143743991852, 0.06087939813733101, 0.10796481370925903, 0.22462794184684753, -0.39347216486930847], x.grad!.ToArray(), atol: 2e-6);
    }

    [Fact]
    public void CrossEntropySumAndNoneReductionsMatchPyTorch()
    {
        var x = Logits();
        var loss = F.cross_entropy(x, Targets, reduction: Reduction.Sum, label_smoothing: 0.1);
        loss.backward();
        Approx.Equal([3.7464613914489746], loss.ToArray());

        var y = Logits();
        var none = F.cross_entropy(y, Targets, weight: Weights(), reduction: Reduction.None, label_smoothing: 0.3);
        none.sum().backward();
        Approx.Equal([1.0317442417144775, 0.9598499536514282, 3.5225143432617188], none.ToArray());
        Approx.Equal([0.03872301056981087, -0.12462497502565384, 0.12217118591070175, -0.036269184201955795, -0.11755893379449844, 0.04801741987466812,
            0.035346534103155136, 0.03419492393732071, 0.1536271572113037, 0.2665858566761017, 0.6493340134620667, -1.0695470571517944], y.grad!.ToArray(), atol: 2e-6);
    }

    [Fact]
    public void CrossEntropyOverSpatialDimsGradients()
    {
        var target = torch.tensor([1L, 0, 2, 2, 1, 0], 2, 3);
        GradCheck.Check(t => F.cross_entropy(t[0], target, weight: torch.tensor([1f, 2f, 0.5f])), GradCheck.Randn(1, 2, 3, 3));
    }

    [Fact]
    public void NllAndMseGradients()
    {
        GradCheck.Check(t => F.nll_loss(t[0].log_softmax(1), torch.tensor(Targets), ignore_index: 0), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => F.mse_loss(t[0], t[1]), GradCheck.Randn(1, 3, 4), GradCheck.Randn(2, 3, 4));
    }

    [Fact]
    public void LossShapeMismatchNamesTheLoss()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => F.mse_loss(torch.zeros(3, 4), torch.zeros(3, 5)));
        Assert.Contains("mse_loss", ex.Message);
        Assert.Contains("[3, 4]", ex.Message);
        Assert.Contains("[3, 5]", ex.Message);
        Assert.Contains("cross_entropy", Assert.Throws<ShapeMismatchException>(() => F.cross_entropy(Logits(), torch.tensor([1L, 2L]))).Message);
    }

    [Fact]
    public void BadTargetNamesRow()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => F.cross_entropy(Logits(), [2, 7, 1]));
        Assert.Contains("row 1", ex.Message);
    }
}

/// <summary>Focal and BCE-with-logits losses against PyTorch 1.13 (References/layers_schedules.py).</summary>
public class MoreLossTests
{
    private static Tensor Logits() => torch.tensor([0.5f, -1.0f, 2.0f, 0.1f, 1.5f, 0.3f, -0.7f, 0.0f, -0.2f, 0.4f, 0.9f, -1.1f], 3, 4).requires_grad_();

    [Fact]
    public void FocalLossWithPerSampleAlphaMatchesPyTorch()
    {
        var x = Logits();
        var loss = F.focal_loss(x, torch.tensor([2L, 0, 3]), gamma: 2, alpha: torch.tensor([1.0f, 1.5f, 2.0f]));
        loss.backward();
        Approx.Equal([1.6376665830612183], loss.ToArray());
        Approx.Equal([0.012306767, 0.00274601, -0.023302248, 0.008249473, -0.074673794, 0.035412278, 0.013027448, 0.026234064, 0.129068598, 0.235178337, 0.387743533, -0.751990497],
            x.grad!.ToArray(), atol: 2e-6);
    }

    [Fact]
    public void FocalWithGammaZeroIsCrossEntropy()
    {
        var t = torch.tensor([2L, 0, 3]);
        Assert.Equal(F.cross_entropy(Logits(), t).item(), F.focal_loss(Logits(), t, gamma: 0).item(), 6);
    }

    [Fact]
    public void BceWithLogitsPosWeightMatchesPyTorch()
    {
        var x = Logits();
        var y = torch.tensor([1f, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0], 3, 4);
        var loss = F.binary_cross_entropy_with_logits(x, y, pos_weight: torch.tensor([1.0f, 2.0f, 0.5f, 3.0f]));
        loss.backward();
        Approx.Equal([0.8445551991462708], loss.ToArray());
        Approx.Equal([-0.031461719, 0.022411786, -0.00496679, 0.043748263, 0.068131201, 0.047870208, -0.027841156, -0.125, -0.045819502, -0.066885389, 0.059245791, 0.020811656],
            x.grad!.ToArray(), atol: 2e-6);
    }

    [Fact]
    public void LossGradients()
    {
        GradCheck.Check(t => F.l1_loss(t[0], t[1]), GradCheck.Randn(1, 3, 4), GradCheck.Randn(2, 3, 4));
        var y = torch.rand([3, 4], new Generator(3));
        GradCheck.Check(t => F.binary_cross_entropy_with_logits(t[0], t[1], weight: torch.tensor([1f, 2f, 3f, 4f]), pos_weight: torch.tensor([0.5f, 2f, 1f, 3f])),
            GradCheck.Randn(1, 3, 4), y.requires_grad_());
        GradCheck.Check(t => F.focal_loss(t[0], torch.tensor([1L, 0, 2]), gamma: 1.5, alpha: t[1].abs()), GradCheck.Randn(1, 3, 3), GradCheck.Randn(2, 3));
    }
}
