namespace SocialSecurity.Modeling.Internal;

/// <summary>
/// Marks a result type for the convention-based formatter discovery of .NET Interactive (Polyglot Notebooks): the
/// kernel looks on a displayed object's type for an attribute <em>named</em> <c>TypeFormatterSourceAttribute</c>,
/// reads its <see cref="FormatterSourceType"/>, and asks that type's <c>CreateTypeFormatters()</c> for objects with a
/// <c>MimeType</c> and a <c>Format(object, TextWriter)</c> method. So a notebook cell ending with a
/// <c>HouseholdResult</c> shows an HTML table, while the library references no kernel assembly.
/// </summary>
/// <remarks>
/// The formatter source sits in the top layer (SocialSecurity.Modeling.Formatting), above the result types this
/// attribute marks. So that they keep no reference to a layer above them, the attribute finds the source as the one
/// class of this assembly that implements <see cref="INotebookFormatterSource"/> (dependency inversion: the contract
/// lives here, the implementation above).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    private static readonly Lazy<Type> Source = new(() => typeof(TypeFormatterSourceAttribute).Assembly.GetTypes()
        .Single(t => t.IsClass && !t.IsAbstract && typeof(INotebookFormatterSource).IsAssignableFrom(t)));

    /// <summary>The formatter source type (read by the kernel through reflection).</summary>
    public Type FormatterSourceType => Source.Value;

    /// <summary>The MIME types the kernel should prefer for the marked type: HTML first.</summary>
    public string[] PreferredMimeTypes { get; } = ["text/html", "text/plain"];
}

/// <summary>The contract of the notebook formatter source (see <see cref="TypeFormatterSourceAttribute"/>).</summary>
internal interface INotebookFormatterSource
{
    /// <summary>Objects with a <c>MimeType</c> property and a <c>bool Format(object, TextWriter)</c> method.</summary>
    IEnumerable<object> CreateTypeFormatters();
}
