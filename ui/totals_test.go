package ui

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestTotalsLarge: on a document past syncTotalBytes the line total comes
// from a background command; until it arrives the status bar shows the
// paragraph, and the total it brings is the sum of the rows of every block.
func TestTotalsLarge(t *testing.T) {
	doc := bigDoc(t, 2*syncTotalBytes)
	m0 := New(doc, Config{Bidi: 0, Shape: true})
	mm, cmd := m0.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	m := mm.(*Model)
	if cmd == nil {
		t.Fatal("no background count for a large document")
	}
	if m.sc.totals.prefix != nil {
		t.Fatal("the total was computed in Update")
	}
	rows := strings.Split(m.screen(), "\n")
	if st := rows[len(rows)-1]; !regexp.MustCompile(`^\d+%  ¶1/\d+`).MatchString(st) {
		t.Errorf("status before the total: %q", st)
	}
	msg := cmd()
	// A count made for another layout is ignored.
	other := *m
	stale, _ := other.Update(tea.WindowSizeMsg{Width: 61, Height: 20})
	if got, _ := stale.Update(msg); got.(*Model).sc.totals.prefix != nil {
		t.Error("a count for width 60 was taken at width 61")
	}
	m = drive(t, m, msg)
	p := m.sc.totals.prefix
	if p == nil {
		t.Fatal("the count was not taken")
	}
	sum := 0
	for b := range m.sc.doc.Blocks {
		sum += m.sc.rows(b)
	}
	if p[len(p)-1] != sum {
		t.Errorf("total %d, sum of rows %d", p[len(p)-1], sum)
	}
	rows = strings.Split(m.screen(), "\n")
	if st := rows[len(rows)-1]; !strings.Contains(st, "1/"+strconv.Itoa(sum)) {
		t.Errorf("status after the total: %q", st)
	}
	m = drive(t, m, keyMsg("G"))
	rows = strings.Split(m.screen(), "\n")
	if st := rows[len(rows)-1]; !strings.HasPrefix(st, "100%") {
		t.Errorf("status at the end: %q", st)
	}
}

// TestSearchLarge: past syncSearchBytes the search runs in the background
// and finds what the synchronous search finds; its first match from the
// top of the screen comes first, on its own (searchFirstMsg).
func TestSearchLarge(t *testing.T) {
	doc := bigDoc(t, syncSearchBytes+1<<20)
	m := sized(doc, 80, 24)
	mm, cmd := m.Update(keyMsg("/"))
	m = mm.(*Model)
	for _, r := range "دونباس" {
		mm, cmd = m.Update(keyMsg(string(r)))
		m = mm.(*Model)
	}
	if cmd == nil {
		t.Fatal("no background search")
	}
	if !strings.Contains(m.screen(), "searching") {
		t.Error("the prompt does not say it is searching")
	}
	msgs := runCmd(cmd)
	want, _ := findAll(doc, doc.Len(), m.search.pat, nil)
	// The first match comes on its own, before the count: shown and
	// highlighted, the status still searching, n waiting. (Matches
	// count paragraphs, want blocks: the document's title is a block.)
	mm, _ = m.Update(msgs[0]) // its command, the rest of the search, not run
	first := mm.(*Model)
	if _, ok := msgs[0].(searchFirstMsg); !ok || !first.search.running || len(first.search.matches) != 1 ||
		!first.inBody(ref{want[0].block, want[0].start, want[0].end}) {
		t.Errorf("first match: %T, running %v, matches %v, shown %v", msgs[0], first.search.running, first.search.matches,
			first.inBody(ref{want[0].block, want[0].start, want[0].end}))
	}
	if st := strings.Split(first.screen(), "\n"); !strings.Contains(st[len(st)-1], "  searching…") || strings.Contains(st[len(st)-1], "match") {
		t.Errorf("status with the first match: %q", st[len(st)-1])
	}
	if first = drive(t, first, keyMsg("enter"), keyMsg("n")); first.search.cur >= 0 {
		t.Errorf("n before the count moved to match %d", first.search.cur)
	}
	m = drive(t, m, msgs...)
	if len(want) == 0 || len(m.search.matches) != len(want) {
		t.Fatalf("background search found %d, synchronous %d", len(m.search.matches), len(want))
	}
	if m.search.cur != 0 || !m.inBody(ref{want[0].block, want[0].start, want[0].end}) {
		t.Errorf("current match %d not shown", m.search.cur)
	}
	if f := msgs[0].(searchFirstMsg).first; f != m.search.matches[0] {
		t.Errorf("first match %v, the count's first %v", f, m.search.matches[0])
	}
}

// TestSearchLargeFromMiddle: a background search begun halfway down
// reads the document once, from the top of the screen on and then from
// its start: the first match is the first below the top, and the count's
// matches are those of a search from the start, in document order.
func TestSearchLargeFromMiddle(t *testing.T) {
	doc := bigDoc(t, syncSearchBytes+1<<20)
	m := drive(t, sized(doc, 80, 24), keys("5", "0", "%")...)
	top := m.sc.top
	m = drive(t, m, keyMsg("/"))
	var cmd tea.Cmd
	for _, r := range "دونباس" {
		var mm tea.Model
		mm, cmd = m.Update(keyMsg(string(r)))
		m = mm.(*Model)
	}
	msgs := runCmd(cmd)
	fm, ok := msgs[0].(searchFirstMsg)
	if len(msgs) != 1 || !ok {
		t.Fatalf("messages %T", msgs)
	}
	want, _ := findAll(m.sc.paras, m.sc.paras.Len(), m.search.pat, nil)
	at := m.searchFrom()
	i := slices.IndexFunc(want, func(mt match) bool {
		return mt.block > at.block || mt.block == at.block && mt.start >= at.start
	})
	if top.block == 0 || i <= 0 || fm.first != want[i] {
		t.Fatalf("top %v: first match %v, want %v (index %d)", top, fm.first, want[max(i, 0)], i)
	}
	m = drive(t, m, msgs...)
	if !slices.Equal(m.search.matches, want) || m.search.cur != i {
		t.Errorf("the count: %d matches, current %d; want %d, %d", len(m.search.matches), m.search.cur, len(want), i)
	}
}

// TestSearchLargeNoMatch: a background search that finds nothing ends
// with "not found", in the prompt and after Enter (it once showed
// "searching…" for ever), and Enter while it runs says it is running.
func TestSearchLargeNoMatch(t *testing.T) {
	doc := bigDoc(t, syncSearchBytes+1<<20)
	m := sized(doc, 80, 24)
	m = drive(t, m, keyMsg("/"))
	mm, cmd := m.Update(keyMsg("ژ"))
	m = mm.(*Model)
	mm, cmd2 := m.Update(keyMsg("ژ"))
	m = mm.(*Model)
	if cmd == nil || cmd2 == nil {
		t.Fatal("no background search")
	}
	// The first search, overtaken by the second, reports nothing.
	m = drive(t, m, runCmd(cmd)...)
	status := func() string { rows := strings.Split(m.screen(), "\n"); return rows[len(rows)-1] }
	if !strings.Contains(status(), "searching") {
		t.Errorf("prompt while searching: %q", status())
	}
	m = drive(t, m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if !strings.Contains(status(), "searching") {
		t.Errorf("status after Enter while searching: %q", status())
	}
	m = drive(t, m, runCmd(cmd2)...)
	if st := status(); !strings.Contains(st, "not found") || strings.Contains(st, "searching") {
		t.Errorf("status after the search: %q", st)
	}
}
