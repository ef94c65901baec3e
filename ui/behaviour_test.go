package ui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

func isCmd(cmd tea.Cmd, want tea.Msg) bool {
	return cmd != nil && reflect.TypeOf(cmd()) == reflect.TypeOf(want)
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := article(t, 80, 24)
		if _, cmd := m.Update(keyMsg(k)); !isCmd(cmd, tea.Quit()) {
			t.Errorf("%s does not quit", k)
		}
	}
	// ctrl+c quits from the search prompt too; q there is a letter.
	m := drive(t, article(t, 80, 24), keyMsg("/"))
	if _, cmd := m.Update(keyMsg("ctrl+c")); !isCmd(cmd, tea.Quit()) {
		t.Error("ctrl+c does not quit while searching")
	}
	if _, cmd := m.Update(keyMsg("q")); cmd != nil && isCmd(cmd, tea.Quit()) {
		t.Error("q quits while typing a query")
	}
	if _, cmd := article(t, 80, 24).Update(keyMsg("ctrl+z")); !isCmd(cmd, tea.Suspend()) {
		t.Error("ctrl+z does not suspend")
	}
}

// TestScrollEnds: nothing scrolls past either end, by any key or the wheel.
func TestScrollEnds(t *testing.T) {
	m := article(t, 80, 24)
	for _, k := range []string{"k", "up", "b", "pgup", "u", "g", "home"} {
		if m2 := drive(t, m, keyMsg(k)); m2.sc.top != (pos{}) {
			t.Errorf("%s at the top moved to %+v", k, m2.sc.top)
		}
	}
	if m2 := drive(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelUp}); m2.sc.top != (pos{}) {
		t.Errorf("wheel up at the top moved to %+v", m2.sc.top)
	}
	end := drive(t, m, keyMsg("G"))
	if end.sc.top == (pos{}) {
		t.Fatal("G did not move")
	}
	// The last row of the document is the last row of the body.
	body := end.frame().body
	p := end.sc.top
	for i := 1; i < body; i++ {
		q, ok := end.sc.next(p)
		if !ok {
			t.Fatalf("G: only %d rows of text in a body of %d", i, body)
		}
		p = q
	}
	if _, ok := end.sc.next(p); ok {
		t.Fatal("G: text left below the body")
	}
	for _, k := range []string{"j", "down", "space", "f", "pgdown", "d", "G", "end"} {
		if m2 := drive(t, end, keyMsg(k)); m2.sc.top != end.sc.top {
			t.Errorf("%s at the end moved from %+v to %+v", k, end.sc.top, m2.sc.top)
		}
	}
	if m2 := drive(t, end, tea.MouseWheelMsg{Button: tea.MouseWheelDown}); m2.sc.top != end.sc.top {
		t.Errorf("wheel down at the end moved")
	}
	// Paging down from the top reaches the end in finitely many steps and
	// never passes it.
	m2 := m
	for i := 0; i < 100 && m2.sc.top != end.sc.top; i++ {
		m2 = drive(t, m2, keyMsg("space"))
		if end.sc.top.less(m2.sc.top) {
			t.Fatalf("page down went past the end: %+v > %+v", m2.sc.top, end.sc.top)
		}
	}
	if m2.sc.top != end.sc.top {
		t.Fatal("page down never reached the end")
	}
}

// TestMotionSizes: j moves one row, d half a body, space a body less one
// row (one row of context stays, as in less), the wheel three rows.
func TestMotionSizes(t *testing.T) {
	m := article(t, 80, 10)
	body := m.frame().body
	rowsMoved := func(m2 *Model) int {
		n, p := 0, m.sc.top
		for p != m2.sc.top {
			p, _ = m.sc.next(p)
			n++
		}
		return n
	}
	for k, want := range map[string]int{"j": 1, "d": body / 2, "space": body - 1, "pgdown": body - 1} {
		if got := rowsMoved(drive(t, m, keyMsg(k))); got != want {
			t.Errorf("%s moved %d rows, want %d", k, got, want)
		}
	}
	if got := rowsMoved(drive(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})); got != 3 {
		t.Errorf("wheel moved %d rows, want 3", got)
	}
	back := drive(t, m, keys("space", "b")...)
	if back.sc.top != m.sc.top {
		t.Errorf("space then b: %+v, want %+v", back.sc.top, m.sc.top)
	}
}

