package content

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// dumpBlocks writes blocks one a line: kind (and level, item, lang),
// quote and indent when set, dir, break, the text quoted, then the spans
// as kind[text](arg).
func dumpBlocks(bs []Block) string {
	var sb strings.Builder
	for _, b := range bs {
		switch b.Kind {
		case Heading:
			fmt.Fprintf(&sb, "h%d", b.Level)
		case ListItem:
			it := b.Attrs.Item
			sb.WriteString("li")
			if it.Ordered {
				fmt.Fprintf(&sb, "%d.", it.Ordinal)
			}
			switch it.Task {
			case Checked:
				sb.WriteString("[x]")
			case Unchecked:
				sb.WriteString("[ ]")
			}
		case Code:
			sb.WriteString("code")
			if b.Attrs != nil && b.Attrs.Lang != "" {
				sb.WriteString(":" + b.Attrs.Lang)
			}
		case Table:
			td := b.Attrs.Table
			fmt.Fprintf(&sb, "table(h=%v a=%v rows=%d)", td.Header, td.Align, len(td.Rows))
		default:
			sb.WriteString(b.Kind.String())
		}
		if b.Quote > 0 {
			fmt.Fprintf(&sb, " q%d", b.Quote)
		}
		if b.Indent > 0 {
			fmt.Fprintf(&sb, " i%d", b.Indent)
		}
		switch b.Dir {
		case RTL:
			sb.WriteString(" rtl")
		case LTR:
			sb.WriteString(" ltr")
		}
		if !b.Break {
			sb.WriteString(" nb")
		}
		fmt.Fprintf(&sb, " %q", b.Text)
		for _, s := range b.Spans {
			fmt.Fprintf(&sb, " %s[%s]", spanName(s.Kind), b.Text[s.Start:s.End])
			if s.Arg != "" {
				fmt.Fprintf(&sb, "(%s)", s.Arg)
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func spanName(k SpanKind) string {
	return [...]string{"?", "em", "strong", "strike", "code", "link", "autolink", "img", "u", "style", "ctl"}[k]
}

func TestHTMLBlocks(t *testing.T) {
	base, _ := url.Parse("https://example.com/news/item.html")
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs and whitespace", "<p>  Hello \n  <b>bold</b>   world </p><div>two\t words</div>",
			"paragraph nb \"Hello bold world\" strong[bold]\nparagraph \"two words\"\n"},
		{"headings", "<h1>Title</h1><h3>Sub <i>it</i></h3><p>x</p>",
			"h1 nb \"Title\"\nh3 \"Sub it\" em[it]\nparagraph \"x\"\n"},
		{"span starts at its text", "<p>a <b> b </b> c</p>",
			"paragraph nb \"a b c\" strong[b]\n"},
		{"lists nested", "<ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul><ol start=3><li>c<li value=7>g<li>h</ol>",
			"li i1 nb \"one\"\nli i1 nb \"two\"\nli i2 nb \"inner\"\nli3. i1 nb \"c\"\nli7. i1 nb \"g\"\nli8. i1 nb \"h\"\n"},
		{"item paragraphs", "<ul><li><p>first</p><p>more</p></li><li><ul><li>x</li></ul></li></ul>",
			"li i1 nb \"first\"\nparagraph i1 \"more\"\nli i1 nb \"\"\nli i2 nb \"x\"\n"},
		{"tasks", `<ul><li><input type="checkbox" checked disabled> done</li><li><input type=checkbox> todo</li></ul>`,
			"li[x] i1 nb \"done\"\nli[ ] i1 nb \"todo\"\n"},
		{"reversed", "<ol reversed><li>a<li>b</ol>", "li2. i1 nb \"a\"\nli1. i1 nb \"b\"\n"},
		{"blockquote", "<blockquote><p>q</p><blockquote>qq</blockquote></blockquote><p>after</p>",
			"paragraph q1 nb \"q\"\nparagraph q2 \"qq\"\nparagraph \"after\"\n"},
		{"pre", "<pre class=\"language-go\">\tx := 1\n\ty\n</pre><pre><code class=\"lang-sh\">ls  -l\n\n</code></pre>",
			"code:go ltr nb \"        x := 1\\n        y\"\ncode:sh ltr \"ls  -l\"\n"},
		{"br", "<p>line one<br>line two <br><br><br><br>three</p>",
			"paragraph nb \"line one\\nline two\\n\\nthree\"\n"},
		{"links", `<p>See <a href="/a?b=1">the <b>page</b></a> and <a href="javascript:x()">js</a> <a href="https://x.org/">x</a>.</p>`,
			"paragraph nb \"See the page and js x.\" link[the page](https://example.com/a?b=1) strong[page] link[x](https://x.org/)\n"},
		{"images", `<p><a href="/"><img src="logo.png" alt=" The  logo "></a> text <img src="x.png"></p>`,
			"paragraph nb \"The logo text\" link[The logo](https://example.com/) img[The logo](https://example.com/news/logo.png)\n"},
		{"figure", `<figure><img src="a.jpg" alt="photo"><figcaption>The caption</figcaption></figure>`,
			"paragraph nb \"photo\" img[photo](https://example.com/news/a.jpg)\nparagraph \"The caption\" em[The caption]\n"},
		{"dropped", `<nav>menu</nav><script>evil()</script><style>p{}</style><p>keep<span hidden>no</span><span style="display: none">no</span></p><form><input value=v><button>b</button>label</form><iframe src=x></iframe><noscript>ns</noscript><template>t</template><svg><text>s</text></svg>`,
			"paragraph nb \"keep\"\n"},
		{"form holding the page", `<form id=aspnetForm><div><p>body text</p></div></form>`,
			"paragraph nb \"body text\"\n"},
		{"dir", `<html dir="rtl"><body><p>سلام</p><div dir="ltr"><p>hi</p></div><p dir=auto>x</p></body></html>`,
			"paragraph rtl nb \"سلام\"\nparagraph ltr \"hi\"\nparagraph \"x\"\n"},
		{"entities and controls", "<p>a&amp;b &lt;i&gt; &#27;[31m\x1b \u0085 &nbsp;x</p>",
			"paragraph nb \"a&b <i> ␛[31m␛ \ufffd \\u00a0x\" ctl[␛] ctl[␛] ctl[\ufffd]\n"},
		{"hr and strike", "<p><s>old</s> <del>d</del> <strike>s</strike> <u>u</u></p><hr><p>x</p>",
			"paragraph nb \"old d s u\" strike[old] strike[d] strike[s] u[u]\nrule \"\"\nparagraph \"x\"\n"},
		{"inline code", "<p>run <code>go  test</code> now</p>", "paragraph nb \"run go test now\" code[go test]\n"},
		{"table", `<table><thead><tr><th>Name</th><th align=right>N</th></tr></thead><tbody><tr><td><b>a</b></td><td style="text-align: center">1</td></tr><tr><td colspan=2>wide<br>cell</td></tr></tbody></table>`,
			"table(h=true a=[0 3] rows=3) nb \"Name\\tN\\na\\t1\\nwide cell\\t\" strong[a]\n"},
		{"layout table", `<table><tr><td><p>` + strings.Repeat("long text ", 30) + `</p></td><td>side</td></tr></table>`,
			"paragraph nb \"" + strings.TrimSpace(strings.Repeat("long text ", 30)) + "\"\nparagraph \"side\"\n"},
		{"caption", `<table><caption>Cap</caption><tr><td>a</td><td>b</td></tr></table>`,
			"paragraph nb \"Cap\" em[Cap]\ntable(h=false a=[0 0] rows=1) \"a\\tb\"\n"},
		{"span across blocks", `<a href="/x"><div>one</div><div>two</div></a>`,
			"paragraph nb \"one\" link[one](https://example.com/x)\nparagraph \"two\" link[two](https://example.com/x)\n"},
		{"nbsp paragraphs", "<p>&nbsp;</p><p>\u00a0 x \u00a0</p>", "paragraph nb \"x\"\n"},
		{"dl and details", "<dl><dt>term</dt><dd>def</dd></dl><details><summary>More</summary><p>hidden text</p></details>",
			"paragraph nb \"term\" strong[term]\nparagraph i1 \"def\"\nparagraph \"More\" strong[More]\nparagraph \"hidden text\"\n"},
		{"centered readme header", `<p align="center"><a href="https://github.com/x"><img src="logo.svg" alt="Logo" width="100"></a></p><h1 align="center">Proj</h1><p align="center">A <b>tool</b>.</p>`,
			"paragraph nb \"Logo\" link[Logo](https://github.com/x) img[Logo](https://example.com/news/logo.svg)\nh1 \"Proj\"\nparagraph \"A tool.\" strong[tool]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs, err := HTMLBlocks(strings.NewReader(tt.in), base)
			if err != nil {
				t.Fatal(err)
			}
			if got := dumpBlocks(bs); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			checkHTMLBlocks(t, bs)
		})
	}
}

// checkHTMLBlocks checks the invariants of converted blocks: no raw
// control character but a code block's or hard break's "\n" (and the
// TABs between table cells), spans within Text, in order of Start, on
// rune boundaries.
func checkHTMLBlocks(t *testing.T, bs []Block) {
	t.Helper()
	for _, b := range bs {
		if !utf8.ValidString(b.Text) {
			t.Fatalf("invalid UTF-8 in %q", b.Text)
		}
		for _, r := range b.Text {
			if IsControl(r) && r != '\n' && !(r == '\t' && b.Kind == Table) {
				t.Fatalf("raw control %U in %q", r, b.Text)
			}
		}
		last := 0
		for _, s := range b.Spans {
			if s.Start < 0 || s.End > len(b.Text) || s.Start >= s.End {
				t.Fatalf("span %+v outside %q", s, b.Text)
			}
			if s.Start < last {
				t.Fatalf("spans out of order in %q: %+v", b.Text, b.Spans)
			}
			last = s.Start
			if !utf8.RuneStart(b.Text[s.Start]) || s.End < len(b.Text) && !utf8.RuneStart(b.Text[s.End]) {
				t.Fatalf("span %+v splits a rune of %q", s, b.Text)
			}
		}
		if b.Kind == Table {
			for _, row := range b.Attrs.Table.Rows {
				for _, c := range row {
					if c.Start < 0 || c.End > len(b.Text) || c.Start > c.End {
						t.Fatalf("cell %+v outside %q", c, b.Text)
					}
				}
			}
		}
	}
}
