using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace MlNetEmotion.Neural.Kernels;

/// <summary>
/// Single-precision general matrix multiply on row-major spans, BLAS <c>sgemm</c> semantics:
/// <c>C = alpha * op(A) * op(B) + beta * C</c>, where op(X) is X or its transpose.
/// </summary>
/// <remarks>
/// GotoBLAS/BLIS structure: B is packed in blocks of <c>kc × nc</c>, A in blocks of <c>mc × kc</c>, and a
/// register-blocked FMA micro-kernel (6 rows × 2 vectors; AVX-512, else AVX2+FMA, else NEON, else scalar) computes each
/// tile. Blocks of C are handed out to up to <see cref="Threading.NumThreads"/> threads (dynamically, so a
/// descheduled thread does not stall the others); every element is computed by one thread with the same
/// instructions in the same order whichever thread it is, so results are bit-identical for any thread count.
/// A single-row product (m = 1) and an outer product (k = 1, e.g. a batch-1 weight gradient) skip the tiles (see <c>Gemv</c>). Packing buffers are pooled per thread, so concurrent calls from several threads are safe; C must not
/// overlap A or B.
/// </remarks>
public static class Gemm
{
    /// <summary>Depth of a packed block (kc).</summary>
    private const int BlockK = 256;

    /// <summary>Rows of a packed A block (mc), a multiple of the micro-kernel's 6 rows.</summary>
    private const int BlockM = 144;

    /// <summary>Columns of a packed B block (nc).</summary>
    private const int BlockN = 4096;

    /// <summary>Column panels per unit of work when threads split the columns (and when packing B).</summary>
    private const int PanelsPerUnit = 4;

    /// <summary>Up to this many 6-row panels of C (m ≤ 72), an untransposed B is read in place instead of packed.</summary>
    private const int DirectBRowPanels = 12;

    /// <summary>Below this many multiply-adds per thread another thread does not pay for itself.</summary>
    private const long MinWorkPerThread = 1L << 19;

