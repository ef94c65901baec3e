package ui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"rtlview/content"
	"rtlview/ui/layout"
)

// plainInput is the article's text (in logical order) repeated to size
// bytes, as internal/bench/compare.sh makes big10.txt and big50.txt.
func plainInput(tb testing.TB, size int) []byte {
	var one strings.Builder
	for _, b := range articleDoc(tb).Blocks {
		one.WriteString(b.Text)
		one.WriteByte('\n')
	}
	return bytes.Repeat([]byte(one.String()), max(1, size/one.Len()))
}

// BenchmarkPlain is plain mode's throughput (ui.Stream, as
// `rtlview --plain -w 80 --color=never FILE`) on the article, 1 MB and
// 10 MB of it, and one line of 10 MB.
func BenchmarkPlain(b *testing.B) {
	line := bytes.Repeat([]byte("سلام دنیا، hello 123 "), 10<<20/len("سلام دنیا، hello 123 "))
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"article", plainInput(b, 0)},
		{"1MB", plainInput(b, 1<<20)},
		{"10MB", plainInput(b, 10<<20)},
		{"line10MB", line},
	} {
		b.Run(c.name, func(b *testing.B) {
			cfg := PlainConfig{Options: layout.Options{Width: 80, Bidi: layout.App, Shape: true, Dir: layout.Auto, LinkRefs: true}}
			b.SetBytes(int64(len(c.in)))
			b.ReportAllocs()
			for b.Loop() {
				_, _, err := Stream(context.Background(), io.Discard, "-", bytes.NewReader(c.in), content.LoadOptions{Format: content.FormatText}, cfg)
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
