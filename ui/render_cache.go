package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"rtlview/ui/layout"
)

// renderCache keeps what a frame would otherwise recompute on every
// View: the SGR sequences of each style, whether a laid-out line fits the
// width as lipgloss measures it, and the header rows. It is shared by the
// copies of a Model (a test's fork) and is only valid for
// one layout and width, which it checks.
type renderCache struct {
	sgr   map[sgrKey][2]string
	opt   layout.Options
	width int
	fits  map[pos]bool
	title string
	date  string
	head  bool
}

type sgrKey struct {
	bits       layout.Style
	highlights bool
}

func newRenderCache() *renderCache {
	return &renderCache{sgr: map[sgrKey][2]string{}, fits: map[pos]bool{}}
}

// rcache returns the cache, first resetting what depends on the layout when the layout changed.
func (m *Model) rcache() *renderCache {
	rc := m.rc
	if rc.opt != m.sc.opt || rc.width != m.width {
		rc.opt, rc.width = m.sc.opt, m.width
		clear(rc.fits)
		rc.head = false
	}
	return rc
}

// sgrOf is the sequences that open and close the style of bits: a style
// without width, padding or margins only wraps its text, so rendering a
// marker once and splitting around it gives them.
func (m *Model) sgrOf(bits layout.Style) (string, string, bool) {
	k := sgrKey{bits, m.highlights}
	if p, ok := m.rc.sgr[k]; ok {
		return p[0], p[1], p[0] != "" || p[1] != ""
	}
	var p [2]string
	if st, ok := m.styles.styleOf(bits, m.highlights); ok {
		const marker = "M"
		r := st.Render(marker)
		if i := strings.Index(r, marker); i >= 0 {
			p = [2]string{r[:i], r[i+len(marker):]}
		}
	}
	m.rc.sgr[k] = p
	return p[0], p[1], p[0] != "" || p[1] != ""
}

// lineFits reports whether the line at p, drawn plain, is at most the
// width as lipgloss measures it (layout measures with uniseg; the two
// agree but for rare characters). Measured once per line and layout.
func (m *Model) lineFits(p pos, plain string) bool {
	rc := m.rcache()
	if ok, seen := rc.fits[p]; seen {
		return ok
	}
	ok := lipgloss.Width(plain) <= m.width
	rc.fits[p] = ok
	return ok
}
