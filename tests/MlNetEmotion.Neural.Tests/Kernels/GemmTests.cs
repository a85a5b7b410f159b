using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural.Tests.Kernels;

public class GemmTests
{
    private delegate void SgemmFunction(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);

    /// <summary>Runs one product on random data with the given padding of every leading dimension and
    /// checks it against the double-precision reference.</summary>
    private static void Check(SgemmFunction sgemm, bool transA, bool transB, int m, int n, int k,
        float alpha = 1, float beta = 0, int pad = 0, int seed = 1)
    {
        int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
        var a = GemmReference.Random(Math.Max(1, (transA ? k : m) * lda), seed);
        var b = GemmReference.Random(Math.Max(1, (transB ? n : k) * ldb), seed + 1);
        var c0 = GemmReference.Random(Math.Max(1, m * ldc), seed + 2);
        var c = (float[])c0.Clone();
        sgemm(transA, transB, m, n, k, alpha, a, Math.Max(1, lda), b, Math.Max(1, ldb), beta, c, Math.Max(1, ldc));
        GemmReference.AssertMatches(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c0, ldc, c);
    }

    public static TheoryData<bool, bool, int, int, int> Shapes()
    {
        var data = new TheoryData<bool, bool, int, int, int>();
        (int M, int N, int K)[] sizes = [(1, 1, 1), (7, 5, 3), (6, 16, 1), (33, 17, 257), (257, 33, 7), (150, 40, 300), (2, 4200, 3), (1, 300, 257)];
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
                foreach (var (m, n, k) in sizes)
                    data.Add(ta, tb, m, n, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sgemm_AllTransposes_OddSizes_MatchDoubleReference(bool transA, bool transB, int m, int n, int k) =>
        Check(Gemm.Sgemm, transA, transB, m, n, k, alpha: 1, beta: 0);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Sgemm_AlphaBetaAndStridedStorage_MatchReference(bool transA, bool transB)
    {
        Check(Gemm.Sgemm, transA, transB, 37, 29, 270, alpha: 0.5f, beta: -1.5f, pad: 3);
        Check(Gemm.Sgemm, transA, transB, 13, 70, 9, alpha: -2f, beta: 1f, pad: 5, seed: 7);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Sgemm_OuterProduct_BitIdenticalToTiledPath(bool transA, bool transB)
    {
        // k = 1 (a batch-1 weight gradient) skips the tiles; each element must still be the tiled path's value.
        const int m = 37, n = 29, pad = 2;
        int lda = (transA ? m : 1) + pad, ldb = (transB ? 1 : n) + pad, ldc = n + pad;
        var a = GemmReference.Random((transA ? 1 : m) * lda, 3);
        var b = GemmReference.Random((transB ? n : 1) * ldb, 4);
        foreach (var (alpha, beta) in new[] { (1f, 0f), (0.75f, -0.5f), (-2f, 1f) })
        {
            var outer = GemmReference.Random(m * ldc, 5);
            var tiled = (float[])outer.Clone();
            Gemm.Sgemm(transA, transB, m, n, 1, alpha, a, lda, b, ldb, beta, outer, ldc);
            if (Fma.IsSupported) Gemm.Multiply<Avx2Ops, Vector256<float>>(transA, transB, m, n, 1, alpha, a, lda, b, ldb, beta, tiled, ldc);
            else Gemm.Multiply<ScalarOps, float>(transA, transB, m, n, 1, alpha, a, lda, b, ldb, beta, tiled, ldc);
            Assert.Equal(tiled, outer);
        }
    }

    [Fact]
    public void Sgemm_BetaZero_OverwritesNaNInC()
    {
        var a = GemmReference.Random(20 * 30, 1);
        var b = GemmReference.Random(30 * 40, 2);
        var c = Enumerable.Repeat(float.NaN, 20 * 40).ToArray();
        Gemm.Sgemm(false, false, 20, 40, 30, 1, a, 30, b, 40, 0, c, 40);
        GemmReference.AssertMatches(false, false, 20, 40, 30, 1, a, 30, b, 40, 0, new float[c.Length], 40, c);
    }

    [Fact]
    public void Sgemm_AlphaZeroOrEmptyK_OnlyScalesC()
    {
        var c = new float[] { 1, 2, float.NaN, 4 };
        Gemm.Sgemm(false, false, 2, 2, 0, 1, [], 1, [], 2, 0, c, 2);
        Assert.Equal(new float[] { 0, 0, 0, 0 }, c);

        var a = new float[] { float.NaN, 1, 2, 3 };
        c = [1, 2, 3, 4];
        Gemm.Sgemm(false, false, 2, 2, 2, 0, a, 2, a, 2, 3, c, 2);
        Assert.Equal(new float[] { 3, 6, 9, 12 }, c);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void ScalarPath_MatchesReference(bool transA, bool transB)
    {
        Check(Gemm.Multiply<ScalarOps, float>, transA, transB, 19, 11, 260, alpha: 1.5f, beta: 0.25f, pad: 2);
        Check(Gemm.Multiply<ScalarOps, float>, transA, transB, 1, 1, 1);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Vector128Path_PanelWidth8_MatchesReference(bool transA, bool transB)
    {
        // Runs everywhere (software FMA where not native): covers the generic driver with another panel width.
        Check(Gemm.Multiply<Vector128Ops, Vector128<float>>, transA, transB, 23, 37, 270, alpha: 0.5f, beta: 2f, pad: 1);
        Check(Gemm.Multiply<Vector128Ops, Vector128<float>>, !transA, transB, 80, 9, 17);
    }

    [Fact]
    public void VectorPaths_SupportedHere_MatchReference()
    {
        int ran = 0;
        if (Fma.IsSupported)
        {
            Check(Gemm.Multiply<Avx2Ops, Vector256<float>>, false, true, 31, 45, 300, alpha: 2, beta: 1, pad: 1);
            ran++;
        }
        if (Avx512F.IsSupported)
        {
            Check(Gemm.Multiply<Avx512Ops, Vector512<float>>, true, false, 31, 45, 300, alpha: 2, beta: 1, pad: 1);
            ran++;
        }
        Assert.Equal((Fma.IsSupported ? 1 : 0) + (Avx512F.IsSupported ? 1 : 0), ran);
    }

    [Fact]
    public void Sgemm_RandomShapes_MatchReference_Property()
    {
        var gen =
            from m in Gen.Choose(1, 40)
            from n in Gen.Choose(1, 40)
            from k in Gen.Choose(1, 40)
            from transA in Gen.Elements(false, true)
            from transB in Gen.Elements(false, true)
            from pad in Gen.Choose(0, 3)
            from beta in Gen.Elements(0f, 1f, -0.5f)
            from seed in Gen.Choose(0, 1000)
            select (m, n, k, transA, transB, pad, beta, seed);
        Prop.ForAll(gen.ToArbitrary(), s =>
        {
            Check(Gemm.Sgemm, s.transA, s.transB, s.m, s.n, s.k, alpha: 0.75f, beta: s.beta, pad: s.pad, seed: s.seed);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(false, false, 300, 170, 290)]
    [InlineData(false, true, 12, 1030, 256)]
    [InlineData(false, false, 12, 1030, 300)]
    [InlineData(true, false, 1030, 250, 12)]
    public void Sgemm_ResultsBitIdentical_ForAnyThreadCount(bool transA, bool transB, int m, int n, int k)
    {
        var a = GemmReference.Random(m * k, 3);
        var b = GemmReference.Random(k * n, 4);
        int lda = transA ? m : k, ldb = transB ? k : n;
        float[] Run(int threads)
        {
            int saved = Threading.NumThreads;
            Threading.NumThreads = threads;
            try
            {
                var c = GemmReference.Random(m * n, 5);
                Gemm.Sgemm(transA, transB, m, n, k, 1.25f, a, lda, b, ldb, 0.5f, c, n);
                return c;
            }
            finally
            {
                Threading.NumThreads = saved;
            }
        }
        var one = Run(1);
        foreach (int threads in new[] { 2, 3 })
        {
            var many = Run(threads);
            for (int i = 0; i < one.Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(one[i]) == BitConverter.SingleToInt32Bits(many[i]),
                    $"element {i}: {one[i]} with 1 thread, {many[i]} with {threads}");
        }
    }

    [Fact]
    public void Sgemm_ConcurrentCallers_GetTheSerialResults()
    {
        // Batched matmul calls Sgemm from several threads at once: pooled buffers must not be shared.
        var a = GemmReference.Random(8 * 90 * 130, 21);
        var b = GemmReference.Random(130 * 70, 22);
        var serial = new float[8][];
        for (int i = 0; i < 8; i++)
        {
            serial[i] = new float[90 * 70];
            Gemm.Sgemm(false, true, 90, 70, 130, 1, a.AsSpan(i * 90 * 130), 130, b, 130, 0, serial[i], 70);
        }
        var parallel = new float[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            parallel[i] = new float[90 * 70];
            Gemm.Sgemm(false, true, 90, 70, 130, 1, a.AsSpan(i * 90 * 130), 130, b, 130, 0, parallel[i], 70);
        });
        for (int i = 0; i < 8; i++) Assert.Equal(serial[i], parallel[i]);
    }

    [Fact]
    public void Sgemm_BadArguments_NameTheParameter()
    {
        var small = new float[5];
        var ok = new float[16];
        var e = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 4, 4, 4, 1, small, 4, ok, 4, 0, ok, 4));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("needs 16", e.Message);
        var ld = Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(false, true, 4, 4, 4, 1, ok, 4, ok, 3, 0, ok, 4));
        Assert.Equal("ldb", ld.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(false, false, -1, 4, 4, 1, ok, 4, ok, 4, 0, ok, 4));
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 4, 4, 4, 1, ok, 4, ok, 4, 0, small, 4)).ParamName);
    }
}
