using System.Text;
using CsCheck;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// The UTF-8 fast path for CSV (<see cref="Utf8CsvTableCursor"/>) must read every file exactly as the general path
/// (<see cref="CsvTableCursor"/>, Sylvan.Data.Csv) reads it: the same population, bit for bit, or the same error, with
/// the same file, row, line, column and message, whole and in chunks, whatever the blocks. Each test reads the same
/// files both ways and compares the outcomes.
/// </summary>
public sealed class Utf8CsvPathTests : IDisposable
{
    private const string Households = "household_id,weight,region,area\n1,10,330100,urban\n2,5.5,331125,rural\n3,7,320100,urban\n4,1,650100,rural\n";

    private const string Persons = "person_id,household_id,age,sex,hukou,wages_annual,note\n"
        + "1,1,40,male,urban,36000.5,a\n2,1,38,female,urban,0,b\n3,1,9,female,urban,,c\n4,2,70,male,rural,1234.5678901234567,d\n"
        + "5,2,66,FEMALE,rural,0,e\n6,3,25,male,urban,90000,f\n7,3,24,female,urban,12e3,g\n8,4,51,male,rural,-0,h\n9,4,50,female,rural,0.1,i\n";

    private static readonly PopulationFileMapping Mapping = new() { IgnoredColumns = ["note"] };

    /// <summary>The general path, row by row and with odd blocks, and the fast path with blocks straddling every line (cut by rows, and by bytes: one line a block, or a few).</summary>
    private static readonly StreamSettings[] GeneralSettings = [new(1, 1, ColumnAtATime: false, Utf8Csv: false), new(3, 2, Utf8Csv: false)];

    private static readonly StreamSettings[] FastSettings = [new(1, 1), new(2, 3), new(3, 2), new(5, 4), new(8192), new(8192, 3, Utf8BlockBytes: 1), new(8192, 2, Utf8BlockBytes: 60)];

