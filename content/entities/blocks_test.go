package entities

import (
	"slices"
	"strings"
	"testing"

	"rtlview/content"
	"rtlview/internal/testkit"
)

// span finds sub in text and returns a span of kind k over it.
func spanOf(t *testing.T, text, sub string, k content.SpanKind, arg string) content.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return content.Span{Start: i, End: i + len(sub), Kind: k, Arg: arg}
}

// TestRecognizeBlocksProseOnly: nothing in code blocks and rules, nothing
// in the islands of a prose block (inline code, URLs, e-mail addresses,
// paths) nor in a link that is its own URL; the prose around them is
// recognised, and a name is not joined across an island.
func TestRecognizeBlocksProseOnly(t *testing.T) {
	code := "// پوتین در مسکو\nfmt.Println(\"کره شمالی\", 2.5)"
	inline := "دستور `putin --moscow ۱۲ آبان` را در تهران اجرا کنید"
	url := "گزارش BBC در https://www.bbc.com/persian/tehran-2024 و نشانی info@bbc.co.uk"
	path := "فایل /opt/bbc/moscow.conf را در مسکو ویرایش کنید"
	link := "پیوند https://kcna.kp را ببینید"
	across := "کره `x` شمالی"
	blocks := []content.Block{
		{Kind: content.Code, Text: code},
		{Kind: content.Rule},
		{Kind: content.Paragraph, Text: inline, Spans: []content.Span{spanOf(t, inline, "`putin --moscow ۱۲ آبان`", content.InlineCode, "")}},
		{Kind: content.Paragraph, Text: url},
		{Kind: content.ListItem, Text: path},
		{Kind: content.Paragraph, Text: link, Spans: []content.Span{spanOf(t, link, "https://kcna.kp", content.Link, "https://kcna.kp")}},
		{Kind: content.Paragraph, Text: across, Spans: []content.Span{spanOf(t, across, "`x`", content.InlineCode, "")}},
	}
	want := [][]string{
		nil,
		nil,
		{"LOC:تهران"},
		{"ORG:BBC"},
		{"LOC:مسکو"},
		{},
		{},
	}
	got := Default().RecognizeBlocks(blocks)
	if len(got) != len(blocks) {
		t.Fatalf("%d results for %d blocks", len(got), len(blocks))
	}
	for i := range blocks {
		t.Run(blocks[i].Kind.String()+"/"+blocks[i].Text, func(t *testing.T) {
			g := show(got[i])
			if want[i] == nil && got[i] != nil {
				t.Errorf("block %d (%v): %q, want nothing at all", i, blocks[i].Kind, g)
			}
			if want[i] != nil && !slices.Equal(g, want[i]) {
				t.Errorf("block %d: %q, want %q", i, g, want[i])
			}
			for _, e := range got[i] {
				if blocks[i].Text[e.Start:e.End] != e.Text {
					t.Errorf("block %d: %v at [%d,%d) is not its Text", i, e, e.Start, e.End)
				}
			}
		})
	}
	// The text alone, without the block model, finds what the blocks hide.
	t.Run("without blocks", func(t *testing.T) {
		if len(Recognize(inline)) < 2 || len(Recognize(code)) == 0 {
			t.Errorf("Recognize finds no more in the raw texts: %q, %q", show(Recognize(inline)), show(Recognize(code)))
		}
	})
}

// TestRecognizeBlocksMemory: a person learned in one block is known by name
// in a later one, as with RecognizeAll, also across a code block.
func TestRecognizeBlocksMemory(t *testing.T) {
	blocks := []content.Block{
		{Kind: content.Paragraph, Text: "دانیل نوبوا رئیس جمهور اکوادور گفت"},
		{Kind: content.Code, Text: "نوبوا"},
		{Kind: content.Paragraph, Text: "نوبوا افزود"},
	}
	got := Default().RecognizeBlocks(blocks)
	if g := show(got[2]); !slices.Equal(g, []string{"PER:نوبوا"}) {
		t.Errorf("third block: %q, want PER:نوبوا", g)
	}
	if got[1] != nil {
		t.Errorf("code block: %q", show(got[1]))
	}
}

