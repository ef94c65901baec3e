package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

// bigDoc repeats the article's blocks until the text reaches size bytes.
func bigDoc(t testing.TB, size int) *content.Document {
	src := articleDoc(t)
	doc := &content.Document{Name: "big", Meta: src.Meta}
	n := 0
	for n < size {
		for _, b := range src.Blocks {
			doc.Blocks = append(doc.Blocks, b)
			n += len(b.Text) + 1
		}
	}
	return doc
}

// sized is the reader at w x h without running the background commands
// (the line count of a large document would otherwise be made first).
func sized(doc *content.Document, w, h int) *Model {
	m, _ := New(doc, Config{Bidi: layout.App, Shape: true}).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m.(*Model)
}

func benchView(b *testing.B, doc *content.Document) {
	m := sized(doc, 200, 60)
	m.screen()
	b.ReportAllocs()
	for b.Loop() {
		_ = m.screen()
	}
}

// benchPaging measures a page down and its frame: new blocks laid out.
func benchPaging(b *testing.B, doc *content.Document) {
	m := sized(doc, 200, 60)
	pgdn := keyMsg("pgdown")
	b.ReportAllocs()
	for b.Loop() {
		var mm tea.Model
		mm, _ = m.Update(pgdn)
		m = mm.(*Model)
		if m.sc.top == m.sc.bottomTop(m.body()) {
			m.sc.top = pos{}
		}
		_ = m.screen()
	}
}

func BenchmarkViewArticle(b *testing.B) { benchView(b, articleDoc(b)) }
func BenchmarkView50MB(b *testing.B)    { benchView(b, bigDoc(b, 50<<20)) }

func BenchmarkPageArticle(b *testing.B) { benchPaging(b, articleDoc(b)) }
func BenchmarkPage50MB(b *testing.B)    { benchPaging(b, bigDoc(b, 50<<20)) }

// BenchmarkFirstScreen1MB: the reader's first screen of a megabyte of a
// real Persian README, from its bytes: read as Markdown (parsed whole,
// then laid out) and as plain text (issue 12 wants the first within twice
// the second).
func BenchmarkFirstScreen1MB(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "real", "markdown", "fa-marzban-README-fa.md"))
	if err != nil {
		b.Fatal(err)
	}
	// Just under a megabyte, so that both are recognised as one text.
	big := strings.Repeat(string(src)+"\n\n", (1<<20)/len(src))
	for _, f := range []content.Format{content.FormatMarkdown, content.FormatText} {
		b.Run(f.String(), func(b *testing.B) {
			b.SetBytes(int64(len(big)))
			for b.Loop() {
				doc, err := content.ReadAs("big", strings.NewReader(big), content.LoadOptions{Format: f})
				if err != nil {
					b.Fatal(err)
				}
				m := sized(doc, 120, 40)
				_ = m.screen()
			}
		})
	}
}

// BenchmarkSearch50MB: a search typed in the reader over 50 MB of Persian
// (the article repeated), from Enter to the matches in the model: the
// background command run to its end and its result taken. "none" has no
// match (the whole text is scanned), "کره" matches about 80,000 times, a
// folded query (alef forms, ZWNJ typed as a space) and a regular
// expression.
func BenchmarkSearch50MB(b *testing.B) {
	doc := bigDoc(b, 50<<20)
	m := sized(doc, 200, 60)
	for _, q := range []struct{ name, query string }{
		{"none", "ناموجودترین"}, {"common", "کره"}, {"folded", "امریکا"}, {"space-zwnj", "نامه ای"}, {"regexp", `\کره (شمالی|جنوبی)`},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.SetBytes(int64(m.sc.size()))
			b.ReportAllocs()
			for b.Loop() {
				cmd := m.runSearch(q.query)
				if cmd == nil {
					b.Fatal("a 50 MB search ran in Update")
				}
				msg, ok := cmd().(searchMsg)
				if !ok {
					b.Fatal("the search was cancelled")
				}
				m.found(msg)
			}
			b.ReportMetric(float64(len(m.search.matches)), "matches")
		})
	}
}

// bigFile writes the article's text repeated to size bytes to a file, as
// internal/bench/compare.sh makes big50.txt.
func bigFile(b *testing.B, size int) string {
	path := filepath.Join(b.TempDir(), "big.txt")
	if err := os.WriteFile(path, plainInput(b, size), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkFile: a plain text file read on demand
// (content.OpenFileDocument), 10 and 50 MB: "open" is the first screen
// from the file's name (its first window indexed, one layout), "index"
// the rest of the index and its taking in, "G" the last screen once
// indexed, "search" a search with about 14 matches a copy of the article
// (208,000 in 50 MB) read from the file a window at a time.
func BenchmarkFile(b *testing.B) {
	for _, size := range []int{10 << 20, 50 << 20} {
		path := bigFile(b, size)
		name := fmt.Sprintf("%dMB", size>>20)
		open := func(b *testing.B) *Model {
			doc, err := content.OpenFileDocument(path, content.LoadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { doc.File.Close() })
			return sized(doc, 80, 24)
		}
		b.Run(name+"/open", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = open(b).screen()
			}
		})
		b.Run(name+"/index", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := open(b)
				m.finishIndex()
			}
		})
		m := open(b)
		m.finishIndex()
		b.Run(name+"/G", func(b *testing.B) {
			for b.Loop() {
				m.sc.top = pos{}
				m.rc = newRenderCache()
				mm, _ := m.Update(keyMsg("G"))
				_ = mm.(*Model).screen()
			}
		})
		b.Run(name+"/search", func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				msg, ok := m.runSearch("کره")().(searchMsg)
				if !ok {
					b.Fatal("the search was cancelled")
				}
				m.found(msg)
			}
			b.ReportMetric(float64(len(m.search.matches)), "matches")
		})
	}
}
