package ui

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/rivo/uniseg"

	"rtlview/content"
	"rtlview/content/entities"
	"rtlview/ui/layout"
)

// TestEntityPanel: entities grouped by kind, most mentioned first, with
// their counts; Enter jumps to the first mention; Tab cycles through the
// mentions of that entity and comes back round.
func TestEntityPanel(t *testing.T) {
	m := article(t, 80, 24)
	m = drive(t, m, keyMsg("e"))
	if !m.ents.open || len(m.ents.index) == 0 {
		t.Fatal("e did not open a panel with entities")
	}
	// Grouped by kind, in kind order, counts not increasing within a kind.
	for i := 1; i < len(m.ents.index); i++ {
		a, b := m.ents.index[i-1], m.ents.index[i]
		if a.kind > b.kind || a.kind == b.kind && len(a.refs) < len(b.refs) {
			t.Fatalf("panel order: %+v before %+v", a, b)
		}
	}
	// The counts are the mentions found block by block.
	total := 0
	for b := range m.sc.doc.Blocks {
		total += len(m.mentions(b))
	}
	n := 0
	for _, e := range m.ents.index {
		n += len(e.refs)
	}
	if n != total {
		t.Errorf("panel counts %d mentions, blocks hold %d", n, total)
	}
	// Find an entity with several mentions, the first of them off screen
	// when the view is at the end.
	m = drive(t, m, keyMsg("G"))
	sel := -1
	for i, e := range m.ents.index {
		if len(e.refs) >= 3 && int(e.refs[0].block) < m.sc.top.block {
			sel = i
			break
		}
	}
	if sel < 0 {
		t.Fatal("no entity with 3 mentions above the last screen")
	}
	for m.ents.sel < sel {
		m = drive(t, m, keyMsg("j"))
	}
	if !strings.Contains(m.screen(), " ‹") {
		t.Errorf("the selected row is not marked:\n%s", m.screen())
	}
	m = drive(t, m, keyMsg("enter"))
	e := m.ents.index[sel]
	if m.ents.cursor == nil || *m.ents.cursor != e.refs[0] {
		t.Fatalf("enter: cursor %+v, want the first mention %+v", m.ents.cursor, e.refs[0])
	}
	if !m.inBody(e.refs[0]) {
		t.Errorf("enter: first mention %+v not in view from %+v", e.refs[0], m.sc.top)
	}
	for i := 1; i <= len(e.refs); i++ {
		m = drive(t, m, keyMsg("tab"))
		want := e.refs[i%len(e.refs)]
		if *m.ents.cursor != want || !m.inBody(want) {
			t.Fatalf("tab %d: at %+v (in view %v), want %+v", i, *m.ents.cursor, m.inBody(want), want)
		}
	}
	m = drive(t, m, keyMsg("shift+tab"))
	if *m.ents.cursor != e.refs[len(e.refs)-1] {
		t.Errorf("shift+tab from the first mention: %+v, want the last", *m.ents.cursor)
	}
	// The focused mention is styled.
	found := false
	for _, s := range m.spans(int(m.ents.cursor.block)) {
		if s.Style&bitFocus != 0 && s.Start == int(m.ents.cursor.start) {
			found = true
		}
	}
	if !found {
		t.Error("the focused mention has no focus span")
	}
	m = drive(t, m, keys("esc", "esc")...)
	if m.ents.open || m.ents.focusIdx >= 0 || m.ents.cursor != nil {
		t.Error("esc esc did not close the panel and clear the focus")
	}
}