// TestResizeKeepsParagraph: the paragraph at the top stays in view when the
// width changes, even though its rows and the rows before it change.
func TestResizeKeepsParagraph(t *testing.T) {
	m0 := article(t, 80, 24)
	m0 = drive(t, m0, keys("space", "j", "j")...)
	b := m0.sc.top.block
	off := m0.sc.topByte()
	for _, size := range [][2]int{{40, 15}, {120, 10}, {20, 5}, {200, 6}, {80, 24}} {
		m := drive(t, m0, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if m.sc.top.block != b {
			// Allowed only when the end of the document pulled the top back.
			if m.sc.top != m.sc.bottomTop(m.body()) {
				t.Errorf("%dx%d: top block %d, want %d", size[0], size[1], m.sc.top.block, b)
			}
			continue
		}
		lines := m.sc.lines(b)
		l := lines[min(m.sc.top.row, len(lines)-1)] // or the blank row after it
		if off < l.Start || off > l.End || off == l.End && m.sc.top.row < len(lines)-1 {
			t.Errorf("%dx%d: top line [%d,%d) does not hold byte %d", size[0], size[1], l.Start, l.End, off)
		}
		checkFrame(t, m, "resize")
	}
	// There and back again: the same top.
	m := drive(t, m0, tea.WindowSizeMsg{Width: 33, Height: 9}, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.sc.top != m0.sc.top {
		t.Errorf("80x24 -> 33x9 -> 80x24: top %+v, want %+v", m.sc.top, m0.sc.top)
	}
}

// TestSearch: folding (Arabic kaf and yeh, ZWNJ), highlight of every match,
// the current one distinct, n/N wrapping with a note, Esc clearing.
func TestSearch(t *testing.T) {
	doc := content.Parse("اول\nکره شمالی و کره جنوبی\nمتن\nكره‌ای دیگر\nپایان")
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 40, Height: 10})
	// «كره» typed with an Arabic kaf matches the Persian kaf, and the
	// Persian query matches «كره‌ای» written with an Arabic kaf.
	m = drive(t, m, keys("/", "ك", "ر", "ه")...)
	if !m.search.editing {
		t.Fatal("/ did not open the prompt")
	}
	// The third match takes the ZWNJ after it: content.Folded.Orig widens a
	// match to whole grapheme clusters, and ZWNJ extends the cluster of ه.
	want := []match{{1, 0, int32(len("کره"))}, {1, int32(len("کره شمالی و ")), int32(len("کره شمالی و کره"))}, {3, 0, int32(len("كره\u200c"))}}
	if !reflect.DeepEqual(m.search.matches, want) {
		t.Fatalf("matches %+v, want %+v", m.search.matches, want)
	}
	if m.search.cur != 0 {
		t.Errorf("current match %d, want 0", m.search.cur)
	}
	spans := matchOnly(m.spans(1))
	if len(spans) != 2 || spans[0].Style != bitMatch|bitCurrent || spans[1].Style != bitMatch {
		t.Errorf("spans of block 1: %+v", spans)
	}
	if !strings.Contains(m.screen(), "1/3") {
		t.Errorf("prompt does not count 1/3:\n%s", m.screen())
	}
	m = drive(t, m, keyMsg("enter"))
	if m.search.editing || len(m.search.matches) != 3 {
		t.Fatal("enter did not keep the matches")
	}
	m = drive(t, m, keys("n", "n")...)
	if m.search.cur != 2 || m.note != "" {
		t.Errorf("n n: current %d note %q", m.search.cur, m.note)
	}
	m = drive(t, m, keyMsg("n"))
	if m.search.cur != 0 || !strings.Contains(m.note, "wrapped to top") {
		t.Errorf("n past the end: current %d note %q", m.search.cur, m.note)
	}
	if !strings.Contains(m.screen(), "wrapped to top") || !strings.Contains(m.screen(), "match 1/3") {
		t.Errorf("status bar lacks the wrap note or the count:\n%s", m.screen())
	}
	m = drive(t, m, keyMsg("N"))
	if m.search.cur != 2 || !strings.Contains(m.note, "wrapped to bottom") {
		t.Errorf("N past the start: current %d note %q", m.search.cur, m.note)
	}
	m = drive(t, m, keyMsg("esc"))
	if m.search.matches != nil || len(matchOnly(m.spans(1))) != 0 {
		t.Error("esc did not clear the matches")
	}
}

