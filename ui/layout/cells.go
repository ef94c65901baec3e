package layout

import "slices"

// A Line keeps its clusters packed, eight bytes each (a Cluster is 72):
// layout makes thousands of them per screen and the reader's Cache keeps
// them, while a Cluster of its own is wanted only by the few callers of
// Line.Clusters (the caret in the search prompt, tests).
//
// cell is one cluster: its logical start, the sizes of its text and of
// its drawing (which follows the drawing of the cell before it in
// Line.drawn), its width, and whether it has parts. What does not fit
// (a decoration's style, parts, a cluster of 255 bytes or more or 127
// cells or more) is in the line's lineExtra, in the order of the cells
// that need it.
type cell struct {
	start int32  // Cluster.Start; -1 for a decoration
	size  uint16 // len(Cluster.Text); cellLong: see lineExtra.long
	n     uint8  // Cluster.End - Cluster.Start (0 for a decoration)
	w     uint8  // Cluster.Width, and cellParts
}

const (
	cellParts = 0x80   // w: the cluster's parts are next in lineExtra.parts
	cellLong  = 0xFFFF // size: its size, n and w are next in lineExtra.long
)

// lineExtra holds what a line's cells do not, each list in the order of
// the cells it belongs to.
type lineExtra struct {
	styles []Style    // of the decorations
	parts  []part     // of the cells with cellParts, the last of each marked
	long   []longCell // of the cells with size cellLong
}

type longCell struct{ size, n, w int32 }

// cellReader reads a line's cells in order.
type cellReader struct {
	l                    *Line
	k, style, part, long int
}

// cellView is a cell read: a Cluster without its text, size bytes of the
// line's drawing after the previous cell's.
type cellView struct {
	start, end, size, width int // start and end -1 for a decoration
	style                   Style
	parts                   []part
}

// next returns the next cell of the line, and false after the last. (A
// value and not a *Cluster to fill: writing pointers through a pointer
// costs write barriers.)
func (r *cellReader) next() (v cellView, ok bool) {
	l := r.l
	if r.k >= len(l.cells) {
		return v, false
	}
	e := l.cells[r.k]
	r.k++
	v.size, v.end, v.width = int(e.size), int(e.n), int(e.w&^cellParts)
	if e.size == cellLong {
		x := l.x.long[r.long]
		r.long++
		v.size, v.end, v.width = int(x.size), int(x.n), int(x.w)
	}
	if e.start < 0 {
		v.start, v.end = -1, -1
		v.style = l.x.styles[r.style]
		r.style++
	} else {
		v.start = int(e.start)
		v.end += v.start
	}
	if e.w&cellParts != 0 {
		p0 := r.part
		for !l.x.parts[r.part].last {
			r.part++
		}
		r.part++
		v.parts = l.x.parts[p0:r.part:r.part]
	}
	return v, true
}

// Clusters returns the line's grapheme clusters as shown, left to right
// on screen: a new slice at each call, whose texts share the line's
// memory. Set them with SetClusters.
func (l *Line) Clusters() []Cluster {
	if len(l.cells) == 0 {
		return nil
	}
	cs := make([]Cluster, 0, len(l.cells))
	r := cellReader{l: l}
	pos := 0
	for {
		v, ok := r.next()
		if !ok {
			break
		}
		cs = append(cs, Cluster{Text: l.drawn[pos : pos+v.size], Start: v.start, End: v.end, Width: v.width, Style: v.style, parts: v.parts})
		pos += v.size
	}
	return cs
}

// SetClusters makes cs the line's clusters (a line built by hand, or one
// that a caller adds a cluster to): its drawing is their texts end to
// end. Width, Indent and Segments are left as they are: call Restyle
// after. A cluster that is not a decoration has no Style of its own.
func (l *Line) SetClusters(cs []Cluster) {
	var b lineBuilder
	for i := range cs {
		b.add(&cs[i])
	}
	b.set(l)
}

// lineBuilder packs clusters into the cells of a line.
type lineBuilder struct {
	drawn []byte
	cells []cell
	x     lineExtra
}

func (b *lineBuilder) reset() {
	b.drawn, b.cells = b.drawn[:0], b.cells[:0]
	b.x.styles, b.x.parts, b.x.long = b.x.styles[:0], b.x.parts[:0], b.x.long[:0]
}

// put adds the cell of a cluster whose drawing (size bytes) was just
// appended to b.drawn, and its parts, if any, to b.x.parts.
func (b *lineBuilder) put(start, n, size, w int, parts bool) {
	e := cell{start: int32(start)}
	if start < 0 {
		e.start, n = -1, 0
	}
	if parts {
		e.w = cellParts
	}
	if size < cellLong && n >= 0 && n < 0xFF && w >= 0 && w < cellParts {
		e.size, e.n, e.w = uint16(size), uint8(n), e.w|uint8(w)
	} else {
		e.size = cellLong
		b.x.long = append(b.x.long, longCell{int32(size), int32(n), int32(w)})
	}
	b.cells = append(b.cells, e)
}

// add adds one cluster.
func (b *lineBuilder) add(c *Cluster) {
	b.drawn = append(b.drawn, c.Text...)
	if c.Start < 0 {
		b.x.styles = append(b.x.styles, c.Style)
	}
	if len(c.parts) > 0 {
		p0 := len(b.x.parts)
		b.x.parts = append(b.x.parts, c.parts...)
		for k := p0; k < len(b.x.parts); k++ {
			b.x.parts[k].last = k == len(b.x.parts)-1
		}
	}
	b.put(c.Start, c.End-c.Start, len(c.Text), c.Width, len(c.parts) > 0)
}

// addLine adds every cluster of l, as they are packed.
func (b *lineBuilder) addLine(l *Line) {
	b.drawn = append(b.drawn, l.drawn...)
	b.cells = append(b.cells, l.cells...)
	if l.x != nil {
		b.x.styles = append(b.x.styles, l.x.styles...)
		b.x.parts = append(b.x.parts, l.x.parts...)
		b.x.long = append(b.x.long, l.x.long...)
	}
}

// set gives l copies of what b holds, in memory of their own.
func (b *lineBuilder) set(l *Line) {
	l.drawn = string(b.drawn)
	l.cells = clone(b.cells)
	l.x = nil
	if len(b.x.styles)+len(b.x.parts)+len(b.x.long) > 0 {
		l.x = &lineExtra{
			styles: clone(b.x.styles),
			parts:  clone(b.x.parts),
			long:   clone(b.x.long),
		}
	}
}

// lend gives l what b holds without copying it: the line is valid until
// b is used again (a work space that streams).
func (b *lineBuilder) lend(l *Line) {
	l.drawn = string(b.drawn)
	l.cells = b.cells[:len(b.cells):len(b.cells)]
	l.x = nil
	if len(b.x.styles)+len(b.x.parts)+len(b.x.long) > 0 {
		l.x = &b.x
	}
}

// clone is slices.Clone, nil for an empty slice.
func clone[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}
