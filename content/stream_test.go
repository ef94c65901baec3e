package content

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// streamAll collects what Stream passes.
func streamAll(t *testing.T, in io.Reader, o LoadOptions) ([]Block, *Document) {
	t.Helper()
	var got []Block
	meta, err := Stream(context.Background(), "-", in, o, func(b *Block) bool {
		got = append(got, *b)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, meta
}

// Stream gives the blocks Load gives, for every format, line ends and
// invalid bytes included.
func TestStreamSameAsLoad(t *testing.T) {
	for _, in := range []string{
		"",
		"one\ntwo\r\nthree\rfour\n\n",
		"\uFEFFسلام\u200cها\t\x1b[2J\xff\n",
		"a\r",
		"\r\n\r\n",
		"بشنو این نی چون شکایت می‌کند\tاز جدایی‌ها حکایت می‌کند\n",
		"\x1b[31mred\x1b[0m plain\nnext\n",
		"1\n00:00:01,000 --> 00:00:02,000\nسلام\n\n2\n00:00:03,000 --> 00:00:04,000\nخداحافظ\n",
		"# عنوان\n\nمتن\n",
		"\uFEFF\uFEFFzwnbsp\n",
	} {
		want, err := ReadAs("-", strings.NewReader(in), LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, meta := streamAll(t, strings.NewReader(in), LoadOptions{})
		if meta.Format != want.Format || meta.Replaced != want.Replaced || meta.Meta.Encoding != want.Meta.Encoding {
			t.Errorf("%q: stream %v/%d/%q, load %v/%d/%q", in, meta.Format, meta.Replaced, meta.Meta.Encoding, want.Format, want.Replaced, want.Meta.Encoding)
		}
		if len(got) != len(want.Blocks) {
			t.Errorf("%q: %d blocks streamed, %d loaded", in, len(got), len(want.Blocks))
			continue
		}
		for i := range got {
			if got[i].Text != want.Blocks[i].Text || got[i].Kind != want.Blocks[i].Kind || len(got[i].Spans) != len(want.Blocks[i].Spans) {
				t.Errorf("%q block %d: %q %v, want %q %v", in, i, got[i].Text, got[i].Kind, want.Blocks[i].Text, want.Blocks[i].Kind)
			}
		}
	}
}

// An endless input streams: the first blocks come and Stream stops when
// asked, and a line with no end is cut into bounded blocks.
func TestStreamEndless(t *testing.T) {
	n := 0
	_, err := Stream(context.Background(), "-", &endless{pattern: []byte("y\n")}, LoadOptions{}, func(b *Block) bool {
		if b.Text != "y" {
			t.Fatalf("block %q", b.Text)
		}
		n++
		return n < 3
	})
	if err != nil || n != 3 {
		t.Errorf("%d blocks, %v", n, err)
	}
	n = 0
	_, err = Stream(context.Background(), "-", &endless{pattern: []byte("7")}, LoadOptions{}, func(b *Block) bool {
		if len(b.Text) != MaxLine {
			t.Fatalf("piece of %d bytes", len(b.Text))
		}
		n++
		return n < 3
	})
	if err != nil || n != 3 {
		t.Errorf("%d pieces, %v", n, err)
	}
}

// A web page read whole by Stream goes through the same front-end as
// Load: a windows-1256 page whose bytes Decode cannot place is decoded by
// its own <meta charset>, in both.
func TestStreamHTMLLikeLoad(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "html", "khabaronline.ir.1353889.html"))
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := encoding.ReplaceUnsupported(charmap.Windows1256.NewEncoder()).Bytes(bytes.Replace(page, []byte("charset=utf-8"), []byte("charset=windows-1256"), 1))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "page.html")
	os.WriteFile(path, legacy, 0o644)
	want, err := Load(context.Background(), path, nil, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []Block
	meta, err := Stream(context.Background(), path, nil, LoadOptions{}, func(b *Block) bool { got = append(got, *b); return true })
	if err != nil || meta.Format != FormatHTML || len(got) != len(want.Blocks) || len(got) < 5 {
		t.Fatalf("%v %v: %d blocks streamed, %d loaded", err, meta.Format, len(got), len(want.Blocks))
	}
	for i := range got {
		if got[i].Text != want.Blocks[i].Text || strings.ContainsRune(got[i].Text, '\uFFFD') {
			t.Fatalf("block %d: %q, want %q", i, got[i].Text, want.Blocks[i].Text)
		}
	}
}

// StreamHead passes the document's metadata to head once, before the
// first block: an HTML page's title, site and date, known only once the
// page is read whole; a text file's empty Meta; nothing for an empty
// input.
func TestStreamHead(t *testing.T) {
	type event struct {
		head bool
		doc  Document
		text string
	}
	run := func(source string, in io.Reader) []event {
		t.Helper()
		var evs []event
		_, err := StreamHead(context.Background(), source, in, LoadOptions{}, func(d *Document) {
			evs = append(evs, event{head: true, doc: *d})
		}, func(b *Block) bool {
			evs = append(evs, event{text: b.Text})
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
		return evs
	}
	// khabaronline.ir (TestHTMLPages): site «خبرآنلاین», published
	// 2020-02-18T03:25:00Z, printed «۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵».
	evs := run(filepath.Join("testdata", "html", "khabaronline.ir.1353889.html"), nil)
	if len(evs) < 3 || !evs[0].head || evs[1].head {
		t.Fatalf("head not first and once: %d events", len(evs))
	}
	m := evs[0].doc.Meta
	if m.Title != "تحلیل روزنامه اصولگرا از دعوت اصلاح طلبان به حضور مردم در انتخابات" || m.Site != "خبرآنلاین" ||
		m.DateJalali != "سه‌شنبه ۲۹ بهمن ۱۳۹۸، ۰۶:۵۵" || !m.Published.Equal(time.Date(2020, 2, 18, 3, 25, 0, 0, time.UTC)) {
		t.Errorf("head's Meta %+v", m)
	}
	if evs[0].doc.Blocks != nil || evs[0].doc.Format != FormatHTML || evs[1].text != m.Title {
		t.Errorf("head's document: %d blocks, format %v; first block %q", len(evs[0].doc.Blocks), evs[0].doc.Format, evs[1].text)
	}
	for _, e := range evs[1:] {
		if e.head {
			t.Error("head called twice")
		}
	}

	evs = run("-", strings.NewReader("one\ntwo\n"))
	if len(evs) != 3 || !evs[0].head || evs[0].doc.Meta != (Meta{}) || evs[0].doc.Format != FormatText || evs[1].text != "one" {
		t.Errorf("text: %+v", evs)
	}
	if evs := run("-", strings.NewReader("")); len(evs) != 0 {
		t.Errorf("empty input: %+v", evs)
	}
}
