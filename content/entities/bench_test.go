package entities

import (
	"os"
	"strings"
	"testing"
)

// The article paragraph by paragraph, as the UI calls Recognize (lazily,
// one block at a time), and a 64 KiB paragraph made of it.
func BenchmarkRecognizeArticle(b *testing.B) {
	raw, err := os.ReadFile("../article.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	r := warm()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, l := range lines {
			r.Recognize(l)
		}
	}
}

func BenchmarkRecognizeLongBlock(b *testing.B) {
	raw, err := os.ReadFile("../article.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(strings.ReplaceAll(string(raw), "\n", " "), 64<<10/len(raw)+1)
	r := warm()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Recognize(text)
	}
}

// Latin text with nothing to find: the cost of the scan alone.
func BenchmarkRecognizeNoEntities(b *testing.B) {
	text := strings.Repeat("the quick brown fox jumps over the lazy dog ", 100)
	r := warm()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Recognize(text)
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New()
	}
}

// Adversarial: many openings and no closing, many words in one name-like
// run: the cost must stay linear.
func BenchmarkRecognizeAdversarial(b *testing.B) {
	text := strings.Repeat("«کره ", 10000) + strings.Repeat("گفت: «پوتین» ", 2000)
	r := warm()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Recognize(text)
	}
}

// A 1 MB news text recognised as one document, as plain mode and the
// reader do up to wholeDocBytes: the article and the news sets of
// testdata, paragraph by paragraph, repeated.
func BenchmarkRecognizeNews1MB(b *testing.B) {
	var paras []string
	for _, f := range []string{"../article.txt", "testdata/news_other.txt", "testdata/news_third.txt", "testdata/news_fourth.txt", "testdata/news_fifth.txt"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(raw), "\n") {
			if strings.TrimSpace(l) != "" {
				paras = append(paras, l)
			}
		}
	}
	var doc []string
	size := 0
	for size < 1<<20 {
		for _, p := range paras {
			doc = append(doc, p)
			size += len(p) + 1
		}
	}
	r := warm()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.RecognizeAll(doc)
	}
}

// warm returns the default recognizer with its word lists loaded: what
// the first Recognize pays once is BenchmarkLoadLexicon's, not the
// benchmarks' of a text.
func warm() *Recognizer {
	r := Default()
	r.Recognize("پوتین")
	return r
}
