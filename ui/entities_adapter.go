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
	mentions := func(es []entities.Entity) []mention {
		out := make([]mention, 0, len(es))
		for _, e := range es {
			k := int(e.Kind) - int(entities.PER)
			if k < 0 || k >= len(kindNames) || e.Start >= e.End {
				continue
			}
			canon := e.Canonical
			if canon == "" {
				canon = e.Text
			}
			out = append(out, mention{kind: k, start: e.Start, end: e.End, canon: canon})
		}
		// Tab walks mentions in text order.
		sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
		return out
	}
	recognize = func(text string) []mention { return mentions(r.Recognize(text)) }
	recognizeAll = func(texts []string) [][]mention {
		all := r.RecognizeAll(texts)
		out := make([][]mention, len(all))
		for i, es := range all {
			out[i] = mentions(es)
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