// TestSearchScrolls: the view moves to show the current match.
func TestSearchScrolls(t *testing.T) {
	m := article(t, 80, 24)
	m = drive(t, m, keys("/", "د", "و", "ن", "ب", "ا", "س")...)
	if len(m.search.matches) == 0 {
		t.Fatal("no match for دونباس")
	}
	mt := m.search.matches[m.search.cur]
	if m.sc.top == (pos{}) {
		t.Fatal("the view did not move")
	}
	row := pos{int(mt.block), m.sc.rowOf(int(mt.block), int(mt.start))}
	p, seen := m.sc.top, false
	for i := 0; i < m.frame().body; i++ {
		if p == row {
			seen = true
		}
		p, _ = m.sc.next(p)
	}
	if !seen {
		t.Errorf("current match at %+v is not in the body from %+v", row, m.sc.top)
	}
}

// TestPromptReordered: the query is shown in visual order (a Persian
// word's letters right to left in a terminal without bidi), not in the
// logical order in which textinput keeps it.
func TestPromptReordered(t *testing.T) {
	m := article(t, 80, 24)
	m = drive(t, m, keys("/", "ک", "ر", "ه")...)
	rows := strings.Split(m.screen(), "\n")
	prompt := rows[len(rows)-1]
	if !strings.HasPrefix(prompt, "/ ") {
		t.Fatalf("prompt row: %q", prompt)
	}
	// The cursor is at the logical end: left of the word.
	if !strings.Contains(prompt, caretMark+"هرک") {
		t.Errorf("prompt does not show «کره» reordered with the cursor at its left: %q", prompt)
	}
	// Pasted text is inserted the same way.
	m = drive(t, m, keyMsg("esc"), keyMsg("/"), tea.PasteMsg{Content: "کره شمالی"})
	rows = strings.Split(m.screen(), "\n")
	if p := rows[len(rows)-1]; !strings.Contains(p, "یلامش هرک") {
		t.Errorf("pasted query not reordered: %q", p)
	}
}

// TestToggles: h, s and ? change what they say, at every width, even 1.
func TestToggles(t *testing.T) {
	for _, w := range []int{1, 2, 20, 80} {
		m := article(t, w, 5)
		hl := m.highlights
		m = drive(t, m, keyMsg("h"))
		if m.highlights == hl {
			t.Errorf("width %d: h did not toggle highlights", w)
		}
		sh := m.sc.opt.Shape
		m = drive(t, m, keyMsg("s"))
		if m.sc.opt.Shape == sh {
			t.Errorf("width %d: s did not toggle shaping", w)
		}
		checkFrame(t, m, "toggles")
		m = drive(t, m, keyMsg("?"))
		if !m.showHelp {
			t.Errorf("width %d: ? did not open help", w)
		}
		checkFrame(t, m, "help")
		m = drive(t, m, keyMsg("?"))
		m = drive(t, m, keys("e", "j", "enter", "tab", "shift+tab", "esc", "/", "x", "enter", "n", "N", "esc")...)
		checkFrame(t, m, "keys")
	}
	// --bidi=terminal: s toggles shaping there too (the layout keeps the
	// logical order and shapes when asked).
	m := drive(t, New(articleDoc(t), Config{Bidi: layout.Terminal}), tea.WindowSizeMsg{Width: 80, Height: 24}, keyMsg("s"))
	if !m.sc.opt.Shape || m.sc.opt.Bidi != layout.Terminal {
		t.Errorf("s with --bidi=terminal: options %+v", m.sc.opt)
	}
}

