package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/rivo/uniseg"

	"rtlview/content"
	"rtlview/ui/layout"
)

// TestCounts: a number before a key repeats it (10j, 2k), or says where
// to go (25g, 25G, :25 go to paragraph 25; 50% to the middle).
func TestCounts(t *testing.T) {
	doc := &content.Document{Name: "n.txt"}
	for i := 0; i < 100; i++ {
		doc.Blocks = append(doc.Blocks, content.Block{Kind: content.Paragraph, Text: "line " + strings.Repeat("x", i%7) + string(rune('A'+i%26))})
	}
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 40, Height: 12})
	m = drive(t, m, keys("1", "0", "j")...)
	if m.sc.top.block != 10 {
		t.Errorf("10j: top at paragraph %d, want 11", m.sc.top.block+1)
	}
	m = drive(t, m, keys("3", "k")...)
	if m.sc.top.block != 7 {
		t.Errorf("3k: top at paragraph %d, want 8", m.sc.top.block+1)
	}
	for _, ks := range [][]string{{"2", "5", "g"}, {"2", "5", "G"}, {":", "2", "5", "enter"}} {
		m2 := drive(t, m, keys(ks...)...)
		if m2.sc.top.block != 24 {
			t.Errorf("%v: top at paragraph %d, want 25", ks, m2.sc.top.block+1)
		}
	}
	// 50%: half of the bytes (the line total is known for a small file:
	// half of the rows, one row a paragraph here).
	m2 := drive(t, m, keys("5", "0", "%")...)
	if m2.sc.top.block != 50 {
		t.Errorf("50%%: top at paragraph %d, want 51", m2.sc.top.block+1)
	}
	// g alone is still the top; a count does not outlive its key.
	m2 = drive(t, m2, keyMsg("g"), keyMsg("j"))
	if m2.sc.top.block != 1 {
		t.Errorf("g j: top at paragraph %d, want 2", m2.sc.top.block+1)
	}
	// Past the end: the last screen, with a note.
	m2 = drive(t, m, keys(":", "5", "0", "0", "enter")...)
	if m2.sc.top != m2.sc.bottomTop(m2.body()) || !strings.Contains(m2.screen(), "only 100 paragraphs") {
		t.Errorf(":500: top %+v, status %q", m2.sc.top, lastRow(m2))
	}
	m2 = drive(t, m, keys(":", "x", "y", "enter")...)
	if !strings.Contains(lastRow(m2), "unknown command") {
		t.Errorf(":xy: %q", lastRow(m2))
	}
}

// updated is m after msg, its commands not run.
func updated(m *Model, msg tea.Msg) *Model {
	mm, _ := m.Update(msg)
	return mm.(*Model)
}

func lastRow(m *Model) string {
	rows := strings.Split(m.screen(), "\n")
	return rows[len(rows)-1]
}

// TestMarks: m a sets a mark where the top is, ' a comes back to it, ”
// goes back to where the jump began.
func TestMarks(t *testing.T) {
	m := article(t, 80, 24)
	m = drive(t, m, keys("5", "j", "m", "a")...)
	at := m.sc.top
	m = drive(t, m, keys("G", "'", "a")...)
	if m.sc.top != at {
		t.Errorf("'a: top %+v, want %+v", m.sc.top, at)
	}
	m = drive(t, m, keys("'", "'")...)
	if m.sc.top != m.sc.bottomTop(m.body()) {
		t.Errorf("'': top %+v, want the end", m.sc.top)
	}
	m = drive(t, m, keys("'", "b")...)
	if !strings.Contains(lastRow(m), "mark b not set") {
		t.Errorf("'b: %q", lastRow(m))
	}
}

// osc52Seq is an OSC 52 sequence that sets the clipboard, ended by ST or
// BEL.
var osc52Seq = regexp.MustCompile("\x1b\\]52;c;([A-Za-z0-9+/=]*)(\x1b\\\\|\x07)")

