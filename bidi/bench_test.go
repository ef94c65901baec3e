package bidi_test

import (
	"os"
	"strings"
	"testing"

	"rtlview/bidi"
)

// Paragraphs of about 80 bytes; the 4000-byte ones repeat them. The
// Persian one has ZWNJs (class BN, removed by X9), as repaired text does.
const (
	persian80 = "رسانه\u200cهای محلی از نامه پوتین به رهبر کره خبر دادند."
	mixed80   = "رئیس جمهور (Putin) در ۲۴ مرداد 2022 گفت: «Moscow» [1]"
	english80 = "The quick brown fox jumps over the lazy dog, again and again (42 times)."
)

func repeat(s string, size int) string {
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(s)
		b.WriteByte(' ')
	}
	return b.String()
}

// benchParagraph measures Resolve + Visual from UTF-8 input, reusing one
// Paragraph and one order slice: the path of a layout engine.
func benchParagraph(b *testing.B, s string) {
	var p bidi.Paragraph
	var order []int
	p.ResetString(s, bidi.Auto) // grow the buffers once, outside the loop
	order = p.VisualInto(order, 0, p.Len())
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		p.ResetString(s, bidi.Auto)
		order = p.VisualInto(order, 0, p.Len())
	}
}

func BenchmarkPersian80(b *testing.B)   { benchParagraph(b, persian80) }
func BenchmarkPersian4000(b *testing.B) { benchParagraph(b, repeat(persian80, 4000)) }
func BenchmarkMixed80(b *testing.B)     { benchParagraph(b, mixed80) }
func BenchmarkMixed4000(b *testing.B)   { benchParagraph(b, repeat(mixed80, 4000)) }
func BenchmarkEnglish80(b *testing.B)   { benchParagraph(b, english80) }
func BenchmarkEnglish4000(b *testing.B) { benchParagraph(b, repeat(english80, 4000)) }

// BenchmarkArticle resolves and reorders every paragraph (line) of the
// embedded article.
func BenchmarkArticle(b *testing.B) {
	data, err := os.ReadFile("../content/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	paras := strings.Split(string(data), "\n")
	var p bidi.Paragraph
	var order []int
	p.ResetString(string(data), bidi.Auto) // grow the buffers once
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range paras {
			p.ResetString(s, bidi.Auto)
			order = p.VisualInto(order, 0, p.Len())
		}
	}
}

// BenchmarkResolveNew is the allocating API: a new Paragraph and a new
// order slice for each paragraph.
func BenchmarkResolveNew(b *testing.B) {
	text := []rune(persian80)
	b.SetBytes(int64(len(persian80)))
	b.ReportAllocs()
	for b.Loop() {
		p := bidi.Resolve(text, bidi.Auto)
		p.Visual(0, len(text))
	}
}

// BenchmarkNestedIsolates is the worst case for X5c: 2000 nested FSIs
// with no strong character, each of which looks for the first strong
// character of its isolate. The cost must stay linear in the text.
func BenchmarkNestedIsolates(b *testing.B) {
	s := strings.Repeat("\u2068 ", 2000) + "a" + strings.Repeat("\u2069", 2000)
	benchParagraph(b, s)
}

// BenchmarkPersian4000Lines reorders the 4000-byte Persian paragraph as a
// layout does: resolved once, then line by line (here 45 runes a line,
// about the width of a terminal in Persian words).
func BenchmarkPersian4000Lines(b *testing.B) {
	s := repeat(persian80, 4000)
	var p bidi.Paragraph
	var order []int
	p.ResetString(s, bidi.Auto)
	order = p.VisualInto(order, 0, p.Len())
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		p.ResetString(s, bidi.Auto)
		for start := 0; start < p.Len(); start += 45 {
			order = p.VisualInto(order, start, min(start+45, p.Len()))
		}
	}
}
