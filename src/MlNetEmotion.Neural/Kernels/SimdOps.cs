using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MlNetEmotion.Neural.Kernels;

/// <summary>The few vector operations the GEMM micro-kernel needs, so one generic kernel serves every width.</summary>
/// <typeparam name="TV">Vector type (or <see cref="float"/> for the scalar fallback).</typeparam>
internal unsafe interface ISimdOps<TV> where TV : struct
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes zero.</summary>
    static abstract TV Zero { get; }

    /// <summary>Loads <see cref="Count"/> floats.</summary>
    static abstract TV Load(float* p);

    /// <summary>Stores <see cref="Count"/> floats.</summary>
    static abstract void Store(float* p, TV v);

    /// <summary>Broadcasts one float from memory to every lane.</summary>
    static abstract TV Broadcast(float* p);

    /// <summary>Broadcasts a value to every lane.</summary>
    static abstract TV Splat(float x);

    /// <summary><c>a * b + c</c>, fused (one rounding) on the vector paths.</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    /// <summary>Lane-wise product.</summary>
    static abstract TV Multiply(TV a, TV b);

    /// <summary>Lane-wise sum.</summary>
    static abstract TV Add(TV a, TV b);
}

/// <summary>AVX2 + FMA, 8 lanes.</summary>
internal readonly unsafe struct Avx2Ops : ISimdOps<Vector256<float>>
{
    public static int Count => 8;
    public static Vector256<float> Zero => Vector256<float>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(float* p) => Avx.LoadVector256(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float* p, Vector256<float> v) => Avx.Store(p, v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Broadcast(float* p) => Avx.BroadcastScalarToVector256(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Splat(float x) => Vector256.Create(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Fma.MultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => Avx.Multiply(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => Avx.Add(a, b);
}

/// <summary>AVX-512F, 16 lanes.</summary>
internal readonly unsafe struct Avx512Ops : ISimdOps<Vector512<float>>
{
    public static int Count => 16;
    public static Vector512<float> Zero => Vector512<float>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(float* p) => Avx512F.LoadVector512(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float* p, Vector512<float> v) => Avx512F.Store(p, v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Broadcast(float* p) => Vector512.Create(*p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Splat(float x) => Vector512.Create(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Avx512F.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => Avx512F.Multiply(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => Avx512F.Add(a, b);
}

/// <summary>Portable scalar fallback, 1 lane, unfused multiply-add.</summary>
internal readonly unsafe struct ScalarOps : ISimdOps<float>
{
    public static int Count => 1;
    public static float Zero => 0f;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Load(float* p) => *p;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float* p, float v) => *p = v;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Broadcast(float* p) => *p;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Splat(float x) => x;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float MultiplyAdd(float a, float b, float c) => a * b + c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Multiply(float a, float b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Add(float a, float b) => a + b;
}

/// <summary>Portable 128-bit vectors, 4 lanes (ARM64 NEON; on x86 the AVX2 path is preferred).</summary>
internal readonly unsafe struct Vector128Ops : ISimdOps<Vector128<float>>
{
    public static int Count => 4;
    public static Vector128<float> Zero => Vector128<float>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Load(float* p) => Vector128.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float* p, Vector128<float> v) => v.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Broadcast(float* p) => Vector128.Create(*p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Splat(float x) => Vector128.Create(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Multiply(Vector128<float> a, Vector128<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;
}
