namespace SocialSecurity.Modeling;

/// <summary>
/// A data file (parameters, regions, reforms, populations) is malformed. The message names the file and the
/// JSON path or row and column, and says what was expected.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="location"/> of <paramref name="file"/>.</summary>
    /// <param name="file">The file (or embedded resource) that was being read.</param>
    /// <param name="location">The JSON path, or row and column, inside the file.</param>
    /// <param name="problem">What was wrong and what was expected.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DataFormatException(string file, string location, string problem, Exception? inner = null)
        : base($"{file} at {location}: {problem}", inner)
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    /// <summary>The file (or embedded resource) that was being read.</summary>
    public string File { get; }

    /// <summary>The JSON path, or row and column, of the problem.</summary>
    public string Location { get; }

    /// <summary>What was wrong and what was expected.</summary>
    public string Problem { get; }
}
