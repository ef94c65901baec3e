package layout

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"rtlview/content"
)

func TestPlain(t *testing.T) {
	doc := &content.Document{Blocks: []content.Block{
		{Text: capRTL("ONE TWO THREE")},
		{Text: ""},
		{Text: "left   and right   "},
		{Text: "a␛b", Spans: []content.Span{{Start: 1, End: 1 + len("␛"), Kind: content.Control}}},
	}}
	var out bytes.Buffer
	if err := Plain(&out, doc, Options{Width: 9, Dir: RTL}, false); err != nil {
		t.Fatal(err)
	}
	// RTL lines padded to the right edge, trailing spaces trimmed (also
	// those that an LTR line shows at its end), blank lines kept.
	want := "  OWT ENO\n    EERHT\n\nleft\nand right\na␛b\n"
	if got := uncapRTL(out.String()); got != want {
		t.Errorf("plain:\n%q\nwant\n%q", got, want)
	}
	out.Reset()
	if err := Plain(&out, doc, Options{Width: 0, Dir: RTL}, true); err != nil {
		t.Fatal(err)
	}
	want = "EERHT OWT ENO\n\nleft   and right\na\x1b[7m␛\x1b[0mb\n"
	if got := uncapRTL(out.String()); got != want {
		t.Errorf("plain, colour, width 0:\n%q\nwant\n%q", got, want)
	}
	// Blocks with Break (an article's paragraphs) have a blank line
	// before them.
	for i := 1; i < len(doc.Blocks); i++ {
		doc.Blocks[i].Break = true
	}
	out.Reset()
	Plain(&out, doc, Options{Width: 0}, false)
	if got := uncapRTL(out.String()); got != "EERHT OWT ENO\n\n\n\nleft   and right\n\na␛b\n" {
		t.Errorf("article: %q", got)
	}
}

type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("pipe closed")
	}
	return len(p), nil
}

// Plain streams: a writer that fails stops it after one buffer's worth,
// not after the whole document is laid out, and the error comes back.
func TestPlainStreams(t *testing.T) {
	blocks := make([]content.Block, 20000)
	for i := range blocks {
		blocks[i].Text = "پوتین بر توسعه روابط روسیه و کره شمالی تأکید کرد"
	}
	doc := &content.Document{Blocks: blocks}
	calls := 0
	p := Printer{Options: Options{Width: 80}, Color: true, Spans: func(i int, b *content.Block) []Span {
		calls++
		return nil
	}}
	err := p.Print(&failAfter{}, doc)
	if err == nil || !strings.Contains(err.Error(), "pipe closed") {
		t.Fatalf("error %v", err)
	}
	if calls > 2000 {
		t.Errorf("laid out %d blocks before the first write", calls)
	}
}

// With LinkRefs, a link whose URL is not its text gets a number after its
// text and its URL under the block; an autolink (URL = text) does not.
func TestPlainLinkRefs(t *testing.T) {
	text := "see the docs or https://x.org"
	d := strings.Index(text, "docs")
	u := strings.Index(text, "https")
	doc := &content.Document{Blocks: []content.Block{{Text: text, Spans: []content.Span{
		{Start: d, End: d + 4, Kind: content.Link, Arg: "https://go.dev/doc/"},
		{Start: u, End: len(text), Kind: content.Link, Arg: "https://x.org"},
	}}}}
	var out bytes.Buffer
	p := Printer{Options: Options{Width: 40, LinkRefs: true}}
	if err := p.Print(&out, doc); err != nil {
		t.Fatal(err)
	}
	want := "see the docs[1] or https://x.org\n[1] https://go.dev/doc/\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
