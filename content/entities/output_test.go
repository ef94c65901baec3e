package entities

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteTSV(t *testing.T) {
	recs := Default().Records([]string{"پوتین در مسکو", "", "\x1bبه «روسیه\tآمد»"})
	var b bytes.Buffer
	if err := WriteTSV(&b, recs); err != nil {
		t.Fatal(err)
	}
	// Persian letters are 2 bytes, ESC 1: «پوتین» [0,10), «در» and two
	// spaces to 16, «مسکو» [16,24); paragraph 2: ESC, «به», space, «.
	want := "PER\tولادیمیر پوتین\tپوتین\t0\t0\t10\n" +
		"LOC\tمسکو\tمسکو\t0\t16\t24\n" +
		"LOC\tروسیه\tروسیه\t2\t8\t18\n"
	if b.String() != want {
		t.Errorf("WriteTSV:\n%q\nwant\n%q", b.String(), want)
	}
	// Control characters in a surface are written visibly.
	b.Reset()
	WriteTSV(&b, []Record{{Kind: QUOTE, Canonical: "a\tb", Text: "«a\tb\x1b»"}})
	if want := "QUOTE\ta\u2409b\t«a\u2409b\u241b»\t0\t0\t0\n"; b.String() != want {
		t.Errorf("WriteTSV = %q, want %q", b.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, Default().Records([]string{"کیم در پیونگیانگ\u0085"})); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v in %s", err, b.String())
	}
	if len(got) != 2 || got[0]["kind"] != "PER" || got[0]["canonical"] != "کیم جونگ اون" ||
		got[1]["kind"] != "LOC" || got[1]["of"] != "کره شمالی" || got[1]["role"] != "پایتخت" ||
		got[1]["paragraph"] != 0.0 || got[1]["start"] != 12.0 {
		t.Errorf("WriteJSON: %s", b.String())
	}
	b.Reset()
	if err := WriteJSON(&b, Default().Records(nil)); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("no entities: %q, %v", b.String(), err)
	}
	// Controls are written as their pictures in JSON too.
	b.Reset()
	if err := WriteJSON(&b, []Record{{Kind: QUOTE, Text: "a\u0085\x7f\x00"}}); err != nil {
		t.Fatal(err)
	}
	if want := "\"text\": \"a\ufffd\u2421\u2400\""; !strings.Contains(b.String(), want) {
		t.Errorf("WriteJSON of controls: %s, want %s", b.String(), want)
	}
}

// TestTSVSeparators: a line or paragraph separator inside a name does not
// break the TSV line; JSON escapes them.
func TestTSVSeparators(t *testing.T) {
	recs := []Record{{Kind: PER, Canonical: "پوتین", Text: "پو\u2028تین\u2029", Start: 0, End: 16}}
	var b strings.Builder
	if err := WriteTSV(&b, recs); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "PER\tپوتین\tپو<U+2028>تین<U+2029>\t0\t0\t16\n"; got != want {
		t.Errorf("TSV %q, want %q", got, want)
	}
	b.Reset()
	if err := WriteJSON(&b, recs); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\u2028\u2029") || !strings.Contains(b.String(), `\u2028`) {
		t.Errorf("JSON %q", b.String())
	}
}

// TestRecordWriter: records written block by block come out as WriteTSV
// and WriteJSON write them all at once, also with none.
func TestRecordWriter(t *testing.T) {
	recs := New().Records([]string{"پوتین به مسکو رفت.", "متن <b>&", "کره شمالی \x1b و پوتین"})
	if len(recs) < 3 {
		t.Fatalf("only %d records", len(recs))
	}
	for _, format := range []string{"tsv", "json"} {
		for _, rs := range [][]Record{recs, nil} {
			var whole, parts strings.Builder
			write := WriteTSV
			if format == "json" {
				write = WriteJSON
			}
			if err := write(&whole, rs); err != nil {
				t.Fatal(err)
			}
			rw := NewRecordWriter(&parts, format)
			for i := range rs {
				if err := rw.Write(rs[i : i+1]); err != nil {
					t.Fatal(err)
				}
			}
			if err := rw.Close(); err != nil {
				t.Fatal(err)
			}
			if parts.String() != whole.String() {
				t.Errorf("%s, %d records:\n got %q\nwant %q", format, len(rs), parts.String(), whole.String())
			}
		}
	}
}
