using System.Runtime.CompilerServices;

// Kernel tests run the internal instruction-set paths (scalar, AVX2, AVX-512) directly.
[assembly: InternalsVisibleTo("MlNetEmotion.Neural.Tests")]
