package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

// tokens is a long paragraph of unique words («ک00000 ک00001 …»): about
// 8 bytes each, Persian first so that the paragraph is RTL.
func tokens(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "ک%05d", i)
	}
	return b.String()
}

// A paragraph too long to lay out at once (here 800 KB on one line) is
// shown piece by piece: the first screen lays out a piece, not the
// paragraph; the lines and the total are those of the whole paragraph; a
// search finds a phrase across two pieces and highlights both halves;
// no blank row separates the pieces of one paragraph.
func TestLongParagraphInPieces(t *testing.T) {
	long := tokens(100_000)
	doc := content.Parse("مقدمه\n" + long + "\nپایان")
	m := drive(t, New(doc, Config{Bidi: layout.App, Shape: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	if len(m.sc.pieces) < 4 || len(m.sc.doc.Blocks) != len(m.sc.pieces) || len(m.sc.paras.Blocks) != 3 {
		t.Fatalf("%d pieces, %d blocks, %d paragraphs", len(m.sc.pieces), len(m.sc.doc.Blocks), len(m.sc.paras.Blocks))
	}
	// The blocks on screen, and the last ones (where G would go).
	if n := m.sc.cache.Len(); n > 4 {
		t.Errorf("the first screen laid out %d blocks of %d", n, len(m.sc.doc.Blocks))
	}
	opt := m.sc.opt
	whole := layout.Block(1, long, nil, opt)
	v := checkFrame(t, m, "first screen")
	for _, l := range whole[:10] {
		if !strings.Contains(v, l.String()) {
			t.Fatalf("first screen lacks line %q of the paragraph", l.String())
		}
	}
	total := 1 + len(whole) + 1
	if _, pos := m.position(); pos != fmt.Sprintf("1/%d", total) {
		t.Errorf("position %q, want 1/%d", pos, total)
	}

	// A phrase across the cut between the first two pieces.
	seam := m.sc.pieces[2].Start // block 1 is the paragraph's first piece
	if m.sc.pieces[2].Para != 1 || long[seam-1] != ' ' {
		t.Fatalf("piece 2 %+v does not start a word of the paragraph", m.sc.pieces[2])
	}
	from := strings.LastIndexByte(long[:seam-1], ' ') + 1
	to := seam + strings.IndexByte(long[seam:], ' ')
	query := long[from:to]
	m = drive(t, m, keyMsg("/"), tea.PasteMsg{Content: query}, keyMsg("enter"))
	if len(m.search.matches) != 1 {
		t.Fatalf("search %q: %d matches", query, len(m.search.matches))
	}
	if sp := m.matchSpans(1, nil); len(sp) != 1 || sp[0].Start != from-m.sc.pieces[1].Start || sp[0].End != len(m.sc.doc.Blocks[1].Text) {
		t.Errorf("first half of the match: %+v", sp)
	}
	if sp := m.matchSpans(2, nil); len(sp) != 1 || sp[0].Start != 0 || sp[0].End != to-seam {
		t.Errorf("second half of the match: %+v", sp)
	}
	v = checkFrame(t, m, "after the search")
	row := m.sc.rowOf(1, from-m.sc.pieces[1].Start)
	if !strings.Contains(v, m.sc.lines(1)[row].String()) {
		t.Error("the match is not on screen")
	}

	// The end: G shows the paragraph's last line and «پایان» (shaped).
	m = drive(t, m, keyMsg("esc"), keyMsg("G"))
	v = checkFrame(t, m, "end")
	end := layout.Block(2, "پایان", nil, opt)[0].String()
	if !strings.Contains(v, end) || !strings.Contains(v, whole[len(whole)-1].String()) {
		t.Errorf("G does not show the end (%q):\n%s", whole[len(whole)-1].String(), v)
	}
	if pct, pos := m.position(); pct != "100%" || !strings.HasSuffix(pos, fmt.Sprintf("/%d", total)) {
		t.Errorf("at the end: %s %s, total %d", pct, pos, total)
	}

	// An article: blank rows between paragraphs, none between pieces.
	art := &content.Document{Meta: content.Meta{Title: "تیتر"}, Blocks: []content.Block{
		{Kind: content.Heading, Level: 1, Text: "تیتر"}, {Kind: content.Lead, Text: "لید", Break: true}, {Text: long, Break: true}, {Text: "پایان", Break: true},
	}}
	m = drive(t, New(art, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 80, Height: 24})
	for b := range m.sc.doc.Blocks {
		p, _ := m.sc.para(b)
		last := b == len(m.sc.doc.Blocks)-1 || m.sc.pieces[b+1].Para != p
		if gapAfter(m.sc.doc, b) != (last && b != len(m.sc.doc.Blocks)-1) {
			t.Errorf("block %d (paragraph %d): gap after it %v", b, p, gapAfter(m.sc.doc, b))
		}
	}
}

// A small document is recognised as one text: a person found by a title in
// one paragraph is known by surname in the next, in the highlights and in
// the panel, as rtlview --entities finds it.
func TestEntitiesAcrossParagraphs(t *testing.T) {
	doc := content.Parse("رئیس جمهور شیلی گابریل بوریچ به لیما رفت.\nبوریچ گفت که سفر موفق بود.")
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 80, Height: 24})
	var got []string
	for _, e := range m.mentions(1) {
		got = append(got, doc.Blocks[1].Text[e.start:e.end]+"="+e.canon)
	}
	if len(got) != 1 || got[0] != "بوریچ=گابریل بوریچ" {
		t.Errorf("mentions of the second paragraph: %q", got)
	}
	m = drive(t, m, keyMsg("e"))
	n := -1
	for _, en := range m.ents.index {
		if en.canon == "گابریل بوریچ" {
			n = len(en.refs)
		}
	}
	if n != 2 {
		t.Errorf("the panel counts %d mentions of گابریل بوریچ, want 2", n)
	}
}

// The panel's top line says its keys in the longest wording that fits
// whole, never cut inside a word, and fills the width.
func TestPanelRule(t *testing.T) {
	for w, want := range map[int]string{
		80: "── entities: enter go to, tab next mention, e close ─",
		45: "── entities: enter go to, tab next, e close ─",
		40: "── entities: enter, tab, e close ───",
		20: "── entities ───",
		5:  "─────",
		0:  "",
	} {
		got := panelRule(w)
		if !strings.HasPrefix(got, want) || len([]rune(got)) != w {
			t.Errorf("width %d: %q", w, got)
		}
	}
}
