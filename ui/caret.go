package ui

import (
	"golang.org/x/text/unicode/bidi"

	"rtlview/ui/layout"
)

// A caret in reordered text. The query of the search prompt is kept in
// logical order and drawn in visual order, so a logical cursor offset has
// to be placed between two clusters on screen, and ←/→ have to move it
// between clusters on screen, not through memory: in a Persian query ←
// goes on to the next letter, as in every editor that knows bidi.
//
// Each cluster of a laid-out line covers the logical bytes [Start, End).
// In a left-to-right run its left edge stands for Start and its right
// edge for End; in a right-to-left run the other way round. The gap
// between clusters k-1 and k (0 <= k <= len) stands for the right edge of
// the one and the left edge of the other, which differ where two runs of
// different directions meet: there the caret takes the offset of the
// cluster that goes the line's way.

// clusterRTL reports whether cluster k of cs is in a right-to-left run:
// from its neighbours on screen (logically next to it on the other side
// in a right-to-left run), or from its own first letter when it stands
// alone, or from the line.
func clusterRTL(cs []layout.Cluster, k int, lineRTL bool) bool {
	c := cs[k]
	if k+1 < len(cs) {
		switch n := cs[k+1]; {
		case n.End == c.Start && n.Start >= 0:
			return true
		case n.Start == c.End:
			return false
		}
	}
	if k > 0 {
		switch p := cs[k-1]; {
		case p.Start == c.End && p.Start >= 0:
			return true
		case p.End == c.Start:
			return false
		}
	}
	for _, r := range c.Text {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		}
	}
	return lineRTL
}

// edges are the logical offsets of a cluster's left and right edges.
func edges(cs []layout.Cluster, k int, lineRTL bool) (left, right int) {
	if clusterRTL(cs, k, lineRTL) {
		return cs[k].End, cs[k].Start
	}
	return cs[k].Start, cs[k].End
}

// gapOffset is the logical offset a caret in gap k stands for, and the
// other one when two runs meet there (-1 when none).
func gapOffset(cs []layout.Cluster, k int, lineRTL bool) (off, alt int) {
	alt = -1
	var fromLeft, fromRight = -1, -1 // the offsets the neighbours give
	var leftGoesLine, rightGoesLine bool
	if k > 0 {
		_, fromLeft = edges(cs, k-1, lineRTL)
		leftGoesLine = clusterRTL(cs, k-1, lineRTL) == lineRTL
	}
	if k < len(cs) {
		fromRight, _ = edges(cs, k, lineRTL)
		rightGoesLine = clusterRTL(cs, k, lineRTL) == lineRTL
	}
	switch {
	case fromLeft < 0:
		return fromRight, -1
	case fromRight < 0:
		return fromLeft, -1
	case fromLeft == fromRight:
		return fromLeft, -1
	case rightGoesLine && !leftGoesLine:
		return fromRight, fromLeft
	}
	return fromLeft, fromRight
}

// caretGap is the gap on screen (0 at the left edge, len(cs) at the right)
// where a caret at logical offset cur is drawn. hint is the gap the caret
// was last moved to, or -1: where two runs meet, one offset has two gaps,
// and the caret stays in the one it was moved to.
func caretGap(cs []layout.Cluster, lineRTL bool, cur, hint int) int {
	if len(cs) == 0 {
		return 0
	}
	if hint >= 0 && hint <= len(cs) {
		if off, alt := gapOffset(cs, hint, lineRTL); off == cur || alt == cur {
			return hint
		}
	}
	second := -1
	for k := 0; k <= len(cs); k++ {
		off, alt := gapOffset(cs, k, lineRTL)
		if off == cur {
			return k
		}
		if alt == cur && second < 0 {
			second = k
		}
	}
	if second >= 0 {
		return second
	}
	// Not at a cluster edge (inside a ligature): the gap of the
	// cluster's logical start.
	for k, c := range cs {
		if c.Start <= cur && cur < c.End {
			if clusterRTL(cs, k, lineRTL) {
				return k + 1
			}
			return k
		}
	}
	if lineRTL {
		return 0
	}
	return len(cs)
}

// moveCaret moves a caret at logical offset cur, drawn in gap hint (see
// caretGap), over the next cluster on screen (d -1: the one on its left,
// 1: on its right) and returns its new offset and gap: the offset of the
// far edge of the cluster passed over.
func moveCaret(cs []layout.Cluster, lineRTL bool, cur, hint, d int) (off, gap int) {
	k := caretGap(cs, lineRTL, cur, hint)
	switch {
	case d < 0 && k > 0:
		off, _ = edges(cs, k-1, lineRTL)
		return off, k - 1
	case d > 0 && k < len(cs):
		_, off = edges(cs, k, lineRTL)
		return off, k + 1
	}
	return cur, k
}
