using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Serialization;

namespace MlNetEmotion.Neural.Tests.Ops;

/// <summary>FsCheck properties over random shapes and seeds (shapes kept small so 100 cases run fast).</summary>
public class PropertyTests
{
    private static long Dim(int v) => 1 + Math.Abs(v % 4);

    [Fact]
    public void BroadcastAddEqualsExpandedAdd() =>
        Prop.ForAll<int, int, int>((a, b, seed) =>
        {
            long[] sa = [Dim(a), 1, Dim(b)];
            long[] sb = [Dim(seed), 1];
            var x = torch.randn(sa, new Generator(seed));
            var y = torch.randn(sb, new Generator(seed + 1));
            var outShape = new[] { sa[0], sb[0], sa[2] };
            var expected = x.expand(outShape).ToArray().Zip(y.expand(outShape).ToArray(), (p, q) => p + q);
            return (x + y).ToArray().SequenceEqual(expected) && (y + x).ToArray().SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void PermuteThenInverseIsIdentity() =>
        Prop.ForAll<int, int, int>((a, b, seed) =>
        {
            var x = torch.randn([Dim(a), Dim(b), Dim(seed), 2], new Generator(seed));
            long[] perm = [2, 0, 3, 1];
            long[] inverse = [1, 3, 0, 2];
            return x.permute(perm).permute(inverse).ToArray().SequenceEqual(x.ToArray());
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void SoftmaxIsNormalisedAndMatchesExpLogSoftmax() =>
        Prop.ForAll<int, int, int>((a, dim, seed) =>
        {
            var x = torch.randn([Dim(a), 3, Dim(seed)], new Generator(seed)).mul(5f);
            int d = Math.Abs(dim % 3);
            var p = x.softmax(d);
            var sums = p.sum(d).ToArray();
            var viaLog = x.log_softmax(d).exp().ToArray();
            return sums.All(s => Math.Abs(s - 1) < 1e-5) && p.ToArray().Zip(viaLog).All(t => Math.Abs(t.First - t.Second) < 1e-6);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void SafetensorsRoundTripsAnyShapeAndDtype() =>
        Prop.ForAll<int, int, byte[]>((a, t, bytes) =>
        {
            var dtype = (SafeTensorDType)Math.Abs(t % Enum.GetValues<SafeTensorDType>().Length);
            int size = SafeTensorDTypes.Size(dtype);
            int count = (bytes?.Length ?? 0) / size;
            var data = (bytes ?? []).Take(count * size).ToArray();
            var entry = new SafeTensor(dtype, [count], data);
            var (loaded, _) = SafeTensors.Deserialize(SafeTensors.Serialize([new($"t{a}", entry)]));
            var back = loaded[$"t{a}"];
            return back.DType == dtype && back.Shape.SequenceEqual(new long[] { count }) && back.Data.SequenceEqual(data);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void SplitThenCatIsIdentity() =>
        Prop.ForAll<int, int, int>((a, piece, seed) =>
        {
            var x = torch.randn([3, Dim(a) + 3, 2], new Generator(seed));
            var parts = x.split(Dim(piece), 1);
            return torch.cat(parts, 1).ToArray().SequenceEqual(x.ToArray());
        }).QuickCheckThrowOnFailure();
}
