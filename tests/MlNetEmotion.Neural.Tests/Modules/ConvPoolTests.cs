using System.Runtime.CompilerServices;
using System.Text.Json;
using MlNetEmotion.Neural;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Neural.Tests.Modules;

/// <summary>
/// Convolution and pooling against PyTorch 1.13: Data/conv_pool.json written by References/conv_pool.py
/// (forward output and the gradient of Σ y·cos(0.7·i) for every input). Tolerance 1e-5 relative, 1e-5 absolute.
/// </summary>
public class ConvPoolTests
{
    private static readonly Lazy<JsonDocument> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDir(), "conv_pool.json"))));

    private static string DataDir([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "..", "Data");

    private static Tensor Ramp(long[] shape, Func<double, double> fn, double scale, double mult)
    {
        var d = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < d.Length; i++) d[i] = (float)(fn(i * scale) * mult);
        return torch.tensor(d, shape).requires_grad_();
    }

    private static void Verify(string name, Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        var r = Reference.Value.RootElement.GetProperty(name);
        var y = f(inputs);
        Assert.Equal(r.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), y.shape);
        var up = Ramp(y.shape, Math.Cos, 0.7, 1.0).detach();
        y.mul(up).sum().backward();
        Approx.Equal(r.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()).ToArray(), y.ToArray(), 1e-5, 1e-5);
        var grads = r.GetProperty("grads").EnumerateArray().ToArray();
        for (int i = 0; i < inputs.Length; i++)
            Approx.Equal(grads[i].EnumerateArray().Select(e => e.GetDouble()).ToArray(), inputs[i].grad!.ToArray(), 1e-5, 1e-5);
    }

    private static Tensor X() => Ramp([2, 4, 5, 6], Math.Sin, 0.37, 1.0);

    private static Tensor X1() => Ramp([2, 3, 7], Math.Sin, 0.29, 1.0);

    private static Tensor XP() => Ramp([1, 2, 7, 6], Math.Sin, 0.53, 2.0);

    [Fact]
    public void GroupedStridedDilatedPaddedConv2dMatchesPyTorch() =>
        Verify("conv2d_grouped", t => F.conv2d(t[0], t[1], t[2], stride: (2, 1), padding: (1, 2), dilation: (1, 2), groups: 2),
            X(), Ramp([6, 2, 3, 2], Math.Cos, 0.11, 0.3), Ramp([6], Math.Sin, 1.3, 0.5));

    [Fact]
    public void DepthwiseSameConv2dMatchesPyTorch() =>
        Verify("conv2d_depthwise_same", t => F.conv2d(t[0], t[1], null, Padding.Same, groups: 4), X(), Ramp([4, 1, 3, 3], Math.Cos, 0.23, 0.4));

    [Fact]
    public void SamePaddingEvenKernelConv2dMatchesPyTorch() =>
        Verify("conv2d_same_even", t => F.conv2d(t[0], t[1], t[2], Padding.Same, dilation: (2, 1)),
            X(), Ramp([3, 4, 2, 4], Math.Sin, 0.19, 0.2), Ramp([3], Math.Cos, 0.5, 0.1));

    [Fact]
    public void Conv1dMatchesPyTorch()
    {
        Verify("conv1d_strided", t => F.conv1d(t[0], t[1], t[2], stride: 2, padding: 1, dilation: 2),
            X1(), Ramp([4, 3, 3], Math.Cos, 0.17, 0.3), Ramp([4], Math.Sin, 0.9, 0.2));
        Verify("conv1d_same_even", t => F.conv1d(t[0], t[1], null, Padding.Same), X1(), Ramp([2, 3, 4], Math.Cos, 0.31, 0.3));
    }

    [Fact]
    public void PoolingMatchesPyTorch()
    {
        Verify("max_pool2d", t => F.max_pool2d(t[0], (3, 3), (2, 2), (1, 1), ceil_mode: true), XP());
        Verify("max_pool2d_dilated", t => F.max_pool2d(t[0], (2, 3), (1, 2), dilation: (2, 1)), XP());
        Verify("avg_pool2d", t => F.avg_pool2d(t[0], (3, 3), (2, 2), (1, 1), ceil_mode: true), XP());
        Verify("avg_pool2d_nopad", t => F.avg_pool2d(t[0], (3, 3), (2, 2), (1, 1), count_include_pad: false), XP());
        Verify("adaptive_avg_pool2d", t => F.adaptive_avg_pool2d(t[0], (3, 4)), XP());
    }

    [Fact]
    public void MaxPool2x2PropagatesNaNAndPicksFirstMaximum()
    {
        var x = torch.tensor([1f, 3f, 3f, 0f, float.NaN, 2f, 5f, 1f, float.PositiveInfinity, float.NegativeInfinity, 2f, 2f, 0f, 0f, 2f, 2f], 1, 1, 4, 4).requires_grad_();
        var y = F.max_pool2d(x, (2, 2));
        Assert.True(float.IsNaN(y[0, 0, 0, 0]));
        Assert.Equal(5f, y[0, 0, 0, 1]);
        Assert.Equal(float.PositiveInfinity, y[0, 0, 1, 0]);
        Assert.Equal(2f, y[0, 0, 1, 1]);
        y.sum().backward();
        Assert.Equal([0f, 0f, 0f, 0f, 1f, 0f, 1f, 0f, 1f, 0f, 1f, 0f, 0f, 0f, 0f, 0f], x.grad!.ToArray());
    }

    [Fact]
    public void ConvAndPoolGradientsMatchFiniteDifferences()
    {
        GradCheck.Check(t => F.conv2d(t[0], t[1], t[2], stride: (2, 1), padding: (1, 0), groups: 2),
            GradCheck.Randn(1, 2, 4, 4, 3), GradCheck.Randn(2, 4, 2, 2, 2), GradCheck.Randn(3, 4));
        GradCheck.Check(t => F.conv1d(t[0], t[1], null, Padding.Same, dilation: 2), GradCheck.Randn(1, 2, 3, 6), GradCheck.Randn(2, 2, 3, 3));
        GradCheck.Check(t => F.max_pool2d(t[0], (2, 2)), GradCheck.Randn(1, 1, 2, 4, 4));
        GradCheck.Check(t => F.avg_pool2d(t[0], (3, 3), (2, 2), (1, 1)), GradCheck.Randn(1, 1, 2, 5, 5));
        GradCheck.Check(t => F.adaptive_avg_pool2d(t[0], (2, 3)), GradCheck.Randn(1, 1, 2, 5, 4));
        GradCheck.Check(t => F.max_pool1d(t[0], 2) + F.avg_pool1d(t[0], 2), GradCheck.Randn(1, 2, 2, 6));
    }

    [Fact]
    public void ConvLayersUsePyTorchDefaultInitAndShapes()
    {
        var conv = torch.nn.Conv2d(4, 8, 3, padding: 1);
        Assert.Equal(new long[] { 8, 4, 3, 3 }, conv.weight.shape);
        float bound = 1f / MathF.Sqrt(36);
        Assert.All(conv.weight.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.All(conv.bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.Equal(new long[] { 2, 8, 5, 5 }, conv.forward(torch.randn(2, 4, 5, 5)).shape);
        var depthwise = torch.nn.Conv2d(4, 4, 3, Padding.Same, groups: 4);
        Assert.Equal(new long[] { 4, 1, 3, 3 }, depthwise.weight.shape);
        Assert.Equal(new long[] { 3, 4, 5, 5 }, depthwise.forward(torch.randn(3, 4, 5, 5)).shape);
        Assert.Equal(new long[] { 2, 6, 4 }, torch.nn.Conv1d(3, 6, 3, stride: 2).forward(torch.randn(2, 3, 9)).shape);
        Assert.Equal(new long[] { 2, 3, 1, 1 }, torch.nn.AdaptiveAvgPool2d((1, 1)).forward(torch.randn(2, 3, 7, 5)).shape);
    }

    [Fact]
    public void ConvRejectsBadShapesNamingBoth()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => F.conv2d(torch.zeros(1, 3, 5, 5), torch.zeros(4, 2, 3, 3)));
        Assert.Contains("conv2d", ex.Message);
        Assert.Contains("[1, 3, 5, 5]", ex.Message);
        Assert.Contains("[4, 2, 3, 3]", ex.Message);
        Assert.Throws<ShapeMismatchException>(() => F.conv2d(torch.zeros(1, 3, 2, 2), torch.zeros(4, 3, 3, 3)));
    }

    [Fact]
    public void ConvIsBitIdenticalForAnyThreadCount()
    {
        var x = torch.randn([9, 3, 12, 12], new Generator(1)).requires_grad_();
        var w = torch.randn([8, 3, 3, 3], new Generator(2)).requires_grad_();
        int saved = torch.get_num_threads();
        try
        {
            (float[] Y, float[] Gx, float[] Gw) Run(int threads)
            {
                torch.set_num_threads(threads);
                x.grad = null;
                w.grad = null;
                var y = F.conv2d(x, w, null, padding: (1, 1));
                y.square().sum().backward();
                return (y.ToArray(), x.grad!.ToArray(), w.grad!.ToArray());
            }
            var one = Run(1);
            var two = Run(2);
            Assert.Equal(one.Y, two.Y);
            Assert.Equal(one.Gx, two.Gx);
            Assert.Equal(one.Gw, two.Gw);
        }
        finally
        {
            torch.set_num_threads(saved);
        }
    }
}
