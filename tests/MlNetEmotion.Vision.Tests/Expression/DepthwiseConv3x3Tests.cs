using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Neural;
using MlNetEmotion.Vision.Expression;

namespace MlNetEmotion.Vision.Tests.Expression;

public class DepthwiseConv3x3Tests
{
    /// <summary>Reference: the engine's grouped conv2d (itself checked against PyTorch) with TF "same" padding; same sums
    /// in another order.</summary>
    private const float Tolerance = 1e-5f;

    [Fact]
    public void ForwardAndGradientsMatchGroupedConv2dForAnyPlaneSizeAndStride()
    {
        var shapes = from n in Gen.Choose(1, 3)
                     from c in Gen.Choose(1, 5)
                     from h in Gen.Choose(1, 9)
                     from w in Gen.Choose(1, 9)
                     from stride in Gen.Elements(1, 2)
                     from seed in Gen.Choose(0, 1000)
                     select (n, c, h, w, stride, seed);
        Prop.ForAll(shapes.ToArbitrary(), s =>
        {
            var g = new Generator(s.seed);
            var x = torch.randn([s.n, s.c, s.h, s.w], g).requires_grad_();
            var k = torch.randn([s.c, 1, 3, 3], g).requires_grad_();
            var probe = torch.randn([s.n, s.c, (s.h + s.stride - 1) / s.stride, (s.w + s.stride - 1) / s.stride], g);

            var ours = DepthwiseConv3x3.Forward(x, k, s.stride);
            (ours * probe).sum().backward();
            var (dxOurs, dkOurs) = (x.grad!.ToArray(), k.grad!.ToArray());
            x.grad = null;
            k.grad = null;
            var reference = TfSamePadding.Conv2d(x, k, null, s.stride, groups: s.c);
            (reference * probe).sum().backward();

            return Close(reference.ToArray(), ours.ToArray()) && Close(x.grad!.ToArray(), dxOurs) && Close(k.grad!.ToArray(), dkOurs);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RejectsAFilterThatIsNotDepthwise3x3()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => DepthwiseConv3x3.Forward(torch.zeros(1, 4, 5, 5), torch.zeros(4, 1, 5, 5), 1));
        Assert.Contains("[C, 1, 3, 3]", e.Message);
    }

    private static bool Close(float[] expected, float[] actual) =>
        expected.Length == actual.Length && expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) <= Tolerance * (1 + Math.Abs(p.First)));
}
