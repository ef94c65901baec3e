package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --entities prints the article's entities as TSV: kind, canonical,
// surface, paragraph, start and end byte of the paragraph's text.
func TestEntitiesTSV(t *testing.T) {
	code, out, errs := rtl(t, "", "--entities")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 40 {
		t.Fatalf("%d entities in the article, want dozens", len(lines))
	}
	for _, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 6 {
			t.Fatalf("line %q has %d fields, want 6", l, n)
		}
	}
	// The title starts with «پوتین»: five letters of two bytes each.
	if lines[0] != "PER\tولادیمیر پوتین\tپوتین\t0\t0\t10" {
		t.Errorf("first entity %q", lines[0])
	}
	// «پوتین» and «ولادیمیر پوتین» are one person.
	if !strings.Contains(out, "PER\tولادیمیر پوتین\tولادیمیر پوتین\t") {
		t.Error("«ولادیمیر پوتین» is not listed under the same canonical name as «پوتین»")
	}
}

func TestEntitiesJSON(t *testing.T) {
	code, out, _ := rtl(t, "", "--entities=json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var recs []struct {
		Paragraph  int
		Kind       string
		Canonical  string
		Text       string
		Start, End int
	}
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	kinds := map[string]bool{}
	for _, r := range recs {
		kinds[r.Kind] = true
		if r.End <= r.Start {
			t.Errorf("empty span %+v", r)
		}
	}
	for _, k := range []string{"PER", "LOC", "ORG", "DATE", "NUM", "QUOTE"} {
		if !kinds[k] {
			t.Errorf("no %s in the article's entities", k)
		}
	}
	if code, _, _ := rtl(t, "", "--entities=xml"); code != exitUsage {
		t.Errorf("--entities=xml: exit %d, want %d", code, exitUsage)
	}
}

// A gazetteer's bad line is reported with its number, in every mode, and
// the good lines are used.
func TestGazetteerFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "extra.tsv")
	data := "# people of a novel\nPER\tفرامرز کوهستانی\tفرامرز کوهستانی|کوهستانی\nBROKEN LINE\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := rtl(t, "دیروز کوهستانی به تهران رفت\n", "--gazetteer", path, "--entities", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(errs, path+":3:") {
		t.Errorf("stderr %q does not name line 3 of %s", errs, path)
	}
	if !strings.Contains(out, "PER\tفرامرز کوهستانی\tکوهستانی\t0\t") {
		t.Errorf("the gazetteer's person is not found: %q", out)
	}
	// Plain mode without colour reports the bad line too.
	code, _, errs = rtl(t, "متن\n", "--gazetteer", path, "--plain", "-")
	if code != exitOK || !strings.Contains(errs, path+":3:") {
		t.Errorf("plain mode: exit %d, stderr %q", code, errs)
	}
	code, _, errs = rtl(t, "", "--gazetteer", filepath.Join(t.TempDir(), "missing.tsv"), "--plain")
	if code != exitError || !strings.Contains(errs, "missing.tsv") {
		t.Errorf("missing gazetteer: exit %d, stderr %q", code, errs)
	}
}

// --entities on a FILE: offsets index the file's line as read, whatever
// --repair does to the text shown.
func TestEntitiesFileOffsets(t *testing.T) {
	line := "رسانههای روسیه گفتند پوتین میرود"
	file := filepath.Join(t.TempDir(), "news.txt")
	if err := os.WriteFile(file, []byte("سلام\n"+line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := rtl(t, "", "--entities", file)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := "LOC\tروسیه\tروسیه\t1\t17\t27\nPER\tولادیمیر پوتین\tپوتین\t1\t39\t49\n"
	if out != want {
		t.Errorf("--entities %s:\n%s\nwant\n%s", file, out, want)
	}
	if line[17:27] != "روسیه" || line[39:49] != "پوتین" {
		t.Fatal("the expected offsets are wrong")
	}
	// --repair=on puts ZWNJs in «رسانه‌های» and «می‌رود» for display; the
	// offsets stay those of the file.
	if _, shown, _ := rtl(t, "", "--plain", "--bidi=terminal", "--shape=off", "--width=0", "--repair=on", file); !strings.Contains(shown, "رسانه\u200cهای") {
		t.Fatalf("--repair=on did not repair: %q", shown)
	}
	if _, got, _ := rtl(t, "", "--entities", "--repair=on", file); got != want {
		t.Errorf("--entities --repair=on:\n%s\nwant\n%s", got, want)
	}
}
