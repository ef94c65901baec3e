package layout

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"rtlview/bidi"
	"rtlview/content"
)

// checkLines checks the invariants of DESIGN.md on the lines of one
// paragraph, independently of how Block computes them: widths, tiling,
// clusters as a permutation of the line's grapheme clusters, drawn text,
// no raw control characters, and styles.
func checkLines(t testing.TB, text string, spans []Span, opt Options, lines []Line) {
	t.Helper()
	if len(lines) == 0 {
		t.Fatalf("%q: no lines", text)
	}
	// Grapheme cluster boundaries, from uniseg directly.
	bounds := map[int]bool{0: true, len(text): true}
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		a, b := g.Positions()
		bounds[a], bounds[b] = true, true
	}
	pos := 0
	for li, l := range lines {
		where := func() string { return fmt.Sprintf("line %d of %q at width %d %+v", li, text, opt.Width, opt) }
		// The lines tile the paragraph.
		if l.Start != pos || l.End < l.Start {
			t.Fatalf("%s: range [%d,%d), want start %d", where(), l.Start, l.End, pos)
		}
		pos = l.End
		// Widths: every cluster as uniseg measures it, the line within
		// the width, alignment by direction.
		w := 0
		for _, c := range l.Clusters() {
			if c.Text != Overflow && uniseg.StringWidth(c.Text) != c.Width {
				t.Errorf("%s: cluster %q width %d, uniseg says %d", where(), c.Text, c.Width, uniseg.StringWidth(c.Text))
			}
			w += c.Width
		}
		if w != l.Width {
			t.Errorf("%s: width %d, clusters sum to %d", where(), l.Width, w)
		}
		if opt.Width > 0 {
			if l.Indent+l.Width > opt.Width {
				t.Errorf("%s: indent %d + width %d > %d", where(), l.Indent, l.Width, opt.Width)
			}
			want := 0
			if l.RTL {
				want = opt.Width - l.Width
			}
			if l.Indent != want {
				t.Errorf("%s: indent %d, want %d (RTL %v)", where(), l.Indent, want, l.RTL)
			}
		}
		// The clusters are a permutation of the line's logical clusters:
		// sorted, they cover [Start, e) at grapheme boundaries, and only
		// hanging spaces or line separators follow e.
		sorted := slices.Clone(l.Clusters())
		slices.SortFunc(sorted, func(a, b Cluster) int { return a.Start - b.Start })
		e := l.Start
		for _, c := range sorted {
			if c.Start != e || c.End <= c.Start || !bounds[c.Start] || !bounds[c.End] {
				t.Fatalf("%s: cluster [%d,%d) after %d (not a permutation of the line's clusters)", where(), c.Start, c.End, e)
			}
			if !opt.Shape {
				// Without shaping, one layout cluster is one grapheme cluster.
				if _, rest, _, _ := uniseg.FirstGraphemeClusterInString(text[c.Start:], -1); len(text)-len(rest) != c.End {
					t.Errorf("%s: cluster [%d,%d) is not one grapheme cluster", where(), c.Start, c.End)
				}
			}
			e = c.End
		}
		for _, r := range text[e:l.End] {
			if !hangs(r) {
				t.Errorf("%s: %q not shown at the end of the line", where(), r)
			}
		}
		if opt.Bidi == Terminal && !slices.IsSortedFunc(l.Clusters(), func(a, b Cluster) int { return a.Start - b.Start }) {
			t.Errorf("%s: terminal mode must keep logical order", where())
		}
		// Drawn text: no raw control character; without shaping each
		// rune is itself, its mirror image or its placeholder.
		var all strings.Builder
		for _, c := range l.Clusters() {
			all.WriteString(c.Text)
			for _, r := range c.Text {
				if r < 0x20 || r >= 0x7f && r <= 0x9f {
					t.Fatalf("%s: raw control %U in %q", where(), r, c.Text)
				}
			}
			if c.Text == Overflow || opt.Shape {
				continue
			}
			orig, drawn := []rune(text[c.Start:c.End]), []rune(c.Text)
			if opt.Bidi == App && len(orig) == 1 && invisible(orig[0]) && len(drawn) == 0 {
				continue // a bidi control, ZWSP or BOM alone: not sent once reordered
			}
			if len(orig) != len(drawn) {
				t.Errorf("%s: %q drawn as %q", where(), orig, drawn)
				continue
			}
			for k := range orig {
				m, _ := bidi.Mirror(orig[k])
				ok := drawn[k] == orig[k] || drawn[k] == picture(orig[k]) || opt.Bidi == App && m == drawn[k]
				if !ok {
					t.Errorf("%s: %q drawn as %q", where(), orig[k], drawn[k])
				}
			}
		}
		// Segments: together they are the line, adjacent ones differ.
		var segs strings.Builder
		for k, s := range l.Segments {
			if s.Text == "" || k > 0 && l.Segments[k-1].Style == s.Style {
				t.Errorf("%s: segment %d %+v empty or not merged", where(), k, s)
			}
			segs.WriteString(s.Text)
		}
		if segs.String() != all.String() {
			t.Errorf("%s: segments %q, clusters %q", where(), segs.String(), all.String())
		}
		checkStyles(t, text, spans, l, where)
	}
	if pos != len(text) {
		t.Fatalf("%q: lines end at %d of %d", text, pos, len(text))
	}
	if n := Count(text, opt); n != len(lines) {
		t.Errorf("%q at %+v: Count %d, Block %d lines", text, opt, n, len(lines))
	}
}