// TestAdversarialSearch: hostile queries and documents; no panic, every
// row of every frame fits, nothing raw reaches the screen.
func TestAdversarialSearch(t *testing.T) {
	queries := []string{
		"\x1b[2J", "\x1b]52;c;aGk=\x07", "\u009b31m", "\x00", "\u202e\u2066", "\u200c\u200c",
		"\u0650\u0650\u0650", strings.Repeat("(", 64), strings.Repeat("ک", 300), "\ufffd", "\t",
		"👩‍👩‍👧", "中文", " ", "\u202b(\u202c", "ي", "\u0640",
	}
	hostile := &content.Document{Blocks: []content.Block{
		{Text: "raw \x1b[31m red \x07 bell \u009b31m c1 \x7f del"},
		{Text: strings.Repeat("\u202e", 200) + "کره" + strings.Repeat("\u202c", 3)},
		{Text: strings.Repeat("\u0650", 50)},
		{Text: ""},
		{Text: "中文 کره 👩‍👩‍👧 " + strings.Repeat("ک", 500)},
	}}
	for _, doc := range []*content.Document{articleDoc(t), hostile} {
		for _, w := range []int{1, 3, 40} {
			m := drive(t, New(doc, Config{Bidi: layout.App, Shape: true}), tea.WindowSizeMsg{Width: w, Height: 6})
			for _, q := range queries {
				m = drive(t, m, keyMsg("/"), tea.PasteMsg{Content: q})
				v := checkFrame(t, m, "query "+q)
				if strings.ContainsAny(v, "\x1b\x07\u009b") {
					t.Fatalf("query %q at width %d: raw control on screen: %q", q, w, v)
				}
				m = drive(t, m, keys("enter", "n", "N", "G")...)
				checkFrame(t, m, "after "+q)
				m = drive(t, m, keyMsg("esc"))
			}
		}
	}
}

// matchOnly keeps the search spans (the block's entities have spans too).
func matchOnly(spans []layout.Span) []layout.Span {
	var out []layout.Span
	for _, s := range spans {
		if s.Style&(bitMatch|bitCurrent) != 0 {
			out = append(out, s)
		}
	}
	return out
}

// TestSearchFolding: what a Persian reader types finds what the text holds,
// and the highlight covers exactly the original characters.
func TestSearchFolding(t *testing.T) {
	for _, tc := range []struct{ text, query, want string }{
		{"سال ۱۴۰۱ بود", "1401", "۱۴۰۱"},                              // ASCII digits find Persian ones
		{"سال 1401 بود", "۱۴۰۱", "1401"},                              // and the other way
		{"عدد ١٢٣ عربی", "۱۲۳", "١٢٣"},                                // Arabic-Indic digits
		{"«ایوان نِچایف» گفت", "نچایف", "نِچایف"},                     // the kasra is inside the match
		{"علي و كيم", "علی", "علي"},                                   // Arabic yeh
		{"كيم جونگ", "کیم", "كيم"},                                    // Arabic kaf and yeh
		{"می‌کند", "میکند", "می‌کند"},                                 // ZWNJ ignored
		{"میکند", "می‌کند", "میکند"},                                  // in the query too
		{"Hello KCNA world", "kcna", "KCNA"},                          // Latin case
		{"جمهوری\u00a0اسلامی", "جمهوری اسلامی", "جمهوری\u00a0اسلامی"}, // NBSP
	} {
		doc := content.Parse(tc.text)
		m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 40, Height: 10})
		m = drive(t, m, keyMsg("/"), tea.PasteMsg{Content: tc.query}, keyMsg("enter"))
		if len(m.search.matches) != 1 {
			t.Errorf("%q in %q: %d matches", tc.query, tc.text, len(m.search.matches))
			continue
		}
		mt := m.search.matches[0]
		if got := doc.Blocks[mt.block].Text[mt.start:mt.end]; got != tc.want {
			t.Errorf("%q in %q: matched %q, want %q", tc.query, tc.text, got, tc.want)
		}
	}
}

