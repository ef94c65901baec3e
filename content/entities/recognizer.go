package entities

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
)

// Entity is one entity found in a text.
type Entity struct {
	Kind Kind
	// Start and End are byte offsets into the text given to Recognize:
	// Text == text[Start:End]. They are on grapheme cluster boundaries
	// (a ZWNJ or a mark after the last letter belongs to the span).
	Start, End int
	// Text is the entity as written. An attached suffix («پوتین‌ها»,
	// «آمریکای») is not part of it; guillemets are part of a QUOTE only.
	Text string
	// Canonical identifies the entity: «پوتین» and «ولادیمیر پوتین» are
	// both «ولادیمیر پوتین». For names from the gazetteer it is the
	// gazetteer's canonical name; for an organisation named after a
	// country («وزارت خارجه روسیه») the head words and the country's
	// canonical name; for DATE the text as written, its spaces made single
	// (it is what a reader looks for in a list: «سه‌شنبه ۱۲ مهر», with its
	// ZWNJ and Persian digits, not their folded form); for NUM the value in ASCII
	// digits («یکصد هزار» -> 100000, «هفتاد و سومین» -> 73); for QUOTE
	// the quoted words without the guillemets.
	Canonical string
	// Of is the canonical name of what the entity belongs to: a capital's
	// country («پیونگیانگ» -> «کره شمالی»), an official's country, a
	// ministry's country, a QUOTE's speaker when the text names one
	// («پوتین ... گفت: «…»»). Empty when unknown.
	Of string
	// Role says what the entity is, from the gazetteer («پایتخت»,
	// «رئیس جمهور», «کشور»), or «ترتیبی» for an ordinal number.
	Role string
}

// Recognizer finds entities with a gazetteer and the rules of this
// package. It is safe for concurrent use, Load included.
type Recognizer struct {
	idx atomic.Pointer[index]

	mu       sync.Mutex // serialises Load
	entries  []entry
	variants []variant
}

// Prepare builds now what recognition otherwise builds on first use, the
// word lists and classes of the rules (4 ms), for a caller that makes its
// recognizer in the background: the first Recognize then does not wait.
func (r *Recognizer) Prepare() { loadLexicon() }

// New returns a recognizer with its own copy of the embedded gazetteer.
func New() *Recognizer {
	r := &Recognizer{}
	if warns := r.Load(strings.NewReader(embeddedGazetteer), "gazetteer.tsv"); len(warns) > 0 {
		// The embedded file is checked by TestEmbeddedGazetteerClean.
		panic(fmt.Sprintf("entities: embedded gazetteer: %v", warns[0]))
	}
	return r
}

// Empty returns a recognizer with no gazetteer entries: only the rules
// (dates, numbers, quotations) and whatever Load adds.
func Empty() *Recognizer {
	r := &Recognizer{}
	r.idx.Store(buildIndex(nil, nil))
	return r
}

// index is an immutable snapshot of the gazetteer: entries and a byte trie
// of their spellings. Recognize reads it without locks; Load builds a new
// one and swaps it in.
type index struct {
	entries []entry
	nodes   []node
	// dense are the tables of children of the busiest nodes (node.dense).
	dense [][256]int32
	// byCanon maps KIND and canonical name to an entry, built on first
	// use (RoleAt).
	byCanonOnce sync.Once
	byCanon     map[canonKey]int32
}

type canonKey struct {
	kind  Kind
	canon string
}