// checkStyles checks that every drawn rune shows the style of the
// logical rune it draws (for a lam-alef ligature, of both letters).
func checkStyles(t testing.TB, text string, spans []Span, l Line, where func() string) {
	t.Helper()
	naive := func(a, b int) Style {
		var s Style
		for _, sp := range spans {
			if sp.Start < b && a < sp.End && sp.Start < sp.End {
				s |= sp.Style
			}
		}
		return s
	}
	// The style of every byte of the drawn line, from the segments.
	var got []Style
	for _, s := range l.Segments {
		for range len(s.Text) {
			got = append(got, s.Style)
		}
	}
	at := 0
	for _, c := range l.Clusters() {
		type piece struct {
			n    int
			want Style
		}
		var pieces []piece
		if c.parts == nil {
			if utf8.RuneCountInString(text[c.Start:c.End]) != 1 && c.Text != Overflow {
				t.Fatalf("%s: cluster %q of several runes without parts", where(), text[c.Start:c.End])
			}
			pieces = append(pieces, piece{len(c.Text), naive(c.Start, c.End)})
		} else {
			from, next := 0, c.Start
			for k, p := range c.parts {
				if int(p.start) != next {
					t.Fatalf("%s: parts do not tile the cluster", where())
				}
				_, size := utf8.DecodeRuneInString(text[p.start:])
				if int(p.stop-p.start) != size {
					t.Fatalf("%s: part is not one rune", where())
				}
				next = int(p.stop)
				want := naive(int(p.start), int(p.stop))
				if k == 0 {
					for _, q := range c.parts {
						if q.merge {
							want |= naive(int(q.start), int(q.stop))
						}
					}
				}
				pieces = append(pieces, piece{int(p.end) - from, want})
				from = int(p.end)
			}
			if next != c.End || from != len(c.Text) {
				t.Fatalf("%s: parts do not cover the cluster", where())
			}
		}
		for _, p := range pieces {
			for range p.n {
				if got[at] != p.want {
					t.Errorf("%s: cluster %q byte %d has style %d, want %d", where(), c.Text, at, got[at], p.want)
				}
				at++
			}
		}
	}
}

