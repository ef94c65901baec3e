package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

// bigTextFile writes lines "سطر N of the file" until the file is over
// size bytes and returns its path and number of lines.
func bigTextFile(t *testing.T, size int) (string, int) {
	t.Helper()
	var b strings.Builder
	n := 0
	for b.Len() < size {
		fmt.Fprintf(&b, "سطر %d of the file\n", n)
		n++
	}
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, n
}

// TestFileDocument: a large text file read on demand opens with its first
// window indexed, grows step by step in the background while shown (the
// status says "indexing" until it is whole), and then reads as any
// document: G shows its last line, a search finds a line past the first
// window, :N goes there.
func TestFileDocument(t *testing.T) {
	defer func(n int) { fileIndexStep = n }(fileIndexStep)
	fileIndexStep = 1 // one 4 MB window a step
	path, lines := bigTextFile(t, 9<<20)
	doc, err := content.OpenFileDocument(path, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer doc.File.Close()
	if doc.Len() == 0 || doc.Len() >= lines {
		t.Fatalf("after open %d blocks of %d: the first window only", doc.Len(), lines)
	}
	m := New(doc, Config{Bidi: layout.Terminal})
	init := m.Init()
	m = drive(t, m, tea.WindowSizeMsg{Width: 60, Height: 10})
	if !strings.Contains(lastRow(m), "indexing") {
		t.Errorf("status while indexing: %q", lastRow(m))
	}
	steps := 0
	for _, msg := range runCmd(init) {
		for {
			im, ok := msg.(fileIndexMsg)
			if !ok {
				break
			}
			steps++
			var cmd tea.Cmd
			_, cmd = m.Update(im)
			next := runCmd(cmd)
			msg = nil
			for _, x := range next {
				if _, ok := x.(fileIndexMsg); ok {
					msg = x
				} else {
					m = drive(t, m, x)
				}
			}
		}
	}
	if steps < 2 || doc.Len() != lines || m.indexing {
		t.Fatalf("after %d steps: %d blocks of %d, indexing %v", steps, doc.Len(), lines, m.indexing)
	}
	if strings.Contains(lastRow(m), "indexing") {
		t.Errorf("status after the index: %q", lastRow(m))
	}
	m = drive(t, m, keys("G")...)
	if want := fmt.Sprintf("سطر %d of the file", lines-1); !strings.Contains(m.screen(), want) {
		t.Errorf("G: the last line %q not on screen:\n%s", want, m.screen())
	}
	target := lines - 1000
	m = drive(t, m, keys("g", "/")...)
	m = drive(t, m, keys(strings.Split(fmt.Sprintf("سطر %d of", target), "")...)...)
	m = drive(t, m, keys("enter")...)
	if m.sc.top.block > target || target-m.sc.top.block > 10 {
		t.Errorf("search: top at paragraph %d, want about %d; status %q", m.sc.top.block, target, lastRow(m))
	}
	m = drive(t, m, keys(strings.Split(fmt.Sprintf(":%d", lines-500), "")...)...)
	m = drive(t, m, keys("enter")...)
	if got := m.sc.paras.Block(m.sc.top.block).Text; got != fmt.Sprintf("سطر %d of the file", lines-501) {
		t.Errorf(":%d put %q at the top", lines-500, got)
	}
}

// TestFileDocumentRemembered: a place remembered far into a large file
// (past its first window) is restored at the first layout: the index is
// made up to it then, rather than the place lost.
func TestFileDocumentRemembered(t *testing.T) {
	path, lines := bigTextFile(t, 6<<20)
	pos, err := OpenPositions(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pos.Set(FileKey(path), lines-20, 0)
	doc, err := content.OpenFileDocument(path, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer doc.File.Close()
	m := drive(t, New(doc, Config{Bidi: layout.Terminal, Positions: pos, Key: FileKey(path)}), tea.WindowSizeMsg{Width: 60, Height: 10})
	if doc.Len() != lines || m.sc.top.block != lines-20 {
		t.Errorf("restored at paragraph %d of %d, want %d of %d", m.sc.top.block, doc.Len(), lines-20, lines)
	}
	// A place a tenth of the way in: the file is read up to there, not
	// whole, before the first screen.
	pos.Set(FileKey(path), lines/10, 0)
	doc, err = content.OpenFileDocument(path, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer doc.File.Close()
	m = drive(t, New(doc, Config{Bidi: layout.Terminal, Positions: pos, Key: FileKey(path)}), tea.WindowSizeMsg{Width: 60, Height: 10})
	if _, done := doc.File.Len(); done || m.sc.top.block != lines/10 {
		t.Errorf("restored at paragraph %d (want %d), the whole file indexed: %v", m.sc.top.block, lines/10, done)
	}
}

// TestFileDocumentEarlyKeys: G, 50% and a search typed before the
// background index is done act on the whole file (the rest is indexed
// then), not on its first window.
func TestFileDocumentEarlyKeys(t *testing.T) {
	path, lines := bigTextFile(t, 6<<20)
	open := func() *Model {
		doc, err := content.OpenFileDocument(path, content.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { doc.File.Close() })
		// Init's command (the background index) is never run.
		return drive(t, New(doc, Config{Bidi: layout.Terminal}), tea.WindowSizeMsg{Width: 60, Height: 10})
	}
	m := drive(t, open(), keys("G")...)
	if want := fmt.Sprintf("سطر %d of the file", lines-1); !strings.Contains(m.screen(), want) {
		t.Errorf("G: %q not on screen:\n%s", want, m.screen())
	}
	// The rows of the whole file are counted (the count G's indexing
	// started is not dropped): the status gives rows, not ¶ and bytes.
	if p := m.sc.totals.prefix; len(p) != m.sc.doc.Len()+1 {
		t.Errorf("G: rows counted for %d blocks of %d", len(p)-1, m.sc.doc.Len())
	}
	m = drive(t, open(), keys("5", "0", "%")...)
	if b := m.sc.top.block; b < lines*45/100 || b > lines*55/100 {
		t.Errorf("50%%: paragraph %d of %d", b, lines)
	}
	// :N a tenth of the way in reads the file up to there, not whole.
	n := lines / 10
	m = drive(t, open(), keys(append(append([]string{":"}, strings.Split(fmt.Sprint(n), "")...), "enter")...)...)
	if want := fmt.Sprintf("سطر %d of the file", n-1); m.sc.top.block != n-1 || !strings.Contains(m.screen(), want) {
		t.Errorf(":%d: top paragraph %d, %q not on screen", n, m.sc.top.block, want)
	}
	if _, done := m.sc.doc.File.Len(); done {
		t.Errorf(":%d indexed the whole file", n)
	}
	m = drive(t, open(), keys("/")...)
	m = drive(t, m, keys(strings.Split(fmt.Sprintf("سطر %d of", lines-7), "")...)...)
	m = drive(t, m, keys("enter")...)
	if len(m.search.matches) != 1 || int(m.search.matches[0].block) != lines-7 {
		t.Errorf("search: %v", m.search.matches)
	}
}

// TestFreeOSMemoryCoalesced: calls that come while a collection runs make
// one more after it, not one each.
func TestFreeOSMemoryCoalesced(t *testing.T) {
	for freeRunning.Load() {
		runtime.Gosched() // a collection an earlier test asked for
	}
	defer func(f func()) { freeFunc = f }(freeFunc)
	runs := make(chan int, 10)
	release := make(chan struct{})
	n := 0
	freeFunc = func() {
		n++
		runs <- n
		if n == 1 {
			<-release
		}
	}
	freeOSMemory()
	if got := <-runs; got != 1 {
		t.Fatalf("first run %d", got)
	}
	for range 4 {
		freeOSMemory() // while the first runs
	}
	close(release)
	if got := <-runs; got != 2 {
		t.Fatalf("second run %d", got)
	}
	// The worker ends; a call after it starts one more run of its own.
	for freeRunning.Load() {
		runtime.Gosched()
	}
	if len(runs) != 0 {
		t.Fatalf("%d more runs after the four calls, want one in all", len(runs))
	}
	freeOSMemory()
	if got := <-runs; got != 3 {
		t.Fatalf("a later call: run %d", got)
	}
	for freeRunning.Load() {
		runtime.Gosched()
	}
}
