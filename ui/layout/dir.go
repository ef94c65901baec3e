package layout

import (
	"rtlview/bidi"
	"rtlview/content"
)

// blockRTL decides a block's base direction: a code block is
// left-to-right; a prose block takes opt.Force when set, else its own Dir
// when its front-end gave one, else rules P2 and P3 of UAX #9 on its text
// outside the isolates (the first strong character), else opt.Dir (see
// Direction).
func blockRTL(b *content.Block, isolates []content.Range, opt Options) bool {
	switch {
	case b.Kind == content.Code:
		return false
	case opt.Force != content.Auto:
		return opt.Force == content.RTL
	case b.Dir != content.Auto:
		return b.Dir == content.RTL
	}
	return textRTL(b.Text, isolates, opt.Dir)
}

// textRTL is P2/P3 on text outside the isolates; dir when no strong
// character is found.
func textRTL(text string, isolates []content.Range, dir Direction) bool {
	from := 0
	for _, r := range append(isolates, content.Range{Start: len(text), End: len(text)}) {
		if r.Start > from {
			if d, ok := bidi.FirstStrong(text[from:r.Start]); ok {
				return d == bidi.RightToLeft
			}
		}
		from = max(from, r.End)
	}
	switch dir {
	case RTL:
		return true
	case Auto:
		for _, c := range text {
			if c >= 0x0660 && c <= 0x0669 || c >= 0x06F0 && c <= 0x06F9 {
				return true
			}
		}
	}
	return false
}

// majorityLimit bounds the text Majority reads: the direction of a 50 MB
// file is plain from its first 64 KB (about 30 pages), and the first
// screen must not wait for a scan of the whole file.
const majorityLimit = 64 << 10

// MajorityRead reports whether Majority read all it reads of a document
// of size bytes: the direction of a document that grows past it (a file
// indexed or followed) stays what it was.
func MajorityRead(size int64) bool { return size >= majorityLimit }

// Majority returns the direction of the document's majority of strong
// characters (Bidi_Class L against R and AL) in the prose of its first
// 64 KB: the direction of the reader's own rows (the entity panel, the
// outline). A tie, or no strong character at all, is LTR, as in rule P3.
func Majority(doc *content.Document) Direction {
	var l, r, seen int
	doc.Scan(0, doc.Len(), func(_ int, b *content.Block) bool {
		if !b.Prose() {
			return true
		}
		bl, br := bidi.CountStrong(b.Text)
		l, r = l+bl, r+br
		seen += len(b.Text)
		return seen < majorityLimit
	})
	if r > l {
		return RTL
	}
	return LTR
}
