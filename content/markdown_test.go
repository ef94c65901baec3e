package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// spanText is the text of b under its first span of kind k, and its Arg.
func spanText(b Block, k SpanKind) (string, string, bool) {
	for _, s := range b.Spans {
		if s.Kind == k {
			return b.Text[s.Start:s.End], s.Arg, true
		}
	}
	return "", "", false
}

func TestMarkdownBlocks(t *testing.T) {
	src := "# عنوان\n\n" +
		"متن **پررنگ** و *کج* و ~~خط‌خورده~~ با `/opt/marzban/.env` و [پیوند](https://example.com/a \"t\").\n" +
		"خط دوم  \nبعد از شکست.\n\n" +
		"## بخش\n\n" +
		"- یک\n- دو\n  - سه\n\n" +
		"1. اول\n2. دوم\n\n" +
		"- [x] انجام شد\n- [ ] مانده\n\n" +
		"> نقل\n> > تو در تو\n\n" +
		"```nginx\nserver {\n\tlisten 443;\n}\n```\n\n" +
		"| نام | مقدار |\n|:---|---:|\n| `PORT` | ۸۰۰۰ |\n\n" +
		"---\n\n" +
		"<p align=\"center\"><img src=\"logo.png\" alt=\"نشان\"> <a href=\"https://x.ir\">سایت</a></p>\n\n" +
		"خط<br>بعدی و <b>درشت</b> &amp; \\*ستاره\\*\n"
	doc := ParseMarkdown([]byte(src), "t.md")
	if doc.Format != FormatMarkdown || doc.Meta.Title != "" {
		t.Fatalf("format %v, title %q", doc.Format, doc.Meta.Title)
	}
	var kinds []string
	for _, b := range doc.Blocks {
		kinds = append(kinds, b.Kind.String())
	}
	want := "heading paragraph heading list item list item list item list item list item list item list item paragraph paragraph code table rule paragraph paragraph"
	if strings.Join(kinds, " ") != want {
		t.Fatalf("kinds:\n%s\nwant\n%s", strings.Join(kinds, " "), want)
	}
	b := doc.Blocks
	t.Run("heading", func(t *testing.T) {
		if b[0].Text != "عنوان" || b[0].Level != 1 || b[0].Break || b[2].Level != 2 || !b[2].Break {
			t.Errorf("%+v %+v", b[0], b[2])
		}
	})
	t.Run("inline", func(t *testing.T) {
		p := b[1]
		for k, want := range map[SpanKind]string{Strong: "پررنگ", Emphasis: "کج", Strike: "خط‌خورده", InlineCode: "/opt/marzban/.env", Link: "پیوند"} {
			if got, _, _ := spanText(p, k); got != want {
				t.Errorf("%v: %q, want %q", k, got, want)
			}
		}
		if _, url, _ := spanText(p, Link); url != "https://example.com/a" {
			t.Errorf("link URL %q", url)
		}
		if strings.ContainsAny(p.Text, "*`[]~") {
			t.Errorf("syntax left in %q", p.Text)
		}
		if !strings.Contains(p.Text, ". خط دوم\nبعد از") {
			t.Errorf("soft break not a space or hard break not a line feed: %q", p.Text)
		}
	})
	t.Run("lists", func(t *testing.T) {
		for i, w := range []struct {
			text    string
			indent  uint8
			ordered bool
			n       int
			task    Task
			brk     bool
		}{
			{"یک", 1, false, 0, NoTask, true}, {"دو", 1, false, 0, NoTask, false}, {"سه", 2, false, 0, NoTask, false},
			{"اول", 1, true, 1, NoTask, true}, {"دوم", 1, true, 2, NoTask, false},
			{"انجام شد", 1, false, 0, Checked, true}, {"مانده", 1, false, 0, Unchecked, false},
		} {
			it := b[3+i]
			if it.Text != w.text || it.Indent != w.indent || it.Attrs.Item.Ordered != w.ordered || it.Attrs.Item.Ordinal != w.n || it.Attrs.Item.Task != w.task || it.Break != w.brk {
				t.Errorf("item %d: %q indent %d %+v break %v", i, it.Text, it.Indent, it.Attrs.Item, it.Break)
			}
		}
	})
	t.Run("quotes", func(t *testing.T) {
		if b[10].Text != "نقل" || b[10].Quote != 1 || b[11].Text != "تو در تو" || b[11].Quote != 2 {
			t.Errorf("%+v %+v", b[10], b[11])
		}
	})
	t.Run("code", func(t *testing.T) {
		c := b[12]
		if c.Text != "server {\n    listen 443;\n}" || c.Attrs.Lang != "nginx" {
			t.Errorf("%q %+v", c.Text, c.Attrs)
		}
	})
	t.Run("table", func(t *testing.T) {
		tb := b[13]
		td := tb.Attrs.Table
		cell := func(r, c int) string { x := td.Rows[r][c]; return tb.Text[x.Start:x.End] }
		if !td.Header || len(td.Rows) != 2 || cell(0, 0) != "نام" || cell(0, 1) != "مقدار" || cell(1, 0) != "PORT" || cell(1, 1) != "۸۰۰۰" {
			t.Errorf("%q %+v", tb.Text, td)
		}
		if len(td.Align) != 2 || td.Align[0] != AlignLeft || td.Align[1] != AlignRight {
			t.Errorf("align %v", td.Align)
		}
		if got, _, _ := spanText(tb, InlineCode); got != "PORT" {
			t.Errorf("code in a cell: %q", got)
		}
	})
	t.Run("html", func(t *testing.T) {
		h := b[15]
		if strings.Contains(h.Text, "<") || !strings.Contains(h.Text, "نشان") || !strings.Contains(h.Text, "سایت") {
			t.Errorf("HTML block: %q", h.Text)
		}
		last := b[16]
		if last.Text != "خط\nبعدی و درشت & *ستاره*" {
			t.Errorf("inline HTML: %q", last.Text)
		}
		if got, _, _ := spanText(last, Strong); got != "درشت" {
			t.Errorf("<b>: %q", got)
		}
	})
}

