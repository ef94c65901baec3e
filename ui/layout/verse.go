package layout

import (
	"strings"

	"github.com/rivo/uniseg"

	"rtlview/content"
)

// verseGap is the blank cells between the two half-verses of a verse.
const verseGap = 4

// layVerse lays a verse of poetry out as its two half-verses (the
// hemistichs of a Persian beyt) side by side: the screen is cut into two
// columns with a gap in the middle, the first half-verse in the column on
// the verse's starting side, each aligned on that side of its column (the
// usual layout of a Persian beyt), so that the gap of every verse of a
// poem falls on the same cells. When a half-verse does
// not fit its column on one line, the verse is stacked: the first half on
// the starting side, the second indented from it under it.
func layVerse(p *para, index int, b *content.Block, rtl bool, isolates []content.Range, opt Options, emit func(*Line, bool) bool) bool {
	h := b.Attrs.Halves
	n := len(b.Text)
	if h[1].End <= h[1].Start || h[0].Start < 0 || h[0].Start > h[0].End || h[0].End > h[1].Start || h[1].End > n {
		// One half: a line of prose.
		first := true
		return p.run(index, b.Text, 0, len(b.Text), rtl, isolates, opt, func(l *Line) bool {
			ok := emit(l, first)
			first = false
			return ok
		})
	}
	if num := b.Attrs.Number; num != "" {
		// The verse's number in a gutter on the starting side, as wide
		// for every verse of a poem (so that their columns line up).
		gutter := max(uniseg.StringWidth(num)+2, 6)
		if opt.Width <= 0 || opt.Width > gutter+16 {
			inner := opt
			if opt.Width > 0 {
				inner.Width -= gutter
			}
			first := true
			c := *b
			a := *b.Attrs
			a.Number = ""
			c.Attrs = &a
			return layVerse(p, index, &c, rtl, isolates, inner, func(l *Line, f bool) bool {
				label := num
				if !first {
					label = ""
				}
				first = false
				pad := strings.Repeat(" ", gutter-uniseg.StringWidth(label))
				text := label + pad
				if rtl {
					text = pad + label
				}
				l.startWith([]Cluster{deco(text, gutter, StyleDim)}, rtl, opt.Width)
				return emit(l, f)
			})
		}
	}
	col := (opt.Width - verseGap) / 2
	var halves [2][]Line
	fits := opt.Width > 0 && col >= 4
	var q para
	for k, r := range h {
		copt := opt
		if fits {
			copt.Width = col
		}
		q.run(index, b.Text, r.Start, r.End, rtl, isolates, copt, func(l *Line) bool {
			halves[k] = append(halves[k], *l) // q does not stream: l owns its memory
			return true
		})
		fits = fits && len(halves[k]) == 1
	}
	if fits {
		l := Line{Block: index, Start: h[0].Start, End: h[1].End, RTL: rtl}
		screen := [2]*Line{&halves[0][0], &halves[1][0]}
		if rtl {
			screen[0], screen[1] = screen[1], screen[0]
		}
		var lb lineBuilder
		for k, half := range screen {
			if k == 1 {
				gap := deco(strings.Repeat(" ", verseGap), verseGap, 0)
				lb.add(&gap)
			}
			a := content.AlignLeft
			if rtl {
				a = content.AlignRight
			}
			appendCell(&lb, half, col, a)
		}
		lb.set(&l)
		l.Width = 2*col + verseGap
		if rtl && opt.Width > l.Width {
			l.Indent = opt.Width - l.Width
		}
		return emit(&l, true)
	}
	// Stacked, on lines of the full width; the second half indented.
	first := true
	for k, r := range h {
		copt := opt
		indent := 0
		if k == 1 && opt.Width > 8 {
			indent = 4
			copt.Width -= indent
		}
		ok := p.run(index, b.Text, r.Start, r.End, rtl, isolates, copt, func(l *Line) bool {
			if indent > 0 {
				l.startWith([]Cluster{deco(strings.Repeat(" ", indent), indent, 0)}, rtl, opt.Width)
			}
			ok := emit(l, first)
			first = false
			return ok
		})
		if !ok {
			return false
		}
	}
	return true
}