// articleParagraphs returns the lines of the embedded article as it was
// scraped: Persian text with numbers, guillemets, brackets, ZWNJ and
// Latin metadata.
func articleParagraphs(t testing.TB) []string {
	b, err := os.ReadFile("../../content/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// articleBlocks returns the paragraphs of the article as rtlview shows
// it: cleaned up, ZWNJs repaired (content.Article).
func articleBlocks() []string {
	var out []string
	for _, b := range content.Article().Blocks {
		out = append(out, b.Text)
	}
	return out
}

// TestArticleInvariants lays the article out at every width from 1 to
// 120, in the three modes, with style spans that cut words, runes and
// direction changes, and checks every line.
func TestArticleInvariants(t *testing.T) {
	paras := append(articleParagraphs(t), articleBlocks()...)
	modes := []Options{
		{Bidi: App, Shape: true, Dir: RTL},
		{Bidi: App, Dir: RTL},
		{Bidi: Terminal, Dir: RTL},
		{Bidi: Terminal, Shape: true, Dir: RTL},
	}
	for _, text := range paras {
		var spans []Span
		for i := 0; i < len(text); i += 37 {
			// Every few bytes a span of arbitrary length: some cut a
			// rune in two, some cross words and bidi runs.
			spans = append(spans, Span{Start: i, End: i + 1 + i%23, Style: Style(1 << (i % 5))})
		}
		for _, mode := range modes {
			for w := 1; w <= 120; w++ {
				opt := mode
				opt.Width = w
				checkLines(t, text, spans, opt, Block(0, text, spans, opt))
			}
		}
	}
}

// Restyle on a laid-out line gives what Block gives with those spans.
func TestRestyleMatchesBlock(t *testing.T) {
	for _, text := range articleParagraphs(t) {
		spans := []Span{{Start: 3, End: 40, Style: 1}, {Start: 20, End: 90, Style: 2}}
		opt := Options{Width: 30, Shape: true, Dir: RTL}
		want := Block(0, text, spans, opt)
		got := Block(0, text, nil, opt)
		for i := range got {
			got[i].Restyle(spans)
			if !slices.Equal(got[i].Segments, want[i].Segments) {
				t.Errorf("%q line %d: restyled %+v, laid out %+v", text, i, got[i].Segments, want[i].Segments)
			}
		}
	}
}

func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		"", "a", "ab cd", "لا", "سلام دنیا", "نِچایف", "ABC (DEF) ghi", "a\x1b[31m", "漢字 abc",
		"«ولادیمیر پوتین» (کِی‌سی‌اِن‌اِی) ۱۴۰۱ 2022", "\u202eabc\u202c def", "a\u2028b", "\xff\xfe",
	} {
		f.Add(s, uint8(7), uint8(5), uint16(1), uint16(9), uint16(4), uint16(30))
	}
	f.Fuzz(func(t *testing.T, text string, width, flags uint8, s0, s1, s2, s3 uint16) {
		opt := Options{Width: int(width % 130), Shape: flags&1 != 0, Dir: Direction(flags >> 2 & 1)}
		if flags&2 != 0 {
			opt.Bidi = Terminal
		}
		n := len(text) + 2
		spans := []Span{
			{Start: int(s0) % n, End: int(s1) % n, Style: 1},
			{Start: int(s2) % n, End: int(s3) % n, Style: 2},
			{Start: int(s0) % n, End: int(s3) % n, Style: 4},
		}
		checkLines(t, text, spans, opt, Block(0, text, spans, opt))
		// Printed without colour (bare lines), as a block of a kind
		// and frame the flags choose, it is what the full layout prints.
		b := content.Block{Text: text, Quote: flags >> 3 & 1, Indent: flags >> 4 & 3}
		b.Kind = [...]content.Kind{content.Paragraph, content.ListItem, content.Code, content.Heading}[flags>>6]
		doc := &content.Document{Blocks: []content.Block{b, b}}
		doc.Blocks[1].Break = true
		if bare, full := printBoth(t, doc, opt); bare != full {
			t.Errorf("%q as %+v at %+v: bare and full output differ:\n%s", text, b, opt, firstDiff(bare, full))
		}
	})
}

func picture(r rune) rune {
	p, _ := content.ControlPicture(r)
	return p
}
