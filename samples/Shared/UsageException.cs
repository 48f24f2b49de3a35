namespace SampleSupport;

/// <summary>A command-line error: one line naming the flag, the value given and what is allowed (exit code 2).</summary>
/// <remarks>Shared by the samples that take options (linked into each project from <c>samples/Shared</c>).</remarks>
internal sealed class UsageException(string message) : Exception(message);
