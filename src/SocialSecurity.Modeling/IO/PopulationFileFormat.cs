namespace SocialSecurity.Modeling.IO;

/// <summary>The file formats a population can be read from and written to.</summary>
public enum PopulationFileFormat
{
    /// <summary>Comma-separated (or other delimiter, see <see cref="PopulationFileMapping.Delimiter"/>) text with a header row.</summary>
    Csv,

    /// <summary>Apache Parquet (columnar, compressed, in row groups).</summary>
    Parquet,
}
