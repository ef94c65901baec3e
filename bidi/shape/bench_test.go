package shape

import (
	"os"
	"strings"
	"testing"
)

// Benchmarks in three sizes: a word, a paragraph and the whole embedded
// article (3559 bytes). SetBytes counts the UTF-8 input, so MB/s is
// comparable with the rest of the pipeline, which works on bytes.
func benchInputs(b *testing.B) map[string]string {
	article, err := os.ReadFile("../../content/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	var para string
	for _, p := range strings.Split(string(article), "\n") {
		if len(p) > len(para) {
			para = p
		}
	}
	return map[string]string{"word": "می\u200cکند", "paragraph": para, "article": string(article)}
}

func BenchmarkForms(b *testing.B) {
	for _, size := range []string{"word", "paragraph", "article"} {
		in := benchInputs(b)[size]
		text := []rune(in)
		dst := make([]rune, 0, len(text))
		b.Run(size, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				dst = Forms(text, dst)
			}
		})
	}
}

func BenchmarkShape(b *testing.B) {
	in := benchInputs(b)["article"]
	text := []rune(in)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		Shape(text)
	}
}

func BenchmarkJoiningType(b *testing.B) {
	text := []rune(benchInputs(b)["article"])
	b.ReportAllocs()
	var n int
	for b.Loop() {
		for _, r := range text {
			if JoiningType(r) == DualJoining {
				n++
			}
		}
	}
	_ = n
}