// Control characters in Markdown are placeholders, in prose and in code.
func TestMarkdownControls(t *testing.T) {
	doc := ParseMarkdown([]byte("متن \x1b[31m قرمز\n\n```\na\x07b\n```\n"), "x")
	for _, b := range doc.Blocks {
		if strings.ContainsAny(b.Text, "\x1b\x07") || len(b.Controls()) != 1 {
			t.Errorf("%v %q: controls %v", b.Kind, b.Text, b.Controls())
		}
	}
}

func TestSniffMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"headings", "# عنوان\n\nمتن\n\n## بخش\n", true},
		{"fence and link", "متن\n\n```bash\nls\n```\n[سایت](https://x.ir)\n", true},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n\n**bold** text\n", true},
		{"links", "[a](https://a.ir) [b](https://b.ir) [c](./c.md)\n", true},
		{"prose", "پوتین بر توسعه روابط تأکید کرد.\n\n- این یک خط است\n", false},
		{"subtitle", "1\n00:00:01,000 --> 00:00:02,000\nسلام\n", false},
		{"log", "2024-01-01 ERROR # of retries: 3\n* starting\n", false},
		{"hashtag", "#ایران #خبر\n", false},
		{"heading then text", "# عنوان\nمتن\n\n## بخش\n\nمتن [پیوند](https://x.ir)\n", true},
		// Comments, not headings: the start of Debian's /etc/services,
		// a shell script, a YAML file with a comment above each key.
		{"services", "# Network services, Internet style\n#\n# Updated from https://www.iana.org/assignments/x.xhtml .\n#\n# New ports will be added on request\n\ntcpmux\t\t1/tcp\t\t\t# TCP port service multiplexer\necho\t\t7/tcp\n", false},
		{"script", "#!/bin/sh\n# Install the tools\n\n# Then run them\n\nmake\n", false},
		{"yaml", "# The server\nserver: x.ir\n\n# Its port\nport: 443\n\n# Users\nusers:\n  - ali\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SniffMarkdown([]byte(tc.text)); got != tc.want {
				t.Errorf("SniffMarkdown(%q) = %v", tc.text, got)
			}
		})
	}
}

// Tanzil's notice, a block of "#" comments above its licence, is text
// (it was read as Markdown, each comment a heading under a rule).
func TestSniffCommentBlock(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "real", "quran", "TANZIL-NOTICE-uthmani.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := Sniff(src); got != FormatText {
		t.Errorf("Sniff(Tanzil's notice) = %v, want text", got)
	}
}

