package layout

import (
	"encoding/json"
	"fmt"
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
		for _, c := range l.Clusters {
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
