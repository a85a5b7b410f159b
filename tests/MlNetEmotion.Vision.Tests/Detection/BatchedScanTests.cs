using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Processing;
using Xunit.Abstractions;

namespace MlNetEmotion.Vision.Tests.Detection;

/// <summary>The level buffer layout and the eight-windows-at-once stump scan against their one-at-a-time definitions.</summary>
public class BatchedScanTests(ITestOutputHelper output)
{
    [Fact]
    public void LayoutOffsetsAddressEveryIntegralEntry()
    {
        var gen = from w in Gen.Choose(1, 11) from h in Gen.Choose(1, 11) from extra in Gen.Choose(0, 4)
                  from step in Gen.Elements(1, 2) from tilted in Gen.Elements(false, true) from seed in Gen.Choose(0, 10000)
                  select (w, h, extra, step, tilted, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var image = new byte[t.w * t.h];
            new Random(t.seed).NextBytes(image);
            int entries = (t.w + 1) * (t.h + 1);
            var planes = new int[3][];
            for (int i = 0; i < 3; i++) planes[i] = new int[entries];
            IntegralImage.Compute(image, t.w, t.h, planes[IntegralLayout.Sum], planes[IntegralLayout.Squares]);
            IntegralImage.ComputeTilted(image, t.w, t.h, planes[IntegralLayout.Tilted]);
            var layout = new IntegralLayout(t.w + 1 + t.extra, t.step, t.tilted);
            var buffer = new int[layout.BufferLength(t.h)];
            layout.Fill(image, t.w, t.h, buffer);
            for (int plane = 0; plane < layout.Planes; plane++)
                for (int y = 0; y <= t.h; y++)
                    for (int x = 0; x <= t.w; x += t.step)
                    {
                        int window = layout.Offset(0, y, IntegralLayout.Sum) + x / t.step;
                        for (int dy = 0; y + dy <= t.h; dy++)
                            for (int dx = 0; x + dx <= t.w; dx++)
                                if (buffer[window + layout.Offset(dx, dy, plane)] != planes[plane][(y + dy) * (t.w + 1) + x + dx]) return false;
                    }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Cascades cut to their first 1, 2, 3 stages accept many windows, so a wrong first-stage skip or a lost
    /// lane shows; the full cascade checks the deep stages. Both window steps, levels from one window to 150 pixels.</summary>
    [Theory]
    [InlineData("default")]
    [InlineData("upperbody")]
    public unsafe void BatchedStumpScanEqualsWindowByWindow(string name)
    {
        var full = (name == "default"
            ? CascadeClassifier.FrontalFaceDefault()
            : CascadeClassifier.Load(TestData.Path("cascades", "haarcascade_upperbody.xml.gz"))).Model;
        Assert.True(full.IsStumpBased);
        int windows = 0, hits = 0;
        foreach (int stages in new[] { 1, 2, 3, full.Stages.Length })
        {
            var model = Truncated(full, stages);
            foreach (var photo in new[] { "2008_002470.jpg", "2008_001322.jpg" })
                foreach (int width in new[] { 24, 33, 61, 150 }) // 24: one window; 33: a batch of 5 or 10 windows
                    foreach (int step in new[] { 1, 2 })
                    {
                        var grey = OpenCvParityTests.Grey(photo);
                        var level = ImageResize.Bilinear(grey, width, width * 3 / 4 + 8);
                        var layout = new IntegralLayout(level.Width + 1 + step, step, model.HasTiltedFeatures);
                        var buffer = new int[layout.BufferLength(level.Height)];
                        layout.Fill(level.Pixels, level.Width, level.Height, buffer);
                        var cascade = new HaarWindow(model, layout);
                        int count = (level.Width + 1 - model.WindowWidth + step - 1) / step;
                        List<int> batched = [], single = [];
                        fixed (int* b = buffer)
                        {
                            for (int y = 0; y + model.WindowHeight <= level.Height; y += step)
                            {
                                batched.Clear();
                                single.Clear();
                                cascade.ScanRow(b + layout.Offset(0, y, IntegralLayout.Sum), count, batched);
                                cascade.ScanRowWindowByWindow(b + layout.Offset(0, y, IntegralLayout.Sum), count, single);
                                Assert.Equal(single, batched);
                                windows += count;
                                hits += single.Count;
                            }
                        }
                    }
        }
        output.WriteLine($"{name}: {windows} windows, {hits} accepted, batched = window by window");
        Assert.True(hits > windows / 20, "the cut cascades should accept many windows");
    }

    private static CascadeModel Truncated(CascadeModel model, int stages) => new()
    {
        WindowWidth = model.WindowWidth, WindowHeight = model.WindowHeight, FeatureType = model.FeatureType,
        Stages = model.Stages[..stages], Nodes = model.Nodes, Leaves = model.Leaves, TreeNodeCounts = model.TreeNodeCounts,
        Subsets = model.Subsets, HaarFeatures = model.HaarFeatures, LbpFeatures = model.LbpFeatures,
    };
}
