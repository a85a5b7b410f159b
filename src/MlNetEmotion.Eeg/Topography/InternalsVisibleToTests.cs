using System.Runtime.CompilerServices;

// The topography tests check the exact geometric predicates directly.
[assembly: InternalsVisibleTo("MlNetEmotion.Eeg.Tests")]
