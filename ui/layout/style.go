package layout

import (
	"cmp"
	"math"
	"slices"
)

// part maps one logical rune of a cluster to the bytes that draw it:
// Cluster.Text[previous part's end:end] (empty when shaping absorbed the
// rune). Clusters of one rune carry no parts.
type part struct {
	end         int32 // end of the rune's drawing in Cluster.Text
	start, stop int32 // the rune's logical byte range in the block's text
	// merge: the rune was absorbed into the cluster's first glyph (the
	// alef of a lam-alef ligature), so its style is shown on that glyph.
	merge bool
	last  bool // the cluster's last part (see lineExtra.parts)
}

// styleOf returns the OR of the styles of the spans that overlap the byte
// range [start, stop). A span that cuts a rune in two styles all of it.
func styleOf(spans []Span, start, stop int) Style {
	var s Style
	for i := range spans {
		if spans[i].Start < stop && spans[i].End > start {
			s |= spans[i].Style
		}
	}
	return s
}

// Restyle recomputes l.Segments from the line's clusters for spans (byte
// ranges of the block's text, in any order, possibly overlapping): every
// drawn character gets the style of the logical character it shows, and
// adjacent characters of equal style form one segment. It does not lay
// the line out again, so it is cheap enough for every keystroke of a
// search. Decorations (list markers, bars, borders) keep their own style.
func (l *Line) Restyle(spans []Span) {
	// Only the spans that touch this line matter.
	var room [16]Span // most lines have a few: no allocation
	near := room[:0]
	for _, s := range spans {
		if s.Start < l.End && s.End > l.Start && s.Style != 0 && s.Start < s.End {
			near = append(near, s)
		}
	}
	segs := l.Segments[:0]
	if len(near) == 0 && (l.x == nil || len(l.x.styles) == 0) {
		// Nothing styled, no decoration: the line is one segment.
		if l.drawn != "" {
			segs = append(segs, Segment{Text: l.drawn})
		}
		l.Segments = segs
		return
	}
	last := 0 // offset in l.drawn of the last segment
	add := func(a, b int, st Style) {
		if a == b {
			return
		}
		if n := len(segs); n > 0 && segs[n-1].Style == st {
			// Clusters and their parts lie end to end in l.drawn, so
			// the last segment ends where this one starts.
			segs[n-1].Text = l.drawn[last:b]
			return
		}
		last = a
		segs = append(segs, Segment{Text: l.drawn[a:b], Style: st})
	}
	// The cells read as cellReader reads them, without a call and a
	// copy per cell: Restyle runs for every line on screen each frame.
	pos := 0 // offset of the current cluster in l.drawn
	style, part, long := 0, 0, 0
	for _, e := range l.cells {
		size, n := int(e.size), int(e.n)
		if e.size == cellLong {
			size, n = int(l.x.long[long].size), int(l.x.long[long].n)
			long++
		}
		if e.start < 0 {
			// A decoration keeps its own style.
			add(pos, pos+size, l.x.styles[style])
			style++
			pos += size
			continue
		}
		if e.w&cellParts == 0 {
			st := Style(0)
			if len(near) > 0 {
				st = styleOf(near, int(e.start), int(e.start)+n)
			}
			add(pos, pos+size, st)
			pos += size
			continue
		}
		p0 := part
		for !l.x.parts[part].last {
			part++
		}
		part++
		parts := l.x.parts[p0:part]
		// The style of absorbed letters goes onto the first glyph.
		var extra Style
		for _, pt := range parts {
			if pt.merge {
				extra |= styleOf(near, int(pt.start), int(pt.stop))
			}
		}
		from := 0
		for k, pt := range parts {
			st := styleOf(near, int(pt.start), int(pt.stop))
			if k == 0 {
				st |= extra
			}
			add(pos+from, pos+int(pt.end), st)
			from = int(pt.end)
		}
		pos += size
	}
	l.Segments = segs
}

// SpanIndex finds the spans that may touch a line without looking at every
// span of the block: a 10 MB paragraph has tens of thousands of entity
// spans and tens of thousands of lines, and filtering all of them for each
// line is quadratic.
//
// A SpanIndex is not safe for concurrent use: it remembers where the last
// window was, so that lines asked for in logical order cost O(1) each.
type SpanIndex struct {
	spans  []Span // sorted by Start
	maxEnd []int  // maxEnd[i] is the largest End of spans[:i+1]
	// The last window [lo, hi) and the range it was for.
	lo, hi, start, end int
}

// NewSpanIndex indexes spans (in any order; the slice is not modified).
func NewSpanIndex(spans []Span) *SpanIndex {
	x := &SpanIndex{spans: append([]Span(nil), spans...)}
	slices.SortStableFunc(x.spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	x.maxEnd = make([]int, len(x.spans))
	m := math.MinInt
	for i, s := range x.spans {
		m = max(m, s.End)
		x.maxEnd[i] = m
	}
	return x
}

// Window returns the indexed spans that may overlap [start, end): every
// span that does is in it. The result is a subslice of the index, in
// order of Start; pass it to Restyle.
func (x *SpanIndex) Window(start, end int) []Span {
	if x == nil {
		return nil
	}
	// Spans before lo all end at or before start (maxEnd is monotone);
	// spans from hi on all start at or after end.
	if start >= x.start && end >= x.end && x.hi > 0 {
		// The next line in logical order: both bounds only move on.
		lo, hi := x.lo, x.hi
		for lo < len(x.spans) && x.maxEnd[lo] <= start {
			lo++
		}
		for hi < len(x.spans) && x.spans[hi].Start < end {
			hi++
		}
		x.lo, x.hi, x.start, x.end = lo, hi, start, end
		if lo >= hi {
			return nil
		}
		return x.spans[lo:hi]
	}
	lo, _ := slices.BinarySearchFunc(x.maxEnd, start, func(m, t int) int {
		if m > t {
			return 1
		}
		return -1
	})
	hi, _ := slices.BinarySearchFunc(x.spans, end, func(s Span, t int) int {
		if s.Start >= t {
			return 1
		}
		return -1
	})
	x.lo, x.hi, x.start, x.end = lo, hi, start, end
	if lo >= hi {
		return nil
	}
	return x.spans[lo:hi]
}
