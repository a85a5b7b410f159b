using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.ML.Runtime;

namespace MlNetEmotion;

/// <summary>
/// The ML.NET environment behind a catalog (<c>mlContext.Transforms</c>, <c>mlContext.Data</c>, ...), for the steps
/// this toolkit adds to ML.NET's catalogs: component seeds drawn in creation order from the context's seed (as ML.NET's
/// own components draw theirs), log messages on <see cref="MLContext.Log"/>, and progress events.
/// </summary>
/// <remarks>ML.NET keeps a catalog's environment behind an internal interface; it is read here by reflection, once per
/// catalog type. Every catalog of one <see cref="MLContext"/> shares that context's environment.</remarks>
public static class CatalogEnvironment
{
    private static readonly ConditionalWeakTable<IHostEnvironment, ProgressReporter> Reporters = new();
    private static readonly Type InternalCatalog = typeof(TransformsCatalog).GetInterfaces().Single(i => i.Name == "IInternalCatalog");
    private static readonly PropertyInfo EnvironmentProperty = InternalCatalog.GetProperty("Environment", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new PlatformNotSupportedException("This Microsoft.ML has no IInternalCatalog.Environment.");

    /// <summary>The environment of <paramref name="catalog"/>, any of ML.NET's catalogs.</summary>
    /// <param name="catalog">A catalog object of an <see cref="MLContext"/>.</param>
    /// <exception cref="ArgumentException">The object is not an ML.NET catalog.</exception>
    public static IHostEnvironment Of(object catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!InternalCatalog.IsInstanceOfType(catalog))
            throw new ArgumentException($"{catalog.GetType().Name} is not an ML.NET catalog.", nameof(catalog));
        return (IHostEnvironment)EnvironmentProperty.GetValue(catalog)!;
    }

    /// <summary>The environment of <paramref name="context"/>.</summary>
    /// <param name="context">The context.</param>
    public static IHostEnvironment Of(MLContext context) => Of(context.Data);

    /// <summary>Draws the next component seed from the environment (deterministic for a seeded <see cref="MLContext"/>).</summary>
    /// <param name="environment">The environment.</param>
    public static int NextSeed(this IHostEnvironment environment) => environment.Register("MlNetEmotion").Rand.Next();

    /// <summary>Writes an informational message to the context's <see cref="MLContext.Log"/>.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="source">The component writing.</param>
    /// <param name="message">The text.</param>
    public static void WriteLog(this IHostEnvironment environment, string source, string message)
    {
        using var channel = environment.Start(source);
        channel.Info(MessageSensitivity.None, message);
    }

    /// <summary>The progress events of the environment's context.</summary>
    /// <param name="environment">The environment.</param>
    public static ProgressReporter Progress(this IHostEnvironment environment) => Reporters.GetValue(environment, _ => new ProgressReporter());

    /// <summary>Reports progress of a named stage.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="stage">What is running.</param>
    /// <param name="completed">Units done.</param>
    /// <param name="total">Units in all (−1 when unknown).</param>
    public static void ReportProgress(this IHostEnvironment environment, string stage, long completed, long total) =>
        environment.Progress().Report(stage, completed, total);
}

/// <summary>Progress of the long operations of one <see cref="MLContext"/> (scanning a corpus, caching features,
/// cross-validation folds, training epochs): <c>mlContext.Progress().Changed += ...</c>, e.g. to draw progress bars.</summary>
public sealed class ProgressReporter
{
    /// <summary>Raised as long operations advance; may be raised from any thread.</summary>
    public event EventHandler<ProgressEventArgs>? Changed;

    /// <summary>Raises <see cref="Changed"/>.</summary>
    /// <param name="stage">What is running.</param>
    /// <param name="completed">Units done.</param>
    /// <param name="total">Units in all.</param>
    public void Report(string stage, long completed, long total) => Changed?.Invoke(this, new ProgressEventArgs(stage, completed, total));
}

/// <summary>Progress of a long operation.</summary>
/// <param name="Stage">What is running, e.g. "Cross-validation" or "Mlp epoch".</param>
/// <param name="Completed">Units done.</param>
/// <param name="Total">Units in all.</param>
public sealed record ProgressEventArgs(string Stage, long Completed, long Total)
{
    /// <summary>Completed / Total in [0, 1].</summary>
    public double Fraction => Total <= 0 ? 1 : Math.Clamp((double)Completed / Total, 0, 1);
}

/// <summary>Progress on <see cref="MLContext"/> itself.</summary>
public static class ProgressExtensions
{
    /// <summary>The progress events of <paramref name="context"/>.</summary>
    /// <param name="context">The context.</param>
    public static ProgressReporter Progress(this MLContext context) => CatalogEnvironment.Of(context).Progress();
}
