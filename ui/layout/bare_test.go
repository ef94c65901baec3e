package layout

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rtlview/content"
)

// printBoth prints doc without colour with bare lines and with lines laid
// out in full, and reports the two outputs.
func printBoth(t testing.TB, doc *content.Document, opt Options) (bare, full string) {
	t.Helper()
	var out [2]bytes.Buffer
	defer func() { bareLines = true }()
	for k, on := range []bool{true, false} {
		bareLines = on
		p := Printer{Options: opt}
		if err := p.Print(&out[k], doc); err != nil {
			t.Fatal(err)
		}
	}
	return out[0].String(), out[1].String()
}

// A printer without colour prints bare lines (their drawing alone, no
// clusters or segments): the output must be what the full layout prints,
// byte for byte, for every kind of block, frame and mode.
func TestBareMatchesFull(t *testing.T) {
	var docs []*content.Document
	for _, name := range []string{
		"markdown/fa-3x-ui-README.fa_IR.md", "markdown/he-first-contributions-README.hb.md",
		"subtitles/fa-subfixer-excerpt-derived.vtt", "pager/ag.1.nroff-sgr-utf8.txt",
		"poetry/hafez-divan-first100beyts-amnghd.txt", "quran/quran-uthmani-sura1-2.txt",
	} {
		d, err := content.Load(context.Background(), filepath.Join("..", "..", "testdata", "real", name), nil, content.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	src, err := os.ReadFile(filepath.Join("testdata", "markdown", "sample-fa.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, content.ParseMarkdown(src, "sample-fa.md"))
	art := &content.Document{}
	for _, p := range articleParagraphs(t) {
		art.Blocks = append(art.Blocks, content.Block{Text: p, Break: true})
	}
	docs = append(docs, art, framed())
	for _, opt := range []Options{
		{Width: 80, Shape: true, Dir: Auto, LinkRefs: true},
		{Width: 33, Dir: RTL},
		{Width: 7, Bidi: Terminal, Shape: true, Dir: Auto},
		{Width: 1, Dir: LTR},
		{Width: 0, Shape: true, Dir: Auto, ShowControls: true},
	} {
		for k, doc := range docs {
			if bare, full := printBoth(t, doc, opt); bare != full {
				t.Errorf("document %d at %+v: bare and full output differ:\n%s", k, opt, firstDiff(bare, full))
			}
		}
	}
}

// framed is a document of blocks with frames: quotes, list items in both
// directions, code with long lines, headings.
func framed() *content.Document {
	fa := "ولادیمیر پوتین رئیس جمهور روسیه در نامه‌ای به رهبر کره شمالی گفت "
	return &content.Document{Blocks: []content.Block{
		{Kind: content.Heading, Level: 1, Text: fa},
		{Kind: content.Paragraph, Quote: 2, Text: fa + fa, Break: true},
		{Kind: content.Paragraph, Quote: 1, Text: "left to right text in a quote, long enough to wrap " + fa, Break: true},
		{Kind: content.ListItem, Indent: 1, Text: fa + fa},
		{Kind: content.ListItem, Indent: 2, Quote: 1, Text: "an item  with  spaces   ", Attrs: &content.Attrs{Item: content.Item{Ordered: true, Ordinal: 12}}},
		{Kind: content.ListItem, Indent: 3, Text: "۱۲ " + fa, Attrs: &content.Attrs{Item: content.Item{Task: content.Checked}}},
		{Kind: content.Paragraph, Indent: 2, Text: "continued " + fa},
		{Kind: content.Code, Quote: 1, Text: "func main() {\n\tfmt.Println(\"" + fa + fa + "\")   \n}\n\n   "},
		{Kind: content.Heading, Level: 2, Quote: 1, Dir: content.RTL, Text: "Title"},
		{Kind: content.Paragraph, Text: "   "},
		{Kind: content.Paragraph, Quote: 1, Text: ""},
	}}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n  bare " + strconvQ(al[i]) + "\n  full " + strconvQ(bl[i])
		}
	}
	return "lengths differ"
}

func strconvQ(s string) string { return "«" + s + "»" }