// TestRecordsBlocks: the records of --entities index each block's text as
// read (OrigText, before the display repair of ZWNJs), and skip what
// RecognizeBlocks skips.
func TestRecordsBlocks(t *testing.T) {
	doc := content.Article()
	recs := Default().RecordsBlocks(doc.Blocks)
	if len(recs) == 0 {
		t.Fatal("no records for the article")
	}
	for _, r := range recs {
		orig := doc.Blocks[r.Paragraph].OrigText()
		if r.End > len(orig) || orig[r.Start:r.End] != r.Text {
			t.Errorf("record %+v does not index block %d's text as read", r, r.Paragraph)
		}
	}
	texts := make([]string, len(doc.Blocks))
	for i := range doc.Blocks {
		texts[i] = doc.Blocks[i].OrigText()
	}
	if want := Default().Records(texts); !slices.Equal(recs, want) {
		t.Errorf("RecordsBlocks differs from Records on the article, which has no islands:\n got %v\nwant %v", recs, want)
	}
	code := []content.Block{{Kind: content.Code, Text: "پوتین"}, {Kind: content.Paragraph, Text: "`پوتین` و ترامپ", Spans: []content.Span{{Start: 0, End: len("`پوتین`"), Kind: content.InlineCode}}}}
	if got := Default().RecordsBlocks(code); len(got) != 1 || got[0].Text != "ترامپ" || got[0].Paragraph != 1 {
		t.Errorf("RecordsBlocks(code) = %+v, want ترامپ in block 1 only", got)
	}
}

// TestCodeNumbers: digits that are code, addresses or names of things are
// not NUM: versions, IP addresses, ports, attribute and JSON values, Unix
// timestamps, digits glued to a Latin word. Quantities of prose stay NUM.
func TestCodeNumbers(t *testing.T) {
	runCases(t, []rcase{
		{"version", "نسخه 2.28.1 منتشر شد", nil},
		{"version, Persian digits", "نسخه ۱.۲.۳ منتشر شد", nil},
		{"IPv4", "روی 0.0.0.0 و 192.168.1.10 گوش می‌دهد", nil},
		{"host:port", "به localhost:8080 بروید", nil},
		{"IP:port is one word", "آدرس 0.0.0.0:9000 است", nil},
		{"IPv6 port", "listen [::]:443 ssl", nil},
		{"port:host", "ssh -L 8000:localhost:8000 user@serverip", nil},
		{"port word", "پورت ۸۰۸۰ را باز کنید", nil},
		{"HTML attribute", `<img width="160" height="160">`, nil},
		{"assignment", "مقدار port=80 را بگذارید", nil},
		{"JSON value", `{"tries": 0, "enqueued_at": 1680506457.636369}`, nil},
		{"Unix timestamp", "زمان 1680506457 ثبت شد", nil},
		{"timestamp in milliseconds", "زمان 1680506457123 ثبت شد", nil},
		{"glued to a Latin word", "کدگذاری utf-8 و sha-256 و 64-bit", nil},
		{"list marker", "1. فایل را باز کنید", nil},
		{"thousands with dots stay a number", "1.000.000 نفر", []string{"NUM:1.000.000"}},
		{"a decimal stays a number", "نرخ ۳.۵ درصد", []string{"NUM:۳.۵"}},
		{"a round billion stays a number", "1000000000 ریال", []string{"NUM:1000000000"}},
		{"a number mid-sentence stays", "در سه زبان", []string{"NUM:سه"}},
	})
}

// TestFixedPhrases: numbers inside fixed phrases are no numbers.
func TestFixedPhrases(t *testing.T) {
	runCases(t, []rcase{
		{"athletics", "مسابقات دو و میدانی", nil},
		{"Chehel Sotoun", "کاخ چهل ستون", nil},
		{"World War II", "پس از جنگ جهانی دوم", nil},
		{"quarter-final", "مرحله یک چهارم نهایی", nil},
		{"bilateral", "روابط دو جانبه", nil},
		{"several hundred", "چند صد حساب", nil},
		{"a number before a phrase word stays", "دو ستون", []string{"NUM:دو"}},
		{"the second war, not the phrase", "جنگ دوم", []string{"NUM:دوم"}},
	})
}

// TestReadmeNumbers: the lines of a real Persian README (the Marzban
// README of testdata/real/markdown) that hold versions, addresses,
// ports, attributes and a timestamp give no NUM.
func TestReadmeNumbers(t *testing.T) {
	raw := string(testkit.ReadMaybeGzip(t, "../../testdata/real/markdown/fa-marzban-README-fa.md"))
	lines := strings.Split(raw, "\n")
	for _, probe := range []string{`width="160"`, "proxy_pass http://0.0.0.0:8000", "Host: 0.0.0.0:9000", "python-requests/2.28.1", `"enqueued_at": 1680506457.636369`, "listen [::]:443", "ssh -L 8000:localhost:8000"} {
		t.Run(probe, func(t *testing.T) {
			n := 0
			for _, l := range lines {
				if !strings.Contains(l, probe) {
					continue
				}
				n++
				for _, e := range Recognize(l) {
					if e.Kind == NUM {
						t.Errorf("NUM %q in %q", e.Text, strings.TrimSpace(l))
					}
				}
			}
			if n == 0 {
				t.Fatalf("no line of the README holds %q", probe)
			}
		})
	}
}
