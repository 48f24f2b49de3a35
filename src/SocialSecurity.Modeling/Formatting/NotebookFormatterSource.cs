using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Formatting;

/// <summary>
/// The formatter source that .NET Interactive finds through the result types' <c>TypeFormatterSourceAttribute</c>
/// (convention-based: no kernel types are referenced). It offers one HTML formatter for every result type that
/// <see cref="ResultHtml"/> renders; plain text stays the types' own <c>ToString()</c>.
/// </summary>
internal sealed class NotebookFormatterSource : INotebookFormatterSource
{
    /// <summary>The formatters, read by the kernel through reflection.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter();
    }

    /// <summary>A formatter by convention: a MIME type and a <c>Format(object, TextWriter)</c> method.</summary>
    internal sealed class HtmlFormatter
    {
        /// <summary>The MIME type this formatter writes.</summary>
        public string MimeType => "text/html";

        /// <summary>Writes <paramref name="instance"/> as HTML; <see langword="false"/> for a type it does not know.</summary>
        /// <param name="instance">The object displayed.</param>
        /// <param name="writer">Where the HTML goes.</param>
        public bool Format(object instance, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            string? html = instance switch
            {
                HouseholdResult household => ResultHtml.Format(household),
                ReformComparison comparison => ResultHtml.Format(comparison),
                SimulationResult run => ResultHtml.Format(run),
                ValidationTable table => ValidationHtml.Format(table),
                ProjectionResult projection => ProjectionHtml.Format(projection),
                _ => null,
            };
            if (html is null)
            {
                return false;
            }

            writer.Write(html);
            return true;
        }
    }
}