// TestTabWithoutFocus: Tab goes from entity to entity in text order.
func TestTabWithoutFocus(t *testing.T) {
	doc := content.Parse("پوتین به مسکو رفت.\nمتن بی نام\nکره شمالی")
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 40, Height: 8})
	var got []ref
	for i := 0; i < 4; i++ {
		m = drive(t, m, keyMsg("tab"))
		got = append(got, *m.ents.cursor)
	}
	if len(m.mentions(0)) < 2 || len(m.mentions(2)) < 1 {
		t.Fatalf("the recognizer found %v and %v", m.mentions(0), m.mentions(2))
	}
	want := []ref{
		{0, int32(m.mentions(0)[0].start), int32(m.mentions(0)[0].end)},
		{0, int32(m.mentions(0)[1].start), int32(m.mentions(0)[1].end)},
		{2, int32(m.mentions(2)[0].start), int32(m.mentions(2)[0].end)},
		{0, int32(m.mentions(0)[0].start), int32(m.mentions(0)[0].end)}, // round again
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tab %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}
	if !strings.Contains(m.note, "wrapped") {
		t.Errorf("no note on wrapping: %q", m.note)
	}
	m = drive(t, m, keyMsg("shift+tab"))
	if *m.ents.cursor != want[2] {
		t.Errorf("shift+tab: %+v, want %+v", *m.ents.cursor, want[2])
	}
}

// inBody reports whether the row showing r is on screen.
func (m *Model) inBody(r ref) bool {
	target := pos{int(r.block), m.sc.rowOf(int(r.block), int(r.start))}
	p := m.sc.top
	for i := 0; i < m.frame().body; i++ {
		if p == target {
			return true
		}
		q, ok := m.sc.next(p)
		if !ok {
			break
		}
		p = q
	}
	return false
}

// TestPanelLarge: on a large document the index is built by a command, the
// panel says it is scanning meanwhile, and the result is the index made
// block by block in Update.
func TestPanelLarge(t *testing.T) {
	doc := bigDoc(t, syncIndexBytes+syncIndexBytes/2)
	m := sized(doc, 80, 24)
	mm, cmd := m.Update(keyMsg("e"))
	m = mm.(*Model)
	if cmd == nil {
		t.Fatal("no background scan")
	}
	if !strings.Contains(m.screen(), "scanning") {
		t.Error("the panel does not say it is scanning")
	}
	m = drive(t, m, cmd())
	want := indexOf(m.sc.doc, m.sc.doc.Len(), func(b int, _ *content.Block) []mention { return m.mentions(b) })
	if len(want) == 0 || !reflect.DeepEqual(m.ents.index, want) {
		t.Fatalf("background index of %d entities differs from the synchronous one of %d", len(m.ents.index), len(want))
	}
	if strings.Contains(m.screen(), "scanning") {
		t.Error("still scanning after the index arrived")
	}
}

// Reading through a long document does not keep every block's mentions,
// and a block recognised again gives the same mentions.
func TestMentionCacheBounded(t *testing.T) {
	doc := &content.Document{}
	for len(doc.Blocks) < mentionCacheBlocks+100 {
		doc.Blocks = append(doc.Blocks, content.Block{Text: "پوتین در مسکو گفت"})
	}
	m := sized(doc, 40, 10)
	first := m.mentions(0)
	for b := range doc.Blocks {
		m.mentions(b)
		if len(m.ents.blocks) > mentionCacheBlocks {
			t.Fatalf("%d blocks cached", len(m.ents.blocks))
		}
	}
	if _, ok := m.ents.blocks[0]; ok {
		t.Error("block 0 still cached after the whole document")
	}
	if again := m.mentions(0); !reflect.DeepEqual(again, first) || len(first) != 2 {
		t.Errorf("mentions of block 0: %+v, then %+v", first, again)
	}
}