    /// <summary>Computes <c>C = alpha * op(A) * op(B) + beta * C</c> on row-major storage.</summary>
    /// <param name="transA">Use Aᵀ: A is stored as k×m (leading dimension <paramref name="lda"/>).</param>
    /// <param name="transB">Use Bᵀ: B is stored as n×k (leading dimension <paramref name="ldb"/>).</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Storage of A.</param>
    /// <param name="lda">Row stride of A's storage.</param>
    /// <param name="b">Storage of B.</param>
    /// <param name="ldb">Row stride of B's storage.</param>
    /// <param name="beta">Scale of the existing C (0 overwrites C, ignoring NaNs in it).</param>
    /// <param name="c">Storage of C (m×n).</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative or a leading dimension is below the
    /// stored matrix's column count.</exception>
    /// <exception cref="ArgumentException">A span is too short for the matrix it should hold.</exception>
    public static unsafe void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckMatrix(a.Length, transA ? k : m, transA ? m : k, lda, nameof(a), nameof(lda));
        CheckMatrix(b.Length, transB ? n : k, transB ? k : n, ldb, nameof(b), nameof(ldb));
        CheckMatrix(c.Length, m, n, ldc, nameof(c), nameof(ldc));
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0)
        {
            ScaleRows(c, m, n, ldc, beta);
            return;
        }

        if (m == 1)
            Gemv.Multiply(transB, n, k, alpha, a, transA ? lda : 1, b, ldb, beta, c);
        else if (k == 1)
            Gemv.Outer(m, n, alpha, a, transA ? 1 : lda, b, transB ? ldb : 1, beta, c, ldc);
        else if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            Multiply<Avx512Ops, Vector512<float>>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else if (Vector256.IsHardwareAccelerated && Fma.IsSupported)
            Multiply<Avx2Ops, Vector256<float>>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else if (Vector128.IsHardwareAccelerated && AdvSimd.Arm64.IsSupported)
            Multiply<Vector128Ops, Vector128<float>>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else
            Multiply<ScalarOps, float>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>Which micro-kernel <see cref="Sgemm"/> uses on this machine, e.g. <c>AVX2+FMA 6x16</c>.</summary>
    public static string Implementation =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? "AVX-512 6x32"
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? "AVX2+FMA 6x16"
        : Vector128.IsHardwareAccelerated && AdvSimd.Arm64.IsSupported ? "NEON 6x8"
        : "scalar 6x2";

    /// <summary>The packed product with one instruction set; arguments already validated, <c>m, n, k &gt; 0</c>,
    /// <c>alpha ≠ 0</c>. Internal so tests can run every path the machine supports.</summary>
    internal static unsafe void Multiply<TOps, TV>(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        where TOps : struct, ISimdOps<TV> where TV : struct
    {
        fixed (float* pa = a, pb = b, pc = c)
            new GemmDriver<TOps, TV>(new GemmProblem(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc)).Run();
    }

    private static void CheckMatrix(int length, int rows, int cols, int ld, string name, string ldName)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentOutOfRangeException(ldName, ld,
                $"Sgemm: {ldName} must be at least {Math.Max(1, cols)}, the column count of the stored {rows}×{cols} matrix {name}.");
        if (rows == 0 || cols == 0) return;
        long need = (long)(rows - 1) * ld + cols;
        if (length < need)
            throw new ArgumentException(
                $"Sgemm: {name} holds {length} floats but a {rows}×{cols} matrix with leading dimension {ld} needs {need}.", name);
    }

    private static void ScaleRows(Span<float> c, int m, int n, int ldc, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == 0) row.Clear();
            else TensorPrimitives.Multiply(row, beta, row);
        }
    }

    /// <summary>The arguments of one call, as raw pointers (pinned by the caller for the call's duration).</summary>
    private readonly unsafe struct GemmProblem(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        public readonly bool TransA = transA, TransB = transB;
        public readonly int M = m, N = n, K = k, Lda = lda, Ldb = ldb, Ldc = ldc;
        public readonly float Alpha = alpha, Beta = beta;
        public readonly float* A = a, B = b, C = c;
    }

    /// <summary>The blocked loops around the micro-kernel for one vector width.</summary>
    private readonly unsafe struct GemmDriver<TOps, TV>(GemmProblem p) where TOps : struct, ISimdOps<TV> where TV : struct
    {
        private static int PanelWidth => 2 * TOps.Count;

        public void Run()
        {
            int nr = PanelWidth;
            const int mr = GemmMicroKernel.Rows;
            long work = (long)p.M * p.N * p.K;
            int threads = Threading.InParallelLoop ? 1 : (int)Math.Clamp(work / MinWorkPerThread, 1, Threading.NumThreads);
            int rowPanels = (p.M + mr - 1) / mr;
            var bBuffer = PackBuffer.Rent(1, BlockK * RoundUp(Math.Min(p.N, BlockN), nr));
            try
            {
                for (int jc = 0; jc < p.N; jc += BlockN)
                {
                    int nc = Math.Min(BlockN, p.N - jc);
                    int colPanels = (nc + nr - 1) / nr;
                    // Whole row blocks are the cheapest units (A packed once each); split columns too when they are few.
                    int rowBlocks = (rowPanels + BlockM / mr - 1) / (BlockM / mr);
                    bool splitRows = rowBlocks >= 4 * threads;
                    // With few row panels each B panel is used only a few times: read untransposed B in place
                    // (same arithmetic as packed) and pack only a partial last panel.
                    bool directB = !p.TransB && rowPanels <= DirectBRowPanels;
                    int units = splitRows ? rowBlocks : rowBlocks * ((colPanels + PanelsPerUnit - 1) / PanelsPerUnit);
                    int used = Math.Min(threads, units);
                    for (int pc = 0; pc < p.K; pc += BlockK)
                    {
                        var block = new Block(jc, nc, pc, Math.Min(BlockK, p.K - pc), colPanels, splitRows, directB,
                            bBuffer.Pointer, new GemmEpilogue(p.Alpha, p.Beta, pc == 0));
                        if (used == 1)
                        {
                            PackB(block, null);
                            Compute(block, null);
                        }
                        else
                        {
                            var self = this;
                            var packQueue = new WorkQueue();
                            var computeQueue = new WorkQueue();
                            Parallel.For(0, used, Threading.Options, _ => self.PackB(block, packQueue));
                            Parallel.For(0, used, Threading.Options, _ => self.Compute(block, computeQueue));
                        }
                    }
                }
            }
            finally
            {
                PackBuffer.Return(1, bBuffer);
            }
        }

        /// <summary>Packs B's panels in chunks taken from <paramref name="queue"/> (all of them when null).</summary>
        private void PackB(in Block blk, WorkQueue? queue)
        {
            int first = blk.DirectB ? blk.Nc / PanelWidth : 0;
            int chunks = (blk.ColPanels - first + PanelsPerUnit - 1) / PanelsPerUnit;
            int local = 0;
            while (WorkQueue.Take(queue, ref local, chunks, out int u))
            {
                int start = first + u * PanelsPerUnit;
                GemmPacking.PackB(p.TransB, p.B, p.Ldb, blk.Pc, blk.Kc, blk.Jc, blk.Jc + blk.Nc, PanelWidth,
                    start, Math.Min(blk.ColPanels, start + PanelsPerUnit), blk.PackedB);
            }
        }

        /// <summary>Computes units of C taken from <paramref name="queue"/> (all when null). A unit is one mc-row
        /// block × all columns (row split) or × a chunk of column panels; A is repacked only when the unit's row
        /// block changes. Which thread computes a unit does not change its arithmetic.</summary>
        private void Compute(in Block blk, WorkQueue? queue)
        {
            int nr = PanelWidth;
            const int mr = GemmMicroKernel.Rows;
            const int panelsPerBlock = BlockM / mr;
            int rowPanels = (p.M + mr - 1) / mr;
            int rowBlocks = (rowPanels + panelsPerBlock - 1) / panelsPerBlock;
            int colUnits = blk.SplitRows ? 1 : (blk.ColPanels + PanelsPerUnit - 1) / PanelsPerUnit;
            int perUnit = blk.SplitRows ? blk.ColPanels : PanelsPerUnit;
            var aBuffer = PackBuffer.Rent(0, BlockM * blk.Kc);
            try
            {
                float* packedA = aBuffer.Pointer;
                int packedBlock = -1, local = 0;
                while (WorkQueue.Take(queue, ref local, rowBlocks * colUnits, out int u))
                {
                    int rb = u / colUnits, cu = u % colUnits;
                    int ir0 = rb * panelsPerBlock, irEnd = Math.Min(rowPanels, ir0 + panelsPerBlock);
                    if (rb != packedBlock)
                    {
                        int i0 = ir0 * mr;
                        GemmPacking.PackA(p.TransA, p.A, p.Lda, i0, Math.Min(p.M, irEnd * mr) - i0, blk.Pc, blk.Kc, packedA);
                        packedBlock = rb;
                    }
                    int colEnd = Math.Min(blk.ColPanels, (cu + 1) * perUnit);
                    for (int jr = cu * perUnit; jr < colEnd; jr++)
                    {
                        int j = blk.Jc + jr * nr;
                        int cols = Math.Min(nr, blk.Jc + blk.Nc - j);
                        bool inPlace = blk.DirectB && cols == nr;
                        float* bp = inPlace ? p.B + (long)blk.Pc * p.Ldb + j : blk.PackedB + (long)jr * blk.Kc * nr;
                        int ldb = inPlace ? p.Ldb : nr;
                        for (int ir = ir0; ir < irEnd; ir++)
                        {
                            int i = ir * mr;
                            GemmMicroKernel.Run<TOps, TV>(blk.Kc, packedA + (long)(ir - ir0) * blk.Kc * mr, bp, ldb,
                                p.C + (long)i * p.Ldc + j, p.Ldc, Math.Min(mr, p.M - i), cols, blk.Epilogue);
                        }
                    }
                }
            }
            finally
            {
                PackBuffer.Return(0, aBuffer);
            }
        }
    }

    /// <summary>Hands out unit numbers to the threads of one parallel phase.</summary>
    private sealed class WorkQueue
    {
        private int next;

        /// <summary>Takes the next unit below <paramref name="count"/>; without a queue, counts in <paramref name="local"/>.</summary>
        public static bool Take(WorkQueue? queue, ref int local, int count, out int unit)
        {
            unit = queue is null ? local++ : Interlocked.Increment(ref queue.next) - 1;
            return unit < count;
        }
    }

    /// <summary>One (jc, pc) block of the loop nest and how its work is cut into units.</summary>
    private readonly unsafe struct Block(int jc, int nc, int pc, int kc, int colPanels, bool splitRows, bool directB,
        float* packedB, GemmEpilogue epilogue)
    {
        public readonly bool DirectB = directB;
        public readonly int Jc = jc, Nc = nc, Pc = pc, Kc = kc, ColPanels = colPanels;
        public readonly bool SplitRows = splitRows;
        public readonly float* PackedB = packedB;
        public readonly GemmEpilogue Epilogue = epilogue;
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;
}
