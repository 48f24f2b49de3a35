namespace SampleSupport;

/// <summary>
/// The <c>--out</c> folder: checked before the run, written through a temporary folder next to it and moved into
/// place at the end, so a failure leaves no partial output.
/// </summary>
internal sealed class OutputFolder
{
    private OutputFolder(string target) => Target = target;

    /// <summary>The full path of the target folder.</summary>
    public string Target { get; }

    /// <summary>Checks that <paramref name="path"/> is not a file and that it (or the folder it would be created in) is writable.</summary>
    /// <exception cref="UsageException">It cannot be used, with the reason.</exception>
    public static OutputFolder Check(string path)
    {
        string target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            throw new UsageException($"--out '{path}' is an existing file; allowed: a folder that exists or can be created.");
        }

        string parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(target)) ?? target;
        try
        {
            Directory.CreateDirectory(parent);
            Probe(parent);
            if (Directory.Exists(target))
            {
                Probe(target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"--out '{path}' cannot be written ({e.Message}); allowed: a folder that exists or can be created, in a writable folder.");
        }

        return new OutputFolder(target);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a fresh temporary folder next to the target, then moves its files into the
    /// target (replacing files of the same name); on any failure the temporary folder is removed and the target is
    /// left as it was.
    /// </summary>
    public void WriteAtomically(Action<string> write)
    {
        string temporary = TemporaryName();
        Directory.CreateDirectory(temporary);
        try
        {
            write(temporary);
            if (!Directory.Exists(Target))
            {
                Directory.Move(temporary, Target);
                return;
            }

            foreach (var file in Directory.GetFiles(temporary))
            {
                File.Move(file, Path.Combine(Target, Path.GetFileName(file)), overwrite: true);
            }
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private string TemporaryName()
    {
        string trimmed = Path.TrimEndingDirectorySeparator(Target);
        return Path.Combine(Path.GetDirectoryName(trimmed)!, $".{Path.GetFileName(trimmed)}.tmp-{Environment.ProcessId}");
    }

    private static void Probe(string folder)
    {
        string probe = Path.Combine(folder, $".write-probe-{Environment.ProcessId}");
        File.WriteAllText(probe, string.Empty);
        File.Delete(probe);
    }
}