// reversed is a right-to-left name as a terminal shows it reordered and
// unshaped (letters only, no marks or digits): its letters backwards.
func reversed(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// TestTabNamesEntity: Tab says in the status which entity it reached, its
// kind and its name as read on screen; after a choice in the panel Tab
// walks that entity's mentions only while the panel is open.
func TestTabNamesEntity(t *testing.T) {
	doc := content.Parse("پوتین به مسکو رفت.\nمتن بی نام\nکره شمالی")
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 60, Height: 12})
	m = drive(t, m, keyMsg("tab"))
	if st := lastRow(m); !strings.Contains(st, "person "+reversed("پوتین")) {
		t.Errorf("tab to پوتین: status %q", st)
	}
	m = drive(t, m, keyMsg("tab"))
	if st := lastRow(m); !strings.Contains(st, "place "+reversed("مسکو")) {
		t.Errorf("tab to مسکو: status %q", st)
	}
	// Choose کره شمالی in the panel: Tab stays on it while the panel is
	// open, and walks every entity once it is closed.
	m = drive(t, m, keyMsg("e"))
	for i, e := range m.ents.index {
		if e.canon == "کره شمالی" {
			m.ents.sel = i
		}
	}
	m = drive(t, m, keyMsg("enter"))
	if st := lastRow(m); !strings.Contains(st, "place "+reversed("شمالی")) || !strings.Contains(st, "1/1") {
		t.Errorf("chosen in the panel: status %q", st)
	}
	m = drive(t, m, keyMsg("tab"))
	if c := m.ents.cursor; c == nil || c.block != 2 {
		t.Errorf("tab with the panel open left the chosen entity: %+v", c)
	}
	m = drive(t, m, keyMsg("e"), keyMsg("tab"))
	if m.ents.open || m.ents.focusIdx != -1 {
		t.Fatalf("the panel closed keeps the focus: open %v, focus %d", m.ents.open, m.ents.focusIdx)
	}
	if c := m.ents.cursor; c == nil || c.block != 0 {
		t.Errorf("tab after the panel closed: %+v, want the next entity (پوتین, wrapping)", c)
	}
	if st := lastRow(m); !strings.Contains(st, "person "+reversed("پوتین")) {
		t.Errorf("tab after the panel closed: status %q", st)
	}
}

// TestPanelCursorAndRoles: the panel's cursor is drawn right next to the
// selected name (flush right in RTL, not at the far left), and a role is
// the one held at the document's date.
func TestPanelCursorAndRoles(t *testing.T) {
	m := drive(t, article(t, 80, 24), keyMsg("e"), keyMsg("j"))
	var row string
	for _, r := range strings.Split(m.screen(), "\n") {
		if strings.Contains(r, "‹") {
			row = r
		}
	}
	// The name starts at the right edge, where its first letter is; the
	// cursor is right after it, in the last two columns.
	if !strings.HasSuffix(row, " ‹") || strings.HasSuffix(row, "  ‹") || uniseg.StringWidth(row) != 80 {
		t.Fatalf("cursor not next to the start of the name at the right edge: %q", row)
	}
	// A left-to-right name (numbers in English text): the cursor at its
	// left, where it starts.
	doc := content.Parse("It cost 2500 dollars on 15 August 2022.")
	lm := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 60, Height: 16}, keyMsg("e"))
	found := false
	for _, r := range strings.Split(lm.screen(), "\n") {
		if strings.HasPrefix(r, "› ") && strings.TrimSpace(r[len("› "):]) != "" && !strings.HasPrefix(r, "›  ") {
			found = true
		}
	}
	if len(lm.ents.index) == 0 {
		t.Fatal("no numbers found in the English text")
	}
	if !found {
		t.Errorf("left-to-right names: no cursor right before the name:\n%s", lm.screen())
	}

	blinken := func(m *Model) entry {
		m.buildIndex()
		for _, e := range m.ents.index {
			if e.canon == "آنتونی بلینکن" {
				return e
			}
		}
		t.Fatal("no آنتونی بلینکن in the article's index")
		return entry{}
	}
	// The article is of August 2022: Blinken was secretary of state.
	if got := m.roleOf(blinken(m)); got != "وزیر خارجه" {
		t.Errorf("role in 2022: %q", got)
	}
	for _, c := range []struct {
		date time.Time
		want string
	}{
		{time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), "وزیر خارجه پیشین"},
		{time.Time{}, "وزیر خارجه پیشین"},                 // no date: the latest
		{time.Date(2019, 1, 2, 0, 0, 0, 0, time.UTC), ""}, // before it: none
	} {
		doc := *content.Article()
		doc.Meta.Published = c.date
		m := drive(t, New(&doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 80, Height: 24})
		if got := m.roleOf(blinken(m)); got != c.want {
			t.Errorf("role at %v: %q, want %q", c.date, got, c.want)
		}
	}
}