// osc52Text finds the OSC 52 sequences in out and decodes their texts.
func osc52Text(t *testing.T, out string) []string {
	t.Helper()
	var texts []string
	for _, sm := range osc52Seq.FindAllStringSubmatch(out, -1) {
		b, err := base64.StdEncoding.DecodeString(sm[1])
		if err != nil {
			t.Fatalf("OSC 52 base64: %v", err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// TestCopyOSC52: y writes OSC 52 with the base64 of the paragraph's
// logical text (as stored: no presentation forms, ZWNJs kept), 2y two
// paragraphs, Y the current match; the status says what was copied.
func TestCopyOSC52(t *testing.T) {
	var out bytes.Buffer
	doc := content.Article()
	m := drive(t, New(doc, Config{Bidi: layout.App, Shape: true, Output: &out}), tea.WindowSizeMsg{Width: 80, Height: 24})
	body := bodyOf(doc)
	m = drive(t, m, keyMsg("y"))
	got := osc52Text(t, out.String())
	if len(got) != 1 || got[0] != body.Blocks[0].Text {
		t.Fatalf("y copied %q, want the first paragraph %q", got, body.Blocks[0].Text)
	}
	for _, r := range got[0] {
		if r >= 0xFB50 && r <= 0xFEFF {
			t.Fatalf("presentation form %U copied", r)
		}
	}
	if !strings.Contains(lastRow(m), "copied paragraph 1") {
		t.Errorf("status %q", lastRow(m))
	}
	out.Reset()
	m = drive(t, m, keyMsg("2"), keyMsg("y"))
	if got := osc52Text(t, out.String()); len(got) != 1 || got[0] != body.Blocks[0].Text+"\n\n"+body.Blocks[1].Text {
		t.Errorf("2y copied %q", got)
	}
	out.Reset()
	m = drive(t, m, keys("/", "پوتین")...)
	m = drive(t, m, keyMsg("enter"), keyMsg("Y"))
	if got := osc52Text(t, out.String()); len(got) != 1 || got[0] != "پوتین" {
		t.Errorf("Y copied %q", got)
	}
	// Off: nothing written, and said so.
	out.Reset()
	m = drive(t, New(doc, Config{Bidi: layout.App, Output: &out, Clipboard: "off"}), tea.WindowSizeMsg{Width: 80, Height: 24}, keyMsg("y"))
	if out.Len() != 0 || !strings.Contains(lastRow(m), "copying is off") {
		t.Errorf("--clipboard=off wrote %q, status %q", out.String(), lastRow(m))
	}
}

// TestCopyCommand: --clipboard=COMMAND gives the text to the command on
// its standard input.
func TestCopyCommand(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "clip")
	script := filepath.Join(t.TempDir(), "copy.sh")
	os.WriteFile(script, []byte("#!/bin/sh\ncat > "+dst+"\n"), 0o755)
	doc := content.Article()
	m := drive(t, New(doc, Config{Bidi: layout.App, Clipboard: script}), tea.WindowSizeMsg{Width: 80, Height: 24}, keyMsg("y"))
	got, err := os.ReadFile(dst)
	if err != nil || string(got) != bodyOf(doc).Blocks[0].Text {
		t.Errorf("command got %q (%v)", got, err)
	}
	if !strings.Contains(lastRow(m), "copied paragraph 1") {
		t.Errorf("status %q", lastRow(m))
	}
}

// TestFilesAndPositions: rtlview a.txt b.md, :n shows b.md (its header
// says so, "2/2"), :p comes back to a.txt where it was left; the place is
// saved at the end and a new reader of a.txt opens there.
func TestFilesAndPositions(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	var text strings.Builder
	for i := 1; i <= 200; i++ {
		text.WriteString("سطر شماره " + strings.Repeat("ی", i%5) + "\n")
	}
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.md")
	os.WriteFile(a, []byte(text.String()), 0o644)
	os.WriteFile(b, []byte("# عنوان\n\nمتن دوم\n"), 0o644)
	open := func() *Model {
		pos, err := OpenPositions(state)
		if err != nil {
			t.Fatal(err)
		}
		docA, err := content.Open(a)
		if err != nil {
			t.Fatal(err)
		}
		cfg := Config{Bidi: layout.App, Positions: pos, Key: FileKey(a), Files: []File{{Name: b, Key: FileKey(b), Load: func() (*content.Document, string, error) {
			d, err := content.Load(context.Background(), b, nil, content.LoadOptions{})
			return d, "", err
		}}}}
		return drive(t, New(docA, cfg), tea.WindowSizeMsg{Width: 60, Height: 20})
	}
	m := open()
	if !strings.Contains(m.screen(), "1/2") {
		t.Errorf("header lacks 1/2:\n%s", m.screen())
	}
	m = drive(t, m, keys(":", "4", "2", "enter")...)
	if m.sc.top.block != 41 {
		t.Fatalf(":42 put paragraph %d at the top", m.sc.top.block+1)
	}
	m = drive(t, m, keys(":", "n", "enter")...)
	if v := m.screen(); !strings.HasPrefix(v, "2/2  "+b) || !strings.Contains(v, visualWord("عنوان")) || len(m.sc.doc.Blocks) != 2 || m.sc.doc.Blocks[1].Text != "متن دوم" {
		t.Fatalf(":n did not show b.md:\n%s", v)
	}
	m = drive(t, m, keys(":", "p", "enter")...)
	if m.sc.top.block != 41 {
		t.Errorf(":p came back at paragraph %d, want 42", m.sc.top.block+1)
	}
	m = drive(t, m, keys("3", "j")...)
	m.end() // what Run does when the reader quits
	// The state file holds both files.
	data, _ := os.ReadFile(filepath.Join(state, "positions"))
	if !strings.HasPrefix(string(data), positionsHeader+"\n") || strings.Count(string(data), "\n") != 3 {
		t.Errorf("positions file:\n%s", data)
	}
	m = open()
	if m.sc.top.block != 44 || !strings.Contains(lastRow(m), "back where you left it") {
		t.Errorf("reopened at paragraph %d, status %q; want 45", m.sc.top.block+1, lastRow(m))
	}
	// A changed file starts at the top.
	os.WriteFile(a, []byte(text.String()+"یک سطر بیشتر\n"), 0o644)
	if m = open(); m.sc.top.block != 0 {
		t.Errorf("a changed file reopened at paragraph %d", m.sc.top.block+1)
	}
}

// TestPositionsCorrupt: a damaged positions file is ignored with an
// error to warn about, never fatal, and rewritten whole on Save.
func TestPositionsCorrupt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "positions")
	for _, bad := range []string{"garbage\n", positionsHeader + "\nnot\ta\tnumber\tkey\n", positionsHeader + "\n1\t2\n"} {
		os.WriteFile(path, []byte(bad), 0o644)
		p, err := OpenPositions(dir)
		if err == nil || p == nil {
			t.Errorf("%q: no error", bad)
			continue
		}
		if _, _, ok := p.Get("key"); ok {
			t.Errorf("%q: an entry survived", bad)
		}
		p.Set("k", 3, 4)
		if err := p.Save(); err != nil {
			t.Fatal(err)
		}
		q, err := OpenPositions(dir)
		if para, off, ok := q.Get("k"); err != nil || !ok || para != 3 || off != 4 {
			t.Errorf("after save: %d %d %v %v", para, off, ok, err)
		}
	}
}

// TestFollow: lines appended to a followed file appear at the end while
// the view is there; scrolled away, the view stays; a truncated file is
// shown again from its start.
func TestFollow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log")
	var text strings.Builder
	for i := 0; i < 50; i++ {
		text.WriteString("خط قدیمی که در پنجرهٔ باریک دو سطر می‌شود\n")
	}
	os.WriteFile(path, []byte(text.String()), 0o644)
	doc, err := content.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int64(text.Len())
	cfg := Config{Bidi: layout.App, FollowAtStart: true, Follow: func() (*content.Tail, error) {
		return content.FollowFile(path, size, 1e6)
	}}
	mm := New(doc, cfg)
	cmd := mm.Init()
	if cmd == nil {
		t.Fatal("--follow started nothing")
	}
	m := drive(t, mm, tea.WindowSizeMsg{Width: 40, Height: 10})
	if m.sc.top != m.sc.bottomTop(m.body()) {
		t.Errorf("--follow did not start at the end")
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	defer f.Close()
	f.WriteString("خط تازه\n")
	// cmd waits for the batch; Update's next command would wait for the
	// one after, which drive would run: Update is called directly.
	m = updated(m, cmd())
	last := m.sc.doc.Blocks[len(m.sc.doc.Blocks)-1].Text
	if last != "خط تازه" || m.sc.top != m.sc.bottomTop(m.body()) || !strings.Contains(m.screen(), "follow") {
		t.Errorf("after a line: last %q, top %+v, end %+v", last, m.sc.top, m.sc.bottomTop(m.body()))
	}
	// A resize while on the end keeps the view on the end: narrower,
	// wider, and back.
	for _, w := range []int{25, 70, 40} {
		m = drive(t, m, tea.WindowSizeMsg{Width: w, Height: 10})
		if m.sc.top != m.sc.bottomTop(m.body()) || !strings.Contains(m.screen(), "هزات طخ") {
			t.Errorf("resized to %d while following: top %+v, end %+v; screen:\n%s", w, m.sc.top, m.sc.bottomTop(m.body()), m.screen())
		}
	}
	next := m.tail
	m = drive(t, m, keyMsg("g"))
	f.WriteString("و یکی دیگر\n")
	m = updated(m, waitTail(next)())
	if m.sc.top != (pos{}) || len(m.sc.doc.Blocks) != 52 {
		t.Errorf("scrolled away: top %+v, %d blocks", m.sc.top, len(m.sc.doc.Blocks))
	}
	m.end()
	if m.tail != nil {
		t.Error("the tail was not stopped")
	}
}

// TestLineNumbers: -N numbers each paragraph on its first row, in a gutter
// on its starting side: at the right of a Persian paragraph (Persian
// digits in a right-to-left document), at the left of an English one;
// :N brings paragraph N to the top with its number.
func TestLineNumbers(t *testing.T) {
	m := drive(t, New(content.Article(), Config{Bidi: layout.App, LineNumbers: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	rows := strings.Split(m.screen(), "\n")
	first := rows[2] // under the title and the date
	if !strings.HasSuffix(first, " ۱") || uniseg.StringWidth(first) != 80 {
		t.Errorf("first body row %q (%d cells): want it to end with the number ۱ at column 80", first, uniseg.StringWidth(first))
	}
	if strings.HasSuffix(rows[3], "۱") || strings.HasSuffix(strings.TrimRight(rows[3], " "), "۲") {
		t.Errorf("a continuation row is numbered: %q", rows[3])
	}
	m = drive(t, m, keys(":", "5", "enter")...)
	if rows := strings.Split(m.screen(), "\n"); !strings.HasSuffix(rows[2], " ۵") {
		t.Errorf(":5 then the top row %q, want paragraph ۵", rows[2])
	}
	// Without -N the same row keeps the whole width for the text.
	plain := strings.Split(article(t, 80, 24).screen(), "\n")[2]
	if strings.HasSuffix(plain, "۱") {
		t.Errorf("numbered without -N: %q", plain)
	}

	doc := content.Parse("one\n\ntwo words here\n\nthree")
	m = drive(t, New(doc, Config{Bidi: layout.App, LineNumbers: true}), tea.WindowSizeMsg{Width: 40, Height: 10})
	rows = strings.Split(m.screen(), "\n")
	var numbered []string
	for _, r := range rows {
		if f := strings.Fields(r); len(f) > 1 && f[0] >= "1" && f[0] <= "9" {
			numbered = append(numbered, r)
		}
	}
	// A plain text's blocks are its lines: the numbers are the file's
	// line numbers, as in less -N, the blank lines unnumbered.
	want := []string{"  1 one", "  3 two words here", "  5 three"}
	if len(numbered) < 3 || !slices.Equal(numbered[:3], want) {
		t.Errorf("English paragraphs: %q, want %q at the left", numbered, want)
	}
}

// TestControlsFlagged: a paragraph on screen that holds explicit bidi
// controls is flagged in the status bar; c shows the controls by name
// (the mode "controls") and hides them again.
func TestControlsFlagged(t *testing.T) {
	doc := content.Parse("int main() {\n/*\u202e } \u2066if (isAdmin)\u2069 \u2066 begin admins only */\n}")
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 80, Height: 12})
	if st := lastRow(m); !strings.Contains(st, "bidi controls in ¶2: c shows them") {
		t.Errorf("status %q", st)
	}
	if strings.Contains(m.screen(), "RLO") {
		t.Error("controls shown before c")
	}
	m = drive(t, m, keyMsg("c"))
	if st := lastRow(m); !strings.Contains(st, "controls") || strings.Contains(st, "c shows them") {
		t.Errorf("after c: status %q", st)
	}
	if !strings.Contains(m.screen(), "/*RLO } LRIif (isAdmin)PDI LRI begin admins only */") {
		t.Errorf("after c:\n%s", m.screen())
	}
	m = drive(t, m, keyMsg("c"))
	if strings.Contains(m.screen(), "RLO") {
		t.Error("c twice still shows the controls")
	}
	// No flag for text without them.
	if st := lastRow(article(t, 80, 24)); strings.Contains(st, "bidi controls") {
		t.Errorf("the article flagged: %q", st)
	}
}

// yesReader is `yes`: "y\n" for ever.
type yesReader struct{}

func (yesReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "y\n"[i%2]
	}
	return len(p) &^ 1, nil
}

// TestStreamEndless: standard input that never ends (yes | rtlview) is
// shown as it comes, the view at the top, and the reading stops at the
// reader's bound with a note, instead of holding the input until memory
// runs out.
func TestStreamEndless(t *testing.T) {
	defer func(b int) { maxStreamBlocks = b }(maxStreamBlocks)
	maxStreamBlocks = 20_000
	cfg := Config{Bidi: layout.App, Stream: true,
		Follow: func() (*content.Tail, error) { return content.StreamTail("-", yesReader{}, content.LoadOptions{}), nil }}
	m := New(&content.Document{Name: "-"}, cfg)
	var model tea.Model = m
	model, _ = model.Update(tea.WindowSizeMsg{Width: 80, Height: 10})
	queue := []tea.Cmd{m.Init()}
	for len(queue) > 0 {
		cmd := queue[0]
		queue = queue[1:]
		for _, msg := range runCmd(cmd) {
			var next tea.Cmd
			model, next = model.Update(msg)
			if next != nil {
				queue = append(queue, next)
			}
		}
	}
	m = model.(*Model)
	if m.tail != nil {
		t.Fatal("still reading")
	}
	if n := len(m.sc.doc.Blocks); n < maxStreamBlocks || n > maxStreamBlocks+8192 {
		t.Errorf("%d paragraphs read, want the bound %d and at most a batch more", n, maxStreamBlocks)
	}
	if st := lastRow(m); !strings.Contains(st, "(--limit): the rest not shown") {
		t.Errorf("status %q", st)
	}
	if m.sc.top != (pos{}) {
		t.Errorf("the view left the top: %+v", m.sc.top)
	}
}
