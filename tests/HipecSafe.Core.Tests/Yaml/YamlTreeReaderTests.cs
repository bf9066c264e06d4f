using HipecSafe.Core.Yaml;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Yaml;

/// <summary>
/// The one YAML reader behind the profile and scenario loaders: every structural problem is reported with its path
/// and line, the rest of the document is still read, and no input (garbled, huge, deeply nested) escapes as an
/// exception or a crash.
/// </summary>
public class YamlTreeReaderTests
{
    private const string Expected = "a test mapping";

    private static (YamlMapping? Root, List<YamlProblem> Problems) Read(string text)
    {
        var problems = new List<YamlProblem>();
        return (YamlTreeReader.ReadMapping(text, Expected, problems), problems);
    }

    private static YamlNode ValueOf(YamlMapping mapping, string key) => mapping.Entries.Single(e => e.Key == key).Value;

    [Fact]
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void A_document_is_read_as_a_tree_with_the_line_of_every_key_and_value()
    {
        var (root, problems) = Read("name: x\nsection:\n  a: 1\n  b: 'null'\nlist:\n  - 2\n  - { c: 3 }\nempty:\n");

        Assert.Empty(problems);
        Assert.NotNull(root);
        Assert.Equal(["name", "section", "list", "empty"], root.Entries.Select(e => e.Key));
        Assert.Equal([1, 2, 5, 8], root.Entries.Select(e => e.KeyLine));
        var section = Assert.IsType<YamlMapping>(ValueOf(root, "section"));
        Assert.Equal(new YamlScalar("1", false, 3), ValueOf(section, "a"));
        Assert.False(Assert.IsType<YamlScalar>(ValueOf(section, "b")).IsNull); // quoted: the text "null"
        var list = Assert.IsType<YamlSequence>(ValueOf(root, "list"));
        Assert.Equal(new YamlScalar("2", false, 6), list.Items[0]);
        Assert.Equal(7, Assert.IsType<YamlMapping>(list.Items[1]).Line);
        Assert.True(Assert.IsType<YamlScalar>(ValueOf(root, "empty")).IsNull);
    }

    [Fact]
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void Every_duplicate_key_is_reported_with_its_path_and_both_lines_and_the_first_is_kept()
    {
        var (root, problems) = Read("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n");

        Assert.Equal([new YamlProblem("b.c", 4, "appears twice (first at line 3)"), new YamlProblem("a", 5, "appears twice (first at line 1)")], problems);
        Assert.Equal(new YamlScalar("1", false, 1), ValueOf(root!, "a"));
        Assert.Equal(new YamlScalar("2", false, 3), ValueOf(Assert.IsType<YamlMapping>(ValueOf(root!, "b")), "c"));
    }

    [Theory]
    [InlineData("? [a, b]\n: 1\nz: 2\n", "(document)", 1, "expected a field name, found a list or mapping used as a key")]
    [InlineData("s:\n  ? { a: 1 }\n  : 1\nz: 2\n", "s", 2, "expected a field name, found a list or mapping used as a key")]
    [InlineData("\"\": 5\nz: 2\n", "(document)", 1, "a field has no name")]
    [InlineData("l:\n  - ? \n    : 1\nz: 2\n", "l[0]", 2, "a field has no name")]
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void A_key_that_is_not_a_name_is_reported_on_its_mapping_and_left_out(string text, string field, int line, string message)
    {
        var (root, problems) = Read(text);

        Assert.Equal([new YamlProblem(field, line, message)], problems);
        Assert.Equal(new YamlScalar("2", false, LineStarting(text, "z:")), ValueOf(root!, "z"));
    }

    [Fact]
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void An_alias_shares_the_anchored_node_and_carries_its_own_line()
    {
        var (root, problems) = Read("base: &b { x: 1 }\nvalue: &v 42\ncopy: *b\nagain:\n  - *v\n");

        Assert.Empty(problems);
        var copy = Assert.IsType<YamlMapping>(ValueOf(root!, "copy"));
        Assert.Equal(("b", 3), (copy.Alias, copy.Line));
        Assert.Same(((YamlMapping)ValueOf(root!, "base")).Entries, copy.Entries);
        Assert.Null(ValueOf(root!, "base").Alias);
        Assert.Equal(new YamlScalar("42", false, 5) { Alias = "v" }, Assert.IsType<YamlSequence>(ValueOf(root!, "again")).Items[0]);
    }

