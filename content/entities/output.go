package entities

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"rtlview/content"
)

// Record is one entity of a document for `rtlview --entities`: the entity
// and the index of its paragraph (block).
type Record struct {
	Paragraph int    `json:"paragraph"`
	Kind      Kind   `json:"kind"`
	Canonical string `json:"canonical"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Of        string `json:"of,omitempty"`
	Role      string `json:"role,omitempty"`
}

// Records recognises the entities of each paragraph with r and lists them
// in order, paragraph by paragraph. The paragraphs are one document: a
// person found next to a title in one («دانیل نوبوا رئیس جمهور اکوادور»)
// is recognised in the paragraphs after it by name alone («نوبوا»).
func (r *Recognizer) Records(paragraphs []string) []Record {
	out := []Record{}
	for p, es := range r.RecognizeAll(paragraphs) {
		for _, e := range es {
			out = append(out, Record{Paragraph: p, Kind: e.Kind, Canonical: e.Canonical, Text: e.Text,
				Start: e.Start, End: e.End, Of: e.Of, Role: e.Role})
		}
	}
	return out
}

// WriteTSV writes records as tab-separated lines: kind, canonical,
// surface, paragraph index, start byte, end byte. Control characters in
// the strings (a TAB, a newline, ESC ...) are written as visible Control
// Pictures (U+2400-U+2421) or U+FFFD for C1, and U+2028/U+2029 as
// "<U+2028>"/"<U+2029>" (tsvField), so the output is one line per entity
// and never drives the terminal. (WriteJSON's encoder escapes them as
// \u2028 and \u2029.)
func WriteTSV(w io.Writer, records []Record) error {
	bw := bufio.NewWriter(w)
	for _, rec := range records {
		bw.WriteString(rec.Kind.String())
		bw.WriteByte('\t')
		bw.WriteString(tsvField(rec.Canonical))
		bw.WriteByte('\t')
		bw.WriteString(tsvField(rec.Text))
		bw.WriteByte('\t')
		bw.WriteString(strconv.Itoa(rec.Paragraph))
		bw.WriteByte('\t')
		bw.WriteString(strconv.Itoa(rec.Start))
		bw.WriteByte('\t')
		bw.WriteString(strconv.Itoa(rec.End))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// tsvField is s fit for a field of one TSV line: control characters as
// their pictures (content.Visible) and the line and paragraph separators
// U+2028 and U+2029, which many readers take as line ends, written out as
// "<U+2028>" and "<U+2029>".
func tsvField(s string) string {
	s = content.Visible(s)
	if strings.ContainsAny(s, "\u2028\u2029") {
		s = strings.NewReplacer("\u2028", "<U+2028>", "\u2029", "<U+2029>").Replace(s)
	}
	return s
}

// WriteJSON writes records as one JSON array (an empty array when there
// are none), with the same control-character rule as WriteTSV
// (content.Visible): every control character is written as its picture.
func WriteJSON(w io.Writer, records []Record) error {
	safe := make([]Record, len(records))
	for i, rec := range records {
		rec.Canonical, rec.Text, rec.Of, rec.Role = content.Visible(rec.Canonical), content.Visible(rec.Text), content.Visible(rec.Of), content.Visible(rec.Role)
		safe[i] = rec
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(safe)
}

// RecordWriter writes records as they come, block by block, in the format
// of WriteTSV ("tsv") or WriteJSON ("json"), byte for byte: for
// `rtlview --entities` on an input read as a stream, whose first records
// come out before the rest is read.
type RecordWriter struct {
	bw   *bufio.Writer
	json bool
	n    int // records written
}

// NewRecordWriter returns a RecordWriter of format ("tsv" or "json") to w.
func NewRecordWriter(w io.Writer, format string) *RecordWriter {
	return &RecordWriter{bw: bufio.NewWriterSize(w, 64<<10), json: format == "json"}
}

// Write writes records.
func (rw *RecordWriter) Write(records []Record) error {
	if !rw.json {
		return WriteTSV(rw.bw, records)
	}
	for _, rec := range records {
		rec.Canonical, rec.Text, rec.Of, rec.Role = content.Visible(rec.Canonical), content.Visible(rec.Text), content.Visible(rec.Of), content.Visible(rec.Role)
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("  ", "  ")
		if err := enc.Encode(rec); err != nil {
			return err
		}
		if rw.n == 0 {
			rw.bw.WriteString("[\n  ")
		} else {
			rw.bw.WriteString(",\n  ")
		}
		rw.bw.WriteString(strings.TrimSuffix(b.String(), "\n"))
		rw.n++
	}
	return nil
}

// Flush writes what is buffered.
func (rw *RecordWriter) Flush() error { return rw.bw.Flush() }

// Close ends the output (the JSON array) and flushes it.
func (rw *RecordWriter) Close() error {
	if rw.json {
		if rw.n == 0 {
			rw.bw.WriteString("[]\n")
		} else {
			rw.bw.WriteString("\n]\n")
		}
	}
	return rw.bw.Flush()
}