// TestLegendKindsPresent: the legend lists only the kinds the document
// has: none in code or in a text without names, only dates where there
// are only dates.
func TestLegendKindsPresent(t *testing.T) {
	for _, c := range []struct {
		text   string
		format content.Format
		want   []string
	}{
		{"func main() {\n\tfmt.Println(x)\n}", content.FormatText, nil},
		{"שלום עולם, מה שלומך היום", content.FormatText, nil},
		{"باران دوشنبه ۲۴ مرداد ۱۴۰۱ بارید.", content.FormatText, []string{"date"}},
		// The same in a code file: entities are prose's.
		{"# باران دوشنبه ۲۴ مرداد ۱۴۰۱ بارید.", content.FormatCode, nil},
	} {
		doc, err := content.ReadAs("-", strings.NewReader(c.text), content.LoadOptions{Format: c.format})
		if err != nil {
			t.Fatal(err)
		}
		m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 80, Height: 24})
		rows := strings.Split(m.screen(), "\n")
		legend := rows[len(rows)-2]
		if !strings.HasSuffix(legend, "? help") {
			t.Errorf("%q: legend row %q", c.text, legend)
		}
		if got := strings.Fields(strings.TrimSuffix(legend, "? help")); !slices.Equal(got, c.want) {
			t.Errorf("%q: legend %q, want kinds %v", c.text, legend, c.want)
		}
	}
}

// TestLateEntities: with Config.LoadEntities the first screen is drawn
// while the recognizer is still being built, without highlights; Init's
// command brings it (entitiesMsg), and the entities on screen are then
// recognised and highlighted. The panel, opened before it is there, waits
// for it.
func TestLateEntities(t *testing.T) {
	text := "ولادیمیر پوتین، رئیس‌جمهور روسیه، دوشنبه ۲۴ مرداد ۱۴۰۱ در مسکو سخن گفت."
	release := make(chan struct{})
	cfg := Config{Bidi: layout.App, LoadEntities: func() *entities.Recognizer {
		<-release
		return entities.New()
	}}
	m := New(content.Parse(text), cfg)
	init := m.Init() // the recognizer's command, run below once released
	m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.ents.kinds != 0 || len(m.ents.blocks) != 0 {
		t.Fatalf("before the recognizer: kinds %b, %d blocks recognised", m.ents.kinds, len(m.ents.blocks))
	}
	before := m.screen()
	close(release)
	var msg tea.Msg
	for _, out := range runCmd(init) {
		if em, ok := out.(entitiesMsg); ok {
			msg = em
		}
	}
	if msg == nil {
		t.Fatal("Init gave no command that brings the recognizer")
	}
	m = drive(t, m, msg)
	for _, k := range []string{"PER", "LOC", "DATE"} {
		found := false
		for _, e := range m.ents.blocks[0] {
			found = found || kindNames[e.kind] == k
		}
		if !found {
			t.Errorf("no %s highlighted once the recognizer came: %+v", k, m.ents.blocks[0])
		}
	}
	if after := m.screen(); after == before {
		t.Errorf("the screen did not change when the highlights came (the legend lists the kinds found)")
	}

	// The panel before the recognizer: it waits for it.
	release2 := make(chan struct{})
	cfg.LoadEntities = func() *entities.Recognizer { <-release2; return entities.New() }
	m = drive(t, New(content.Parse(text), cfg), tea.WindowSizeMsg{Width: 80, Height: 24})
	go close(release2)
	m = drive(t, m, keys("e")...)
	if !m.ents.open || len(m.ents.index) == 0 {
		t.Fatalf("the panel opened before the recognizer: open %v, %d entries", m.ents.open, len(m.ents.index))
	}
}
