package layout

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"rtlview/content"
)

// smallPieces makes very long paragraphs start at a few hundred bytes.
func smallPieces(t *testing.T) {
	oldMax, oldTarget := pieceMax, pieceTarget
	pieceMax, pieceTarget = 600, 200
	t.Cleanup(func() { pieceMax, pieceTarget = oldMax, oldTarget })
}

// A paragraph laid out in pieces keeps every invariant: the whole
// article as one line, and a long run of one letter with no space.
func TestPieces(t *testing.T) {
	smallPieces(t)
	whole := strings.Join(articleParagraphs(t)[1:], " ") // from the first Persian line
	run := strings.Repeat("ب", 1000) + " " + strings.Repeat("x", 900)
	for _, text := range []string{whole, run} {
		for _, w := range []int{0, 1, 7, 40, 80} {
			for _, opt := range []Options{{Width: w, Shape: true}, {Width: w, Bidi: Terminal}} {
				lines := Block(0, text, []Span{{Start: 100, End: 900, Style: 1}}, opt)
				checkLines(t, text, []Span{{Start: 100, End: 900, Style: 1}}, opt, lines)
				if !lines[0].RTL || !lines[len(lines)-1].RTL {
					t.Errorf("width %d: pieces lost the paragraph's direction", w)
				}
			}
		}
	}
	// Pieces end after a space before a letter, when there is one.
	for from := 0; from < len(whole); {
		to := cut(whole, from)
		if to < len(whole) && whole[to-1] != ' ' {
			t.Errorf("piece [%d,%d) ends in %q", from, to, whole[to-4:to])
		}
		from = to
	}
}

// Plain streams with reused buffers; it must print exactly what Block
// lays out.
func TestPlainMatchesBlock(t *testing.T) {
	smallPieces(t)
	paras := articleParagraphs(t)
	paras = append(paras, strings.Join(paras, " "), "", "a\x1bb")
	doc := &content.Document{}
	for _, p := range paras {
		doc.Blocks = append(doc.Blocks, content.Block{Text: p})
	}
	for _, opt := range []Options{{Width: 33, Shape: true, Dir: RTL}, {Width: 1, Dir: RTL}, {Width: 0, Bidi: Terminal}} {
		var got bytes.Buffer
		if err := Plain(&got, doc, opt, false); err != nil {
			t.Fatal(err)
		}
		var want []byte
		for i, p := range paras {
			for _, l := range Block(i, p, nil, opt) {
				want = appendPlain(want, &l, false, DefaultSGR)
			}
		}
		if got.String() != string(want) {
			t.Errorf("%+v: Plain and Block differ", opt)
		}
	}
}

// Every long paragraph is cut into bounded pieces whatever it holds: no
// spaces, no letters, one endless grapheme cluster.
func TestCutBounded(t *testing.T) {
	for _, tc := range []struct{ name, unit string }{
		{"digits", "0123456789"},
		{"emoji", "😀👍🏽"},
		{"marks", "\u0651"},
		{"bidi controls", "\u202b\u202c"},
		{"flags", "🇮🇷"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Repeat(tc.unit, (3*pieceMax)/len(tc.unit))
			if tc.name == "marks" {
				text = "ب" + text
			}
			n := 0
			for from := 0; from < len(text); n++ {
				to := cut(text, from)
				if to <= from || to-from > pieceMax || !utf8.ValidString(text[from:to]) {
					t.Fatalf("piece %d: [%d, %d)", n, from, to)
				}
				from = to
			}
			if n < 3 {
				t.Errorf("%d pieces", n)
			}
		})
	}
}
