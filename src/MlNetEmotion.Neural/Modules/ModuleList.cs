using System.Collections;
using System.Globalization;

namespace MlNetEmotion.Neural.Modules;

/// <summary>An indexable list of registered sub-modules named "0", "1", … (<c>torch.nn.ModuleList</c>).</summary>
/// <typeparam name="T">Module type held.</typeparam>
public sealed class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
{
    private readonly List<T> items = [];

    /// <summary>Creates the list from <paramref name="modules"/>.</summary>
    public ModuleList(params T[] modules) : base("ModuleList")
    {
        foreach (var m in modules) append(m);
    }

    /// <summary>Appends and registers a module; returns this list.</summary>
    public ModuleList<T> append(T module)
    {
        register_module(items.Count.ToString(CultureInfo.InvariantCulture), module);
        items.Add(module);
        return this;
    }

    /// <summary>The module at <paramref name="index"/>.</summary>
    public T this[int index] => items[index];

    /// <summary>Number of modules.</summary>
    public int Count => items.Count;

    /// <summary>Enumerates the modules in order.</summary>
    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
