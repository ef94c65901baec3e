package layout

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"rtlview/content"
	"rtlview/internal/testkit"
)

type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

func specExamples(t *testing.T) []specExample {
	t.Helper()
	var ex []specExample
	data := testkit.ReadMaybeGzip(t, filepath.Join("testdata", "commonmark", "spec.json.gz"))
	if err := json.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	if len(ex) != 652 {
		t.Fatalf("%d examples", len(ex))
	}
	return ex
}

// htmlText is the text an HTML page shows: its text nodes, without the
// content of script, style and textarea elements (which rtlview, like a
// browser, does not show as text).
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			if n, _ := z.TagName(); hidden[string(n)] {
				skip++
			}
		case html.EndTagToken:
			if n, _ := z.TagName(); hidden[string(n)] && skip > 0 {
				skip--
			}
		}
	}
}

var hidden = map[string]bool{"script": true, "style": true, "textarea": true}

// Every CommonMark spec example, through the Markdown front-end and
// layout at three widths: the model is sound (spans and cells inside the
// text, on rune boundaries), nothing the expected HTML shows as text is
// lost, every line fits, every letter and digit of a block is drawn, and
// code is drawn verbatim.
func TestCommonMarkExamples(t *testing.T) {
	for _, ex := range specExamples(t) {
		doc := content.ParseMarkdown([]byte(ex.Markdown), "spec")
		name := fmt.Sprintf("example %d (%s)", ex.Example, ex.Section)
		var all strings.Builder
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			checkModel(t, name, b)
			all.WriteString(b.Text)
			if b.Attrs != nil && b.Attrs.Lang != "" {
				all.WriteString(b.Attrs.Lang)
			}
			for _, s := range b.Spans {
				all.WriteString(s.Arg) // an image's source, a link's URL
			}
		}
		// The HTML's text, each character as often as the document has it.
		want := htmlText(ex.HTML)
		have := map[rune]int{}
		for _, r := range all.String() {
			have[r]++
		}
		for _, r := range want {
			if unicode.IsSpace(r) || r == utf8.RuneError || content.IsControl(r) {
				continue
			}
			if have[r] == 0 {
				t.Errorf("%s: %q of the expected HTML is lost; markdown %q, text %q", name, r, ex.Markdown, all.String())
				break
			}
			have[r]--
		}
		for _, w := range []int{20, 40, 80} {
			opt := Options{Width: w, Bidi: App, Dir: Auto}
			for i := range doc.Blocks {
				checkDrawn(t, fmt.Sprintf("%s at %d", name, w), i, &doc.Blocks[i], opt)
			}
		}
	}
}

func checkModel(t *testing.T, name string, b *content.Block) {
	t.Helper()
	in := func(start, end int) bool {
		return start >= 0 && start <= end && end <= len(b.Text) && utf8.ValidString(b.Text[start:end])
	}
	for _, s := range b.Spans {
		if !in(s.Start, s.End) {
			t.Errorf("%s: span %+v outside %q", name, s, b.Text)
		}
	}
	if b.Attrs != nil && b.Attrs.Table != nil {
		for _, row := range b.Attrs.Table.Rows {
			for _, c := range row {
				if !in(c.Start, c.End) {
					t.Errorf("%s: cell %+v outside %q", name, c, b.Text)
				}
			}
		}
	}
}

// checkDrawn lays block i out and checks what is drawn.
func checkDrawn(t *testing.T, name string, i int, b *content.Block, opt Options) {
	t.Helper()
	lines := Lines(i, b, nil, opt)
	var drawn, text strings.Builder
	for _, l := range lines {
		if l.Indent+l.Width > opt.Width {
			t.Errorf("%s: line %q is %d+%d cells", name, l.String(), l.Indent, l.Width)
		}
		drawn.WriteString(l.String())
		drawn.WriteByte('\n')
		// The block's own text, without quote bars, indentation and
		// markers; the continuation mark kept.
		for _, c := range l.Clusters() {
			if !c.Decoration() || c.Text == "↩" {
				text.WriteString(c.Text)
			}
		}
		text.WriteByte('\n')
	}
	if b.Kind == content.Code {
		// Verbatim: the lines, joined where ↩ continues them.
		got := strings.TrimSuffix(strings.ReplaceAll(text.String(), "↩\n", ""), "\n")
		if got != b.Text {
			t.Errorf("%s: code drawn as %q, written %q", name, got, b.Text)
		}
		return
	}
	have := map[rune]int{}
	for _, r := range drawn.String() {
		have[r]++
	}
	for _, r := range b.Text {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if have[r] == 0 && have['…'] == 0 {
			t.Errorf("%s: %q of %q is not drawn: %q", name, r, b.Text, drawn.String())
			return
		}
		have[r]--
	}
}

// An RTL Markdown document with every block kind (testdata/markdown/
// sample-fa.md, written here), printed in plain mode at 40 and 80 columns,
// shaping off so that the letters can be read back. Checked by eye, line
// by line; what a reader sees and why it is right:
//   - the h1 flush right with ━ under its width, the h2 with ─, the h3 plain;
//   - the paragraph flush right; `کد`, the link text, /opt/marzban/.env and
//     the URL read left to right as written, inside the Persian order; the
//     link gets [1] after its text and its URL listed under the paragraph;
//   - the ordered list's numbers «1.» on the right (the full stop drawn on
//     the left of the digit: read from the right it follows it), the nested
//     bullets ◦ two cells further in, ☑ and ☐ for the task list;
//   - the quote's bar │ on the right edge, on the list inside it and on the
//     blank row between them too;
//   - the nginx block on the left, left-to-right, its "}" a closing brace
//     (not mirrored), its indentation kept;
//   - the table's first column (نام) on the right, its header row underlined
//     with ┼ under the bars; GFM alignment mirrored: the left-aligned column
//     flush right, the right-aligned one flush left, the centred centred;
//     8000 and 0.0.0.0 read left to right;
//   - the thematic break across the width;
//   - the HTML block as its text: the image's alt text and the link's text
//     on two lines (<br>), no tag.
func TestMarkdownGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "markdown", "sample-fa.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := content.ParseMarkdown(src, "sample-fa.md")
	for _, w := range []int{40, 80} {
		var out strings.Builder
		p := Printer{Options: Options{Width: w, Bidi: App, Dir: Auto, LinkRefs: true}}
		if err := p.Print(&out, doc); err != nil {
			t.Fatal(err)
		}
		testkit.Golden(t, filepath.Join("testdata", "markdown", fmt.Sprintf("sample-fa-%d.golden", w)), out.String())
	}
}
