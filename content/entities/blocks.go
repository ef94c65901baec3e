package entities

import (
	"strings"

	"rtlview/content"
)

// RecognizeBlocks finds the entities of a document's blocks as RecognizeAll
// does (one text: a name learned in one block is known in the next), in
// their prose only (see Prose). Offsets are into each block's Text.
func (r *Recognizer) RecognizeBlocks(blocks []content.Block) [][]Entity {
	texts := make([]string, len(blocks))
	for i := range blocks {
		texts[i] = Prose(&blocks[i])
	}
	return r.RecognizeAll(texts)
}

// RecognizeBlock finds the entities of one block's prose.
func (r *Recognizer) RecognizeBlock(b *content.Block) []Entity {
	return r.Recognize(Prose(b))
}

// Prose is b's text with everything that is not prose blanked out, byte
// for byte, so that offsets stay those of b.Text: a code block and a rule
// are all blank; in other blocks inline code, autolinks, URLs, e-mail
// addresses and file paths (content.Islands) and control placeholders are.
// No number is found in `443`, «2.28.1» inside code, or a URL's port.
func Prose(b *content.Block) string {
	switch b.Kind {
	case content.Code, content.Rule:
		return strings.Repeat(" ", len(b.Text))
	}
	blank := content.Islands(b.Text, b.Spans)
	for _, s := range b.Spans {
		if s.Kind == content.Control {
			blank = append(blank, content.Range{Start: s.Start, End: s.End})
		}
	}
	if len(blank) == 0 {
		return b.Text
	}
	t := []byte(b.Text)
	for _, r := range blank {
		for i := max(r.Start, 0); i < min(r.End, len(t)); i++ {
			t[i] = ' '
		}
	}
	return string(t)
}