// TestPromptCaret: ← and → move the caret on screen, not in memory, and
// with shaping on the letters either side of the caret keep their joined
// forms (the caret is drawn between clusters, not typed into the text).
func TestPromptCaret(t *testing.T) {
	m := article(t, 80, 24)
	m = drive(t, m, keyMsg("s")) // shaping on
	if !m.sc.opt.Shape {
		t.Fatal("s did not turn shaping on")
	}
	m = drive(t, m, keys("/", "ک", "ت", "ا", "ب")...)
	prompt := func() string {
		rows := strings.Split(m.screen(), "\n")
		return rows[len(rows)-1]
	}
	// Shaped and reordered, the caret at the logical end, on the left.
	shaped := m.promptLine("کتاب")
	var drawn string
	for _, c := range shaped.Clusters() {
		drawn += c.Text
	}
	if !strings.Contains(prompt(), caretMark+drawn) {
		t.Fatalf("prompt %q, want the caret left of %q", prompt(), drawn)
	}
	// → twice: over the last two letters on screen (ب, ا), so the caret
	// stands after «کت» in memory and between the drawn forms.
	m = drive(t, m, tea.KeyPressMsg{Code: tea.KeyRight}, tea.KeyPressMsg{Code: tea.KeyRight})
	if p := m.search.input.Position(); p != 2 {
		t.Errorf("after → →: cursor at rune %d, want 2", p)
	}
	cs := shaped.Clusters()
	want := cs[0].Text + cs[1].Text + caretMark + cs[2].Text + cs[3].Text
	if !strings.Contains(prompt(), want) {
		t.Errorf("prompt %q, want %q", prompt(), want)
	}
	// ← once: back over one letter.
	m = drive(t, m, tea.KeyPressMsg{Code: tea.KeyLeft})
	if p := m.search.input.Position(); p != 3 {
		t.Errorf("after ←: cursor at rune %d, want 3", p)
	}
	// Typing inserts at the caret: «کتا» + ی + «ب».
	m = drive(t, m, keyMsg("ی"))
	if got := m.search.input.Value(); got != "کتایب" {
		t.Errorf("query %q", got)
	}
}

// TestPromptHistory: ↑ brings back the queries entered, newest first, ↓
// goes back to what was being typed.
func TestPromptHistory(t *testing.T) {
	m := article(t, 80, 24)
	m = drive(t, m, keys("/", "ک", "ر", "ه")...)
	m = drive(t, m, keyMsg("enter"), keyMsg("/"))
	m = drive(t, m, keys("ر", "و", "س")...)
	m = drive(t, m, keyMsg("enter"), keyMsg("/"), keyMsg("ا"))
	m = drive(t, m, tea.KeyPressMsg{Code: tea.KeyUp})
	if got := m.search.input.Value(); got != "روس" {
		t.Errorf("↑: %q, want روس", got)
	}
	m = drive(t, m, tea.KeyPressMsg{Code: tea.KeyUp})
	if got := m.search.input.Value(); got != "کره" {
		t.Errorf("↑ ↑: %q, want کره", got)
	}
	m = drive(t, m, tea.KeyPressMsg{Code: tea.KeyUp}) // nothing older
	if got := m.search.input.Value(); got != "کره" {
		t.Errorf("↑ ↑ ↑: %q, want کره", got)
	}
	m = drive(t, m, tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyDown})
	if got := m.search.input.Value(); got != "ا" {
		t.Errorf("↓ ↓: %q, want the draft ا", got)
	}
	if len(m.search.matches) == 0 {
		t.Error("the draft's matches were not searched again")
	}
}

// TestCapMarks: a run of combining marks longer than maxMarks is cut to
// maxMarks on screen; shorter runs and other text are drawn whole.
func TestCapMarks(t *testing.T) {
	long := "ب" + strings.Repeat("\u064e", 100) + "ت" + strings.Repeat("\u0301", 5) + "x"
	got := capMarks(long)
	if want := "ب" + strings.Repeat("\u064e", maxMarks) + "ت" + strings.Repeat("\u0301", 5) + "x"; got != want {
		t.Errorf("capMarks: %d runes, want %d", len([]rune(got)), len([]rune(want)))
	}
	for _, s := range []string{"", "سلامِ دنیا", strings.Repeat("\u064e", maxMarks)} {
		if capMarks(s) != s {
			t.Errorf("capMarks(%q) changed it", s)
		}
	}
}