// A real Persian README (testdata/real/markdown, see its SOURCES.md): the
// structure a reader sees on GitHub, counted by hand in the source.
func TestMarkdownRealReadme(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "real", "markdown", "fa-marzban-README-fa.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := ParseMarkdown(src, "README-fa.md")
	count := map[Kind]int{}
	var code, table *Block
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		count[b.Kind]++
		if b.Kind == Code && strings.Contains(b.Text, "server {") && code == nil {
			code = b
		}
		if b.Kind == Table && table == nil {
			table = b
		}
		if b.Kind != Code {
			for _, syntax := range []string{"**", "](", "<p", "<a ", "<img", "```", "## "} {
				if strings.Contains(b.Text, syntax) {
					t.Errorf("%q left in %v %q", syntax, b.Kind, b.Text)
				}
			}
		}
		if !utf8.ValidString(b.Text) {
			t.Errorf("invalid UTF-8 in %q", b.Text)
		}
	}
	// Counted in the source with grep and awk: 15 ATX headings outside
	// code, an <h1> in the HTML header and an <h3> in a <summary>; 40
	// fence lines, 20 code blocks.
	if count[Heading] != 17 || count[Code] != 20 {
		t.Errorf("headings %d, code blocks %d", count[Heading], count[Code])
	}
	if code == nil || !strings.HasSuffix(code.Text, "}") || !strings.Contains(code.Text, "\n    listen 443 ssl http2;\n") {
		t.Errorf("nginx block: %+v", code)
	}
	// Lines 260 to 298 (awk: the first blank line is 299): the header,
	// the delimiter row and 37 rows (lines 293 and 294 have no leading
	// pipe but are still rows in GFM).
	if table == nil || len(table.Attrs.Table.Rows) != 38 || len(table.Attrs.Table.Rows[0]) != 2 || !table.Attrs.Table.Header {
		t.Fatalf("settings table: %+v", table)
	}
	r := table.Attrs.Table.Rows[1][1]
	if got := table.Text[r.Start:r.End]; got != "SUDO_USERNAME" {
		t.Errorf("first variable %q", got)
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"# a\n\n- b\n  - c\n\n> d\n", "| a | b |\n|---|:-:|\n| `c` | [d](e) |\n", "```\n\tx\n```\n", "<p align=center><img alt=x></p>\n*a<br>b*", "- [x] a\n\n      code\n", "0|\n-|\n|"} { // the last: a table whose last row is empty (found by CI's fuzzing)
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := ParseMarkdown([]byte(s), "fuzz")
		for _, b := range doc.Blocks {
			ok := func(a, e int) bool { return a >= 0 && a <= e && e <= len(b.Text) && utf8.ValidString(b.Text[a:e]) }
			for _, sp := range b.Spans {
				if !ok(sp.Start, sp.End) {
					t.Fatalf("span %+v outside %q", sp, b.Text)
				}
			}
			for i := 1; i < len(b.Spans); i++ {
				if b.Spans[i].Start < b.Spans[i-1].Start {
					t.Fatalf("spans out of order: %+v", b.Spans)
				}
			}
			if b.Attrs != nil && b.Attrs.Table != nil {
				for _, row := range b.Attrs.Table.Rows {
					for _, c := range row {
						if !ok(c.Start, c.End) {
							t.Fatalf("cell %+v outside %q", c, b.Text)
						}
					}
				}
			}
			for _, r := range b.Text {
				if IsControl(r) && r != '\n' && !(r == '\t' && b.Kind == Table) { // a table's cells are TAB-separated
					t.Fatalf("control %U in %q", r, b.Text)
				}
			}
		}
	})
}

// BenchmarkMarkdown1MB: a megabyte of a real Persian README read as
// Markdown and, for comparison, as plain text (the reader parses the
// whole document before its first screen).
func BenchmarkMarkdown1MB(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "real", "markdown", "fa-marzban-README-fa.md"))
	if err != nil {
		b.Fatal(err)
	}
	big := []byte(strings.Repeat(string(src)+"\n\n", (1<<20)/len(src)+1))
	b.Run("markdown", func(b *testing.B) {
		b.SetBytes(int64(len(big)))
		b.ReportAllocs()
		for b.Loop() {
			ParseMarkdown(big, "big.md")
		}
	})
	b.Run("text", func(b *testing.B) {
		b.SetBytes(int64(len(big)))
		b.ReportAllocs()
		for b.Loop() {
			Parse(string(big))
		}
	})
}