    private readonly string _directory = Directory.CreateTempSubdirectory("population-utf8-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("plain")]
    [InlineData("crlf")]
    [InlineData("bom")]
    [InlineData("utf16")]
    [InlineData("blank lines")]
    [InlineData("crlf blank lines")]
    [InlineData("no final line end")]
    [InlineData("final lone carriage return")]
    [InlineData("bad number")]
    [InlineData("infinite number")]
    [InlineData("spaces around cells")]
    [InlineData("non-breaking space around a number")]
    [InlineData("non-ASCII code")]
    [InlineData("non-ASCII ignored cell")]
    [InlineData("missing column")]
    [InlineData("unknown column")]
    [InlineData("header cells with spaces")]
    [InlineData("duplicate header")]
    [InlineData("quoted header")]
    [InlineData("quoted newline")]
    [InlineData("quoted newline in the first row")]
    [InlineData("quoted cell")]
    [InlineData("malformed quote")]
    [InlineData("unclosed quote")]
    [InlineData("lone carriage return")]
    [InlineData("trailing delimiter")]
    [InlineData("trailing delimiter in the header")]
    [InlineData("too few fields")]
    [InlineData("line of spaces")]
    [InlineData("empty file")]
    [InlineData("only blank lines")]
    [InlineData("header only")]
    [InlineData("orphan person")]
    [InlineData("unknown region")]
    [InlineData("custom delimiter")]
    public void A_file_is_read_as_the_general_path_reads_it(string change)
    {
        var (households, persons, mapping, encoding) = Changed(change);
        SameOutcome(Write("households.csv", households, encoding), Write("persons.csv", persons, encoding), mapping);
    }

    [Fact]
    public void A_mapping_that_recodes_values_is_read_row_by_row_from_the_same_cells()
    {
        var mapping = new PopulationFileMapping
        {
            IgnoredColumns = ["note"],
            Persons = new Dictionary<string, FieldMapping> { ["sex"] = new("sex") { Values = new Dictionary<string, string> { ["m"] = "male", ["f"] = "female", ["女"] = "female" } } },
        };
        var persons = Persons.Replace(",male,", ",m,").Replace(",female,", ",f,").Replace(",FEMALE,", ",女,");
        SameOutcome(Write("households.csv", Households), Write("persons.csv", persons), mapping);
        SameOutcome(Write("households.csv", Households), Write("persons.csv", persons.Replace("7,3,24,f,", "7,3,24,x,")), mapping);
    }

    [Fact]
    public void White_space_trimmed_from_byte_cells_is_the_ASCII_white_space_of_the_character_cells()
    {
        for (int b = 0; b < 128; b++)
        {
            Utf8CsvTableCursor.IsSpace((byte)b).Should().Be(char.IsWhiteSpace((char)b), $"byte {b}");
        }
    }

    [Fact]
    public void Random_populations_written_to_csv_are_read_the_same_by_both_paths()
    {
        Gen.Select(TestPopulations.Households(1, 40), Gen.Int[1, 17], Gen.Int[1, 4], Gen.Int[1, 9], Gen.Int[1, 400]).Sample(sample =>
        {
            var ((households, persons), blockRows, ahead, chunk, blockBytes) = sample;
            var population = TestPopulations.Build(households, persons);
            var folder = Directory.CreateDirectory(Path.Combine(_directory, Guid.NewGuid().ToString("N"))).FullName; // samples run in parallel
            var (h, p) = (Path.Combine(folder, "households.csv"), Path.Combine(folder, "persons.csv"));
            PopulationCsv.Write(population, h, p);
            var general = PopulationReader.ReadWith(new StreamSettings(blockRows, ahead, Utf8Csv: false), h, p);
            PopulationAssert.Identical(general, population);
            PopulationAssert.Identical(PopulationReader.ReadWith(new StreamSettings(blockRows, ahead), h, p), general);
            PopulationAssert.Identical(PopulationReader.ReadWith(new StreamSettings(8192, ahead, Utf8BlockBytes: blockBytes), h, p), general);
            PopulationAssert.Identical(PopulationReader.Read(h, p), general);
            var chunks = PopulationReader.ReadChunks(h, p, chunk).ToList();
            var generalChunks = PopulationReader.ReadChunksWith(new StreamSettings(blockRows, ahead, Utf8Csv: false), h, p, chunk).ToList();
            var byteBlockChunks = PopulationReader.ReadChunksWith(new StreamSettings(blockRows, ahead, Utf8BlockBytes: blockBytes), h, p, chunk).ToList();
            chunks.Should().HaveCount(generalChunks.Count);
            byteBlockChunks.Should().HaveCount(generalChunks.Count);
            for (int i = 0; i < chunks.Count; i++)
            {
                PopulationAssert.Identical(chunks[i], generalChunks[i]);
                PopulationAssert.Identical(byteBlockChunks[i], generalChunks[i]);
            }
        }, iter: 25);
    }

    [Fact]
    public void Randomly_damaged_files_give_the_same_population_or_the_same_error_on_both_paths()
    {
        // Cells replaced with numbers, codes, spaces, quotes, line breaks, non-ASCII text; blank lines, CRLF, a
        // byte order mark and trailing delimiters added: whatever the change, the outcome must be the general path's.
        string[] cells =
        [
            string.Empty, " ", "0", "-0", "+3", "40", "1e1", "4x", "4.0", "1.5", "99999999999", "12345678901234567890", "0x10",
            "NaN", "Infinity", "1E400", "male", "FEMALE", "urban", " rural ", "\"40\"", "\"4\n0\"", "\"a,b\"", "4\"0", "\r", "é",
            "\u00A040", "40\u00A0", "\u0664\u0660", "\t7\t", "1,2", "330100", "999999", "1.00000000000000011", "\0", "\08", "#1",
        ];
        var edit = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100], Gen.Int[0, 6], Gen.Int[0, cells.Length - 1]);
        Gen.Select(edit.Array[0, 4], Gen.Bool, Gen.Bool, Gen.Int[0, FastSettings.Length - 1]).Sample(sample =>
        {
            var (edits, crlf, bom, fast) = sample;
            var lines = Persons.TrimEnd('\n').Split('\n').ToList();
            foreach (var (kind, row, column, cell) in edits)
            {
                int line = 1 + (row % (lines.Count - 1));
                switch (kind)
                {
                    case 0:
                    case 1:
                        var fields = lines[line].Split(',');
                        fields[column % fields.Length] = cells[cell];
                        lines[line] = string.Join(',', fields);
                        break;
                    case 2:
                        lines.Insert(line, row % 2 == 0 ? string.Empty : "\r");
                        break;
                    case 3:
                        lines[line] += ",";
                        break;
                    case 4:
                        lines[line] = " " + lines[line].Replace(",", " ,\t");
                        break;
                    default:
                        lines.Insert(line, lines[line]); // a duplicated person
                        break;
                }
            }

            var text = string.Join(crlf ? "\r\n" : "\n", lines) + "\n";
            var encoding = new UTF8Encoding(bom);
            var folder = Guid.NewGuid().ToString("N"); // samples run in parallel
            Directory.CreateDirectory(Path.Combine(_directory, folder));
            var h = Write(Path.Combine(folder, "households.csv"), Households, encoding);
            var p = Write(Path.Combine(folder, "persons.csv"), text, encoding);
            SameOutcome(h, p, Mapping, [FastSettings[fast]]);
        }, iter: 150);
    }

    /// <summary>Reads the files whole and in chunks, on the general path and on the fast path, and asserts the same population or the same error.</summary>
    private static void SameOutcome(string households, string persons, PopulationFileMapping mapping, StreamSettings[]? fastSettings = null)
    {
        foreach (var general in GeneralSettings)
        {
            var expected = Outcome(() => PopulationReader.ReadWith(general, households, persons, mapping));
            var expectedChunks = Outcome(() => Chunks(general));
            foreach (var fast in fastSettings ?? FastSettings)
            {
                Same(Outcome(() => PopulationReader.ReadWith(fast, households, persons, mapping)), expected);
                Same(Outcome(() => Chunks(fast)), expectedChunks);
            }

            Same(Outcome(() => PopulationReader.Read(households, persons, mapping)), expected);
            Same(Outcome(() => PopulationReader.ReadChunks(households, persons, 2, mapping).ToList()), expectedChunks);
        }

        List<SocialSecurity.Modeling.Core.Population> Chunks(StreamSettings settings) => PopulationReader.ReadChunksWith(settings, households, persons, 2, mapping).ToList();
    }

    /// <summary>What a read gives: its value, or its error's type and message.</summary>
    internal static (T? Value, string? Error) Outcome<T>(Func<T> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception e) when (e is DataFormatException or FileNotFoundException)
        {
            return (default, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Asserts two outcomes are the same: the same error, or populations identical bit for bit.</summary>
    internal static void Same<T>((T? Value, string? Error) actual, (T? Value, string? Error) expected)
    {
        actual.Error.Should().Be(expected.Error);
        switch (actual.Value, expected.Value)
        {
            case (SocialSecurity.Modeling.Core.Population a, SocialSecurity.Modeling.Core.Population e):
                PopulationAssert.Identical(a, e);
                break;
            case (List<SocialSecurity.Modeling.Core.Population> a, List<SocialSecurity.Modeling.Core.Population> e):
                a.Should().HaveCount(e.Count);
                for (int i = 0; i < a.Count; i++)
                {
                    PopulationAssert.Identical(a[i], e[i]);
                }

                break;
        }
    }

    /// <summary>The base files with one named change.</summary>
    private static (string Households, string Persons, PopulationFileMapping Mapping, Encoding Encoding) Changed(string change)
    {
        var utf8 = new UTF8Encoding(false);
        var rows = Persons;
        return change switch
        {
            "plain" => (Households, rows, Mapping, utf8),
            "crlf" => (Households.Replace("\n", "\r\n"), rows.Replace("\n", "\r\n"), Mapping, utf8),
            "bom" => (Households, rows, Mapping, new UTF8Encoding(true)),
            "utf16" => (Households, rows, Mapping, Encoding.Unicode),
            "blank lines" => ("\n\n" + Households.Replace("\n2,", "\n\n\n2,"), "\n" + rows.Replace("\n5,", "\n\n5,") + "\n\n", Mapping, utf8),
            "crlf blank lines" => (Households.Replace("\n", "\r\n\r\n"), "\r\n" + rows.Replace("\n", "\r\n\r\n"), Mapping, utf8),
            "no final line end" => (Households.TrimEnd('\n'), rows.TrimEnd('\n'), Mapping, utf8),
            "final lone carriage return" => (Households, rows.TrimEnd('\n') + "\r", Mapping, utf8),
            "bad number" => (Households, rows.Replace("6,3,25,", "6,3,2x5,"), Mapping, utf8),
            "infinite number" => (Households.Replace("3,7,", "3,1e400,"), rows, Mapping, utf8),
            "spaces around cells" => (Households.Replace(",", " , "), rows.Replace(",", "\t,  "), Mapping, utf8),
            "non-breaking space around a number" => (Households, rows.Replace("6,3,25,", "6,3,\u00A025\u00A0,"), Mapping, utf8),
            "non-ASCII code" => (Households, rows.Replace("7,3,24,female", "7,3,24,女"), Mapping, utf8),
            "non-ASCII ignored cell" => (Households, rows.Replace(",g\n", ",日本語 é\n"), Mapping, utf8),
            "missing column" => (Households, rows.Replace("person_id,household_id,age,", "person_id,household_id,").Replace(",40,", ","), Mapping, utf8),
            "unknown column" => (Households, rows.Replace(",note\n", ",nte\n"), Mapping, utf8),
            "header cells with spaces" => (Households.Replace("weight,", " weight\t,"), rows, Mapping, utf8),
            "duplicate header" => (Households, rows.Replace(",note\n", ",age\n"), Mapping, utf8),
            "quoted header" => (Households.Replace("weight", "\"weight\""), rows, Mapping, utf8),
            "quoted newline" => (Households, rows.Replace(",h\n", ",\"two\nlines, and a comma\"\n"), Mapping, utf8),
            "quoted newline in the first row" => (Households, rows.Replace(",a\n", ",\"two\r\nlines\"\n"), Mapping, utf8),
            "quoted cell" => (Households.Replace("5.5", "\"5.5\""), rows.Replace(",90000,", ",\"90000\","), Mapping, utf8),
            "malformed quote" => (Households, rows.Replace("8,4,51,", "8,4,\"5\"1,"), Mapping, utf8),
            "unclosed quote" => (Households, rows.Replace("8,4,51,", "8,4,\"51,"), Mapping, utf8),
            "lone carriage return" => (Households, rows.Replace(",e\n", ",e\r"), Mapping, utf8),
            "trailing delimiter" => (Households, rows.Replace(",f\n", ",f,\n"), Mapping, utf8),
            "trailing delimiter in the header" => (Households.Replace("area\n", "area,\n"), rows, Mapping, utf8),
            "too few fields" => (Households, rows.Replace(",f\n", "\n"), Mapping, utf8),
            "line of spaces" => (Households, rows.Replace("\n6,", "\n   \n6,"), Mapping, utf8),
            "empty file" => (Households, string.Empty, Mapping, utf8),
            "only blank lines" => ("\n\r\n\n", rows, Mapping, utf8),
            "header only" => (Households, "person_id,household_id,age,sex,hukou,wages_annual,note\n", Mapping, utf8),
            "orphan person" => (Households, rows.Replace("9,4,50,", "9,5,50,"), Mapping, utf8),
            "unknown region" => (Households.Replace("650100", "650199"), rows, Mapping, utf8),
            "custom delimiter" => (Households.Replace(',', '|'), rows.Replace(',', '|'), new PopulationFileMapping { IgnoredColumns = ["note"], Delimiter = '|' }, utf8),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
    }

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }
}