// RoleAt returns the role the entity e held in the given year (Gregorian),
// for a document of that date. The gazetteer may give a role the years it
// was held (role=وزیر خارجه@2021-2024|وزیر خارجه پیشین@2025-, see
// gazetteer.tsv); e.Role is then the last of them, and RoleAt the one
// whose years hold year, or "" when none does: a 2022 article does not
// make Blinken «وزیر خارجه پیشین». A role with no years, and the role of
// an entity that is not from the gazetteer (a title read in the text),
// are e.Role whatever the year.
func (r *Recognizer) RoleAt(e Entity, year int) string {
	x := r.index()
	x.byCanonOnce.Do(func() {
		x.byCanon = make(map[canonKey]int32, len(x.entries))
		for i := range x.entries {
			// A later entry (a user's gazetteer) overrides an earlier one.
			x.byCanon[canonKey{x.entries[i].kind, x.entries[i].canonical}] = int32(i)
		}
	})
	i, ok := x.byCanon[canonKey{e.Kind, e.Canonical}]
	if !ok || x.entries[i].role != e.Role {
		return e.Role
	}
	return x.entries[i].roleIn(year)
}

// Load adds the entries of a gazetteer file in the format of the embedded
// gazetteer.tsv (see its header): KIND, CANONICAL, VARIANTS separated by |,
// ATTRIBUTES (of=...;role=...), separated by TABs; # starts a comment
// line. A malformed line is skipped and reported as "NAME:LINE: problem";
// the good lines are added even when some are bad. A spelling already
// known is taken over by the new entry. A line longer than
// MaxGazetteerLine is reported and skipped, and the lines after it are
// read. Load returns a read error, if any, as the last warning.
func (r *Recognizer) Load(rd io.Reader, name string) (warnings []error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	entries := r.entries[:len(r.entries):len(r.entries)]
	variants := r.variants[:len(r.variants):len(r.variants)]
	br := bufio.NewReaderSize(rd, 64<<10)
	line := 0
	for {
		text, long, err := readGazetteerLine(br)
		if text == "" && !long && err != nil {
			if err != io.EOF {
				warnings = append(warnings, fmt.Errorf("%s:%d: %w", name, line+1, err))
			}
			break
		}
		line++
		if long {
			warnings = append(warnings, fmt.Errorf("%s:%d: line longer than %d bytes", name, line, MaxGazetteerLine))
		} else if e, vs, perr := parseLine(text, int32(len(entries))); perr != nil {
			warnings = append(warnings, fmt.Errorf("%s:%d: %v", name, line, perr))
		} else if e.kind != 0 { // not blank nor a comment
			entries = append(entries, e)
			variants = append(variants, vs...)
		}
		if err != nil {
			if err != io.EOF {
				warnings = append(warnings, fmt.Errorf("%s:%d: %w", name, line+1, err))
			}
			break
		}
	}
	r.entries, r.variants = entries, variants
	r.idx.Store(buildIndex(entries, variants))
	return warnings
}

// MaxGazetteerLine bounds a line of a gazetteer file: a longer one is
// reported with its number and skipped (read to its end, not kept), and
// the lines after it are read.
const MaxGazetteerLine = 4096

// readGazetteerLine reads one line without its line end; long says it
// was longer than MaxGazetteerLine (its text is then dropped). err is
// io.EOF at the end (with the last line, if it has no line end).
func readGazetteerLine(br *bufio.Reader) (text string, long bool, err error) {
	var b []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			if len(b)+len(chunk) > MaxGazetteerLine+2 { // room for CR LF
				long, b = true, nil
			} else {
				b = append(b, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		s := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
		if !long && len(s) > MaxGazetteerLine {
			long, s = true, ""
		}
		return s, long, err
	}
}

// Recognize returns the entities of text, sorted by Start and, for equal
// Start, longest first. Entities other than QUOTE do not overlap; a QUOTE
// contains whole the entities it overlaps (see the package comment).
// Invalid UTF-8 is matched as U+FFFD and never panics.
func (r *Recognizer) Recognize(text string) []Entity { return r.recognize(text, nil) }

// RecognizeAll recognises the paragraphs as one document, as Records does,
// and returns the entities of each paragraph (offsets into it).
func (r *Recognizer) RecognizeAll(paragraphs []string) [][]Entity {
	out := make([][]Entity, len(paragraphs))
	mem := &memory{}
	for p, text := range paragraphs {
		out[p] = r.recognize(text, mem)
	}
	return out
}
