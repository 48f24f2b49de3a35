using System.Text;
using Parquet;
using Parquet.Schema;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// A table file written under a temporary name (<c>path + ".partial"</c>) and moved to its path only when
/// <see cref="Complete"/> is called; disposing it unfinished deletes the temporary file, so the file at the path is
/// either whole or absent. Opens a Snappy-compressed Parquet writer or a UTF-8 CSV writer (header written) for the
/// given fields. The streamed writers (<see cref="SimulationResultWriter"/>, <see cref="ProjectionPanelWriter"/>)
/// keep one of these and write their rows through <see cref="Parquet"/> or <see cref="Csv"/>.
/// </summary>
internal sealed class PartialTableFile : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private FileStream? _stream;
    private bool _completed;

    /// <summary>Creates the temporary file and the writer for <paramref name="format"/>.</summary>
    public PartialTableFile(string path, PopulationFileFormat format, DataField[] fields)
    {
        _path = path;
        _temporary = path + ".partial";
        _stream = File.Create(_temporary);
        if (format == PopulationFileFormat.Parquet)
        {
            Parquet = ParquetWriter.CreateAsync(new ParquetSchema(fields), _stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).GetAwaiter().GetResult();
        }
        else
        {
            Csv = new StreamWriter(_stream, new UTF8Encoding(false));
            Csv.WriteLine(string.Join(',', fields.Select(f => f.Name)));
        }
    }

    /// <summary>The Parquet writer, or <see langword="null"/> for a CSV file or once closed.</summary>
    public ParquetWriter? Parquet { get; private set; }

    /// <summary>The CSV writer, or <see langword="null"/> for a Parquet file or once closed.</summary>
    public StreamWriter? Csv { get; private set; }

    /// <summary>Whether the file is still open for writing.</summary>
    public bool IsOpen => _stream is not null;

    /// <summary>Finishes the file and moves it to its path.</summary>
    public void Complete()
    {
        Close();
        File.Move(_temporary, _path, overwrite: true);
        _completed = true;
    }

    /// <summary>Closes the file; deletes it unless <see cref="Complete"/> was called.</summary>
    public void Dispose()
    {
        if (_stream is null)
        {
            return;
        }

        Close();
        if (!_completed)
        {
            File.Delete(_temporary);
        }
    }

    private void Close()
    {
        Parquet?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Csv?.Dispose();
        _stream?.Dispose();
        Parquet = null;
        Csv = null;
        _stream = null;
    }
}
