using System.Text;

namespace SocialSecurity.Modeling.Internal;

/// <summary>
/// A small RFC 4180 reader: fields separated by one delimiter character, optionally quoted with <c>"</c> (a doubled
/// quote inside is a literal quote; quoted fields may span lines), records ended by LF or CRLF. Reuses its buffers:
/// no allocation per field except the field strings themselves.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly string _file;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private long _nextLine = 1;

    public CsvRecordReader(TextReader reader, char delimiter, string file)
    {
        _reader = reader;
        _delimiter = delimiter;
        _file = file;
    }

    /// <summary>The line on which the last record read started (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input. Blank lines are skipped.</summary>
    public bool Read(out IReadOnlyList<string> fields)
    {
        fields = _fields;
        while (true)
        {
            _fields.Clear();
            _field.Clear();
            Line = _nextLine;
            int c = _reader.Read();
            if (c < 0)
            {
                return false;
            }

            if (c is '\n' or '\r')
            {
                if (c == '\r')
                {
                    SkipLineFeed();
                }

                _nextLine++;
                continue; // blank line
            }

            bool quoted = false;
            bool afterQuote = false;
            while (true)
            {
                if (quoted)
                {
                    if (c < 0)
                    {
                        throw new DataFormatException(_file, $"line {Line}", "a quoted field is not closed before the end of the file");
                    }

                    if (c == '"')
                    {
                        if (_reader.Peek() == '"')
                        {
                            _reader.Read();
                            _field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                            afterQuote = true;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            _nextLine++;
                        }

                        _field.Append((char)c);
                    }
                }
                else if (c < 0 || c == '\n' || c == '\r')
                {
                    if (c == '\r')
                    {
                        SkipLineFeed();
                    }

                    _nextLine++;
                    _fields.Add(_field.ToString());
                    return true;
                }
                else if (c == _delimiter)
                {
                    _fields.Add(_field.ToString());
                    _field.Clear();
                    afterQuote = false;
                }
                else if (c == '"' && _field.Length == 0 && !afterQuote)
                {
                    quoted = true;
                }
                else if (afterQuote)
                {
                    throw new DataFormatException(_file, $"line {Line}, field {_fields.Count + 1}", $"unexpected character '{(char)c}' after a closing quote; expected the delimiter '{_delimiter}' or the end of the line");
                }
                else
                {
                    _field.Append((char)c);
                }

                c = _reader.Read();
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private void SkipLineFeed()
    {
        if (_reader.Peek() == '\n')
        {
            _reader.Read();
        }
    }
}
