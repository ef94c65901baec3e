package ui

import (
	"fmt"
	"os"
	"sort"

	"rtlview/content/entities"
)

// The reader's entities come from package entities: its default
// recognizer (the embedded gazetteer and the rules), plus the entries of
// --gazetteer.
func init() {
	r := entities.Default()
	add := func(out []mention, kind entities.Kind, start, end int, canon, text string) []mention {
		k := int(kind) - int(entities.PER)
		if k < 0 || k >= len(kindNames) || start >= end {
			return out
		}
		if canon == "" {
			canon = text
		}
		return append(out, mention{kind: k, start: start, end: end, canon: canon})
	}
	// Tab walks mentions in text order.
	inOrder := func(ms []mention) {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	}
	recognize = func(text string) []mention {
		es := r.Recognize(text)
		out := make([]mention, 0, len(es))
		for _, e := range es {
			out = add(out, e.Kind, e.Start, e.End, e.Canonical, e.Text)
		}
		inOrder(out)
		return out
	}
	recognizeAll = func(texts []string) [][]mention {
		out := make([][]mention, len(texts))
		for _, rec := range r.Records(texts) {
			out[rec.Paragraph] = add(out[rec.Paragraph], rec.Kind, rec.Start, rec.End, rec.Canonical, rec.Text)
		}
		for _, ms := range out {
			inOrder(ms)
		}
		return out
	}
	loadGaz = func(path string) (string, error) {
		f, err := os.Open(path)
		if err != nil {
			return "", fmt.Errorf("--gazetteer: %w", err)
		}
		defer f.Close()
		warns := r.Load(f, path)
		switch len(warns) {
		case 0:
			return "", nil
		case 1:
			return warns[0].Error(), nil
		}
		return fmt.Sprintf("%v (and %d more)", warns[0], len(warns)-1), nil
	}
}
