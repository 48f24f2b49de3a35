using System.Reflection;
using System.Text.RegularExpressions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Architecture;

/// <summary>
/// The documentation lives in the repository and the references to it resolve: every <c>docs/….md</c> path (with
/// its optional anchor) mentioned in the sources, tests, samples, benchmarks, README and docs exists; relative links
/// between the pages resolve; nothing cites documents that are not in the repository; and every program the library
/// ships has its rule page, <c>docs/rules/&lt;Name&gt;.md</c>, listed in the index.
/// </summary>
public sealed partial class DocumentationTests
{
    // Built by concatenation so that this file does not mention them itself.
    private static readonly string[] ForeignDocuments =
    [
        "DOMAIN" + ".md",
        "METRICS" + ".md",
        "LESSONS" + ".md",
        "Data/parameters/" + "README.md",
        "../" + "shared",
    ];

    /// <summary>Test code that reads reference data kept beside the clone (vectors.json) may name that folder.</summary>
    private static readonly string[] MayNameSharedFolder =
    [
        "tests/SocialSecurity.Modeling.Tests/Metrics/ReferenceFileTests.cs",
    ];

    private static readonly string[] ScannedFolders = ["src", "tests", "samples", "benchmarks", "docs"];
    private static readonly string[] ScannedFiles = ["README.md"];
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".json", ".md", ".ipynb", ".csproj", ".props", ".targets", ".txt", ".yml", ".yaml", ".py", ".r",
    };

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", ".git", ".ipynb_checkpoints",
    };

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    [GeneratedRegex(@"(?<![\w/.])docs/((?:[\w.-]+/)*[\w.-]+?\.md)(?:#([\w-]+))?")]
    private static partial Regex DocsPath();

    [GeneratedRegex(@"\]\((?!https?:|mailto:|#)([^)#\s]+\.md)(?:#([\w-]+))?\)")]
    private static partial Regex RelativeMarkdownLink();

    [GeneratedRegex(@"<a\s+id=""([\w-]+)""")]
    private static partial Regex ExplicitAnchor();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [Fact]
    public void Every_docs_path_mentioned_in_the_repository_resolves_to_a_file_and_anchor()
    {
        var files = RepositoryFiles();
        files.Should().HaveCountGreaterThan(100, "the scan must see the sources, tests, samples and docs");
        var problems = new List<string>();
        int references = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(Root.Value, file));
            foreach (Match match in DocsPath().Matches(text))
            {
                references++;
                var target = "docs/" + match.Groups[1].Value;
                var anchor = match.Groups[2].Success ? match.Groups[2].Value : null;
                var problem = Check(target, anchor);
                if (problem is not null)
                {
                    problems.Add($"{file}: '{match.Value}': {problem}");
                }
            }
        }

        references.Should().BeGreaterThan(100, "the code cites its rule pages, worked examples and indicator definitions");
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Relative_links_between_the_docs_pages_resolve()
    {
        var pages = RepositoryFiles().Where(f => f.StartsWith("docs/", StringComparison.Ordinal) && f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        pages.Should().Contain(["docs/architecture.md", "docs/worked-examples.md", "docs/indicators.md", "docs/parameter-files.md", "docs/writing-a-program.md", "docs/rules/README.md"]);
        var problems = new List<string>();
        int links = 0;
        foreach (var page in pages)
        {
            var text = File.ReadAllText(Path.Combine(Root.Value, page));
            var folder = Path.GetDirectoryName(page)!;
            foreach (Match match in RelativeMarkdownLink().Matches(text))
            {
                links++;
                var target = Path.GetRelativePath(Root.Value, Path.GetFullPath(Path.Combine(Root.Value, folder, match.Groups[1].Value))).Replace('\\', '/');
                var problem = Check(target, match.Groups[2].Success ? match.Groups[2].Value : null);
                if (problem is not null)
                {
                    problems.Add($"{page}: '{match.Value}': {problem}");
                }
            }
        }

        links.Should().BeGreaterThan(50);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Worked_examples_cited_as_example_N_have_their_anchor()
    {
        var anchors = Anchors("docs/worked-examples.md");
        var cited = RepositoryFiles()
            .SelectMany(f => DocsPath().Matches(File.ReadAllText(Path.Combine(Root.Value, f))))
            .Where(m => m.Groups[1].Value == "worked-examples.md" && m.Groups[2].Success)
            .Select(m => m.Groups[2].Value)
            .Distinct()
            .ToList();
        cited.Should().Contain("example-8", "the README's household and the case files cite worked example 8");
        cited.Should().OnlyContain(a => Regex.IsMatch(a, "^example-[0-9]+$"), "worked examples are cited by their number");
        cited.Where(a => !anchors.Contains(a)).Should().BeEmpty("every cited worked example needs its anchor in docs/worked-examples.md");
    }

    [Fact]
    public void Nothing_cites_documents_that_are_not_in_the_repository()
    {
        var files = RepositoryFiles();
        files.Should().Contain("README.md").And.Contain(f => f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal));
        var problems = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(Path.Combine(Root.Value, file));
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (var foreign in ForeignDocuments)
                {
                    if (lines[i].Contains(foreign, StringComparison.Ordinal)
                        && !(foreign.StartsWith("../", StringComparison.Ordinal) && MayNameSharedFolder.Contains(file)))
                    {
                        problems.Add($"{file}:{i + 1}: cites '{foreign}'; cite a page under docs/ instead");
                    }
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_program_the_library_ships_has_a_rule_page_listed_in_the_index()
    {
        var programs = ShippedPrograms();
        programs.Should().HaveCountGreaterThanOrEqualTo(20);
        var index = File.ReadAllText(Path.Combine(Root.Value, "docs", "rules", "README.md"));
        var problems = new List<string>();
        foreach (var name in programs.Keys.Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(Root.Value, "docs", "rules", name + ".md")))
            {
                problems.Add($"program '{name}' ({programs[name]}) has no docs/rules/{name}.md");
            }
            else if (!index.Contains($"]({name}.md)", StringComparison.Ordinal))
            {
                problems.Add($"docs/rules/README.md does not link {name}.md");
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_rule_page_belongs_to_a_program()
    {
        var names = ShippedPrograms().Keys.ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Path.Combine(Root.Value, "docs", "rules"), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != "README")
            .ToList();
        pages.Should().NotBeEmpty();
        pages.Where(p => !names.Contains(p!)).Should().BeEmpty("a rule page is named after a program's Name; rename or remove pages of renamed programs");
    }

    /// <summary>
    /// Every program the built-in packages produce (prerequisites included), and an instance of every concrete
    /// <see cref="PolicyProgram"/> in the library: by its parameterless constructor, or else as produced by a package.
    /// </summary>
    private static Dictionary<string, string> ShippedPrograms()
    {
        var policies = new List<Policy>
        {
            Policies.Standard(),
            AssistancePolicies.Extended(),
            AssistancePolicies.ExtendedWithTargeting(),
            PensionPolicies.WithResidentPension(),
            PensionPolicies.ResidentPensionOnly(),
            PensionPolicies.WithEmployeeAndResidentPensions(),
            PensionPolicies.EmployeePensionOnly(),
            MedicalPayoutProgram.CreatePolicy(AssistancePolicies.Programs()),
            MedicalPayoutProgram.CreatePolicyWithObservedGroups(),

            // MedicalBillDrawProgram needs a spending model, a stream and a replicate: built as the health-shock Monte Carlo builds it.
            new HealthShockSimulation(HealthSpendingModel.Illustrative, ParameterStore.Default, AssistancePolicies.Programs()).ReplicatePolicy(0),

            // The indicators' income alone, as the health-shock replicates split it off.
            Policy.Create(new CatastrophicHealthExpenditureProgram().SplitIncome()),
        };
        var instances = policies.SelectMany(p => p.Programs).Concat(AssistancePolicies.Programs()).ToList();
        var types = typeof(PolicyProgram).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(PolicyProgram).IsAssignableFrom(t))
            .ToList();
        types.Should().HaveCountGreaterThanOrEqualTo(20);
        var problems = new List<string>();
        foreach (var type in types)
        {
            var constructor = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
            if (constructor is not null)
            {
                instances.Add((PolicyProgram)constructor.Invoke(null));
            }
            else if (!instances.Any(p => p.GetType() == type))
            {
                problems.Add($"{type.FullName} has no parameterless constructor and no built-in package uses it; add it to this test so that its rule page is checked");
            }
        }

        problems.Should().BeEmpty();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var program in instances)
        {
            result.TryAdd(program.Name, program.GetType().Name);
        }

        return result;
    }

    private static string? Check(string target, string? anchor)
    {
        var path = Path.Combine(Root.Value, target);
        if (!File.Exists(path))
        {
            return $"no file {target} in the repository";
        }

        if (anchor is not null && !Anchors(target).Contains(anchor))
        {
            return $"{target} has no anchor '#{anchor}'";
        }

        return null;
    }

    private static HashSet<string> Anchors(string page)
    {
        var text = File.ReadAllText(Path.Combine(Root.Value, page));
        var anchors = ExplicitAnchor().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(text))
        {
            anchors.Add(Slug(heading.Groups[1].Value));
        }

        return anchors;
    }

    /// <summary>The anchor GitHub gives a heading: lower case, punctuation removed, spaces as hyphens.</summary>
    private static string Slug(string heading)
    {
        var text = Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{N}\s_-]", string.Empty);
        return Regex.Replace(text, @"\s", "-");
    }

    private static List<string> RepositoryFiles()
    {
        var root = Root.Value;
        var files = new List<string>();
        foreach (var folder in ScannedFolders)
        {
            var start = Path.Combine(root, folder);
            if (Directory.Exists(start))
            {
                Collect(new DirectoryInfo(start), root, files);
            }
        }

        files.AddRange(ScannedFiles.Where(f => File.Exists(Path.Combine(root, f))));
        return files;
    }

    private static void Collect(DirectoryInfo folder, string root, List<string> files)
    {
        foreach (var file in folder.EnumerateFiles())
        {
            if (TextExtensions.Contains(file.Extension))
            {
                files.Add(Path.GetRelativePath(root, file.FullName).Replace('\\', '/'));
            }
        }

        foreach (var sub in folder.EnumerateDirectories())
        {
            if (!SkippedFolders.Contains(sub.Name))
            {
                Collect(sub, root, files);
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialSecurity.Modeling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SocialSecurity.Modeling.sln not found above " + AppContext.BaseDirectory + "; the documentation tests run from a clone of the repository.");
    }
}