    [Fact]
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void An_alias_to_nothing_is_reported_once_and_keeps_its_place_in_a_list()
    {
        var (root, problems) = Read("a: *nowhere\nl:\n  - *later\n  - 7\nself: &s [*s]\nlater: &later 1\n");

        Assert.Equal(
            [
                new YamlProblem("a", 1, "*nowhere does not name anything defined above"),
                new YamlProblem("l[0]", 3, "*later does not name anything defined above"),
                new YamlProblem("self[0]", 5, "*s does not name anything defined above"),
            ],
            problems);
        Assert.Equal(new YamlUnreadable(1), ValueOf(root!, "a"));
        var list = Assert.IsType<YamlSequence>(ValueOf(root!, "l"));
        Assert.Equal([new YamlUnreadable(3), new YamlScalar("7", false, 4)], list.Items);
    }

    [Fact]
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void Nesting_of_32_levels_is_read_and_a_33rd_refuses_the_document_naming_path_and_line()
    {
        // The root mapping is level 1; each "k:" opens one more mapping, one per line.
        static string Nested(int levels) => string.Concat(Enumerable.Range(0, levels - 1).Select(i => new string(' ', 2 * i) + "k:\n"))
                                            + new string(' ', 2 * (levels - 1)) + "leaf: 1\n";

        Assert.Empty(Read(Nested(32)).Problems);

        var (root, problems) = Read("a: *nowhere\n" + Nested(33));

        Assert.Null(root);
        Assert.Equal(2, problems.Count);
        Assert.Equal("a", problems[0].Field); // what was found before it still stands
        Assert.Equal(string.Join(".", Enumerable.Repeat("k", 32)), problems[1].Field);
        Assert.Equal(34, problems[1].Line);
        Assert.Equal("is nested more than 32 levels deep; the rest of the file is not read", problems[1].Message);
    }

    [Theory]
    [InlineData("a: ", "[", "]")]
    [InlineData("a: ", "{b: ", "}")]
    [InlineData("a:\n", "- ", "")]
    [InlineData("a: 1\na: ", "[", "]")] // a duplicate is passed over unread, but not into any depth
    [InlineData("? ", "[", "]")] // likewise a key that is a list
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void Nesting_a_hundred_thousand_levels_deep_is_refused_at_the_limit_not_a_crash(string start, string open, string close)
    {
        // Read to the end, YamlDotNet's scanner took minutes over 100,000 "[" and recursion would overflow the stack.
        const int Levels = 100_000;
        var text = start + string.Concat(Enumerable.Repeat(open, Levels)) + "1" + string.Concat(Enumerable.Repeat(close, Levels)) + "\n";

        var (root, problems) = Read(text);

        Assert.Null(root);
        Assert.Equal("is nested more than 32 levels deep; the rest of the file is not read", problems[^1].Message);
        Assert.Equal(start.Count(c => c == '\n') + 1, problems[^1].Line); // the line all the nesting is on
    }

    [Fact]
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void Text_over_one_MiB_is_refused_unread_and_one_MiB_is_read()
    {
        const int OneMiB = 1024 * 1024;
        var fits = "a: " + new string('x', OneMiB - 4) + "\n";
        Assert.Equal(OneMiB, fits.Length);
        Assert.Empty(Read(fits).Problems);

        var (root, problems) = Read(fits + " ");

        Assert.Null(root);
        Assert.Equal([new YamlProblem("(document)", 0, $"the file is {OneMiB + 1} characters long, more than the {OneMiB} read; expected {Expected}")], problems);
    }

    [Theory]
    [InlineData("", 1, "the file is empty; expected a test mapping")]
    [InlineData("# only a comment\n", 1, "the file is empty; expected a test mapping")]
    [InlineData("just words\n", 1, "expected a test mapping, found 'just words'")]
    [InlineData("\n- 1\n- 2\n", 2, "expected a test mapping, found a list")]
    [InlineData("a: 1\n---\nb: 2\n", 2, "found a second document ('---'); expected a test mapping")]
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void A_document_that_is_not_one_mapping_is_refused_saying_what_was_expected(string text, int line, string message)
    {
        var (root, problems) = Read(text);

        Assert.Null(root);
        Assert.Equal([new YamlProblem("(document)", line, message)], problems);
    }

    [Theory]
    [InlineData("a: 1\nb: [2\nc: {\n")]
    [InlineData("a: [0\nb?: 1\n")] // YamlDotNet's scanner throws InvalidOperationException here, not YamlException
    [InlineData("a: 1\na: 2\nb: [3\n")] // the duplicate before the error is not reported: the cause alone is
    [Verifies("SRS-PR-002", "SRS-SC-001")]
    public void A_syntax_error_is_the_only_problem_reported_with_its_line(string text)
    {
        var (root, problems) = Read(text);

        Assert.Null(root);
        var problem = Assert.Single(problems);
        Assert.Equal("(document)", problem.Field);
        Assert.True(problem.Line >= 1, problem.ToString());
        Assert.StartsWith("not valid YAML/JSON: ", problem.Message, StringComparison.Ordinal);
    }

    private static int LineStarting(string text, string fragment) =>
        text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.StartsWith(fragment, StringComparison.Ordinal)).i + 1;
}
