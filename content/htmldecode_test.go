package content

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestIsHTML(t *testing.T) {
	for in, want := range map[string]bool{
		"<!DOCTYPE html>\n<html>":                             true,
		"<!doctype HTML><p>":                                  true,
		"\uFEFF  \n<html lang=fa>":                            true,
		"<!-- saved from url=(0042)https://x/ -->\n<HTML>":    true,
		"<?xml version=\"1.0\"?>\n<!-- c --><html xmlns=x>":   true,
		"<head><title>x</title>":                              true,
		"\t<BODY>":                                            true,
		"<html":                                               true,
		"<p align=\"center\"><img src=logo.png></p>\n# Title": false,
		"# Title\n<html>":                                     false,
		"<htmlx>":                                             false,
		"<!-- unterminated <html>":                            false,
		"plain text":                                          false,
		"":                                                    false,
		"<table><tr><td>":                                     false,
	} {
		if got := IsHTML([]byte(in)); got != want {
			t.Errorf("IsHTML(%q) = %v", in, got)
		}
	}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<!DOCTYPE html><html>")
	if !IsHTML([]byte(u16)) {
		t.Error("UTF-16 page with BOM not recognised")
	}
}

// to1256 re-encodes a UTF-8 page to windows-1256, writing the characters
// the code page lacks as numeric character references, as a legacy CMS
// does; the charset declarations are changed to decl, or removed when
// decl is "".
func to1256(t *testing.T, page, decl string) []byte {
	t.Helper()
	re := regexp.MustCompile(`(?i)charset=["']?utf-8["']?`)
	if decl == "" {
		page = re.ReplaceAllString(page, "")
	} else {
		page = re.ReplaceAllString(page, "charset="+decl)
	}
	var out []byte
	for _, r := range page {
		if b, ok := charmap.Windows1256.EncodeRune(r); ok {
			out = append(out, b)
		} else {
			out = append(out, fmt.Sprintf("&#%d;", r)...)
		}
	}
	return out
}

func TestParseHTMLEncodings(t *testing.T) {
	utf8Page := string(readTestPage(t, "youm7.com.4943459.html"))
	want, err := ParseHTML([]byte(utf8Page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	wantText := htmlAllText(want)
	for _, tc := range []struct {
		name        string
		data        []byte
		contentType string
		enc         string
	}{
		{"windows-1256 declared in meta", to1256(t, utf8Page, "windows-1256"), "", "windows-1256"},
		{"windows-1256 detected", to1256(t, utf8Page, ""), "", "windows-1256"},
		{"windows-1256 from the HTTP header", to1256(t, utf8Page, ""), "text/html; charset=Windows-1256", "windows-1256"},
		{"cp1256 alias", to1256(t, utf8Page, "cp1256"), "", "windows-1256"},
		{"UTF-8 declared windows-1256", []byte(regexp.MustCompile(`(?i)charset=["']?utf-8`).ReplaceAllString(utf8Page, "charset=windows-1256")), "", ""},
		{"UTF-8 with BOM", append([]byte("\uFEFF"), utf8Page...), "text/html; charset=iso-8859-1", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ParseHTML(tc.data, "", tc.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Meta.Encoding != tc.enc {
				t.Errorf("encoding %q, want %q", doc.Meta.Encoding, tc.enc)
			}
			if got := htmlAllText(doc); got != wantText {
				t.Errorf("text differs from the UTF-8 page's:\n%.300s\nwant\n%.300s", got, wantText)
			}
			if doc.Meta.Title != want.Meta.Title {
				t.Errorf("title %q", doc.Meta.Title)
			}
		})
	}
}

// A Hebrew page written here (no Hebrew news page in a legacy encoding
// was found), in windows-1255 without a declaration and in ISO-8859-8
// declared by http-equiv.
func TestParseHTMLHebrew(t *testing.T) {
	const title = "גשם כבד צפוי בצפון הארץ"
	const para = "לפי התחזית, מחר ירד גשם כבד בגליל ובגולן, והטמפרטורות ירדו בכמה מעלות. השירות המטאורולוגי ממליץ לנהוג בזהירות בכבישים הרטובים."
	page := func(head string) string {
		return "<html dir=\"rtl\"><head>" + head + "<title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + para + "</p></body></html>"
	}
	enc1255, _ := charmap.Windows1255.NewEncoder().String(page(""))
	enc88598, _ := charmap.ISO8859_8.NewEncoder().String(page(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-8">`))
	for _, tc := range []struct{ name, data, enc string }{
		{"windows-1255 detected", enc1255, "windows-1255"},
		{"ISO-8859-8 declared", enc88598, "iso-8859-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ParseHTMLPage([]byte(tc.data), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Meta.Encoding != tc.enc {
				t.Errorf("encoding %q, want %q", doc.Meta.Encoding, tc.enc)
			}
			got := dumpBlocks(doc.Blocks)
			want := "h1 rtl nb \"" + title + "\"\nparagraph rtl \"" + para + "\"\n"
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
	// Arabic text in windows-1256 is not taken for Hebrew, nor the reverse.
	ar, _ := charmap.Windows1256.NewEncoder().String("<p>وزير الري يشهد توقيع عقد دراسة تحديد السحب الآمن للخزانات الجوفية</p>")
	if _, name := htmlDetect([]byte(ar)); name != "windows-1256" {
		t.Errorf("Arabic detected as %s", name)
	}
	if _, name := htmlDetect([]byte(enc1255)); name != "windows-1255" {
		t.Errorf("Hebrew detected as %s", name)
	}
	if _, name := htmlDetect([]byte("caf\xe9 cr\xe8me")); name != "windows-1252" {
		t.Errorf("French detected as %s", name)
	}
	if !strings.Contains(para, "מחר") {
		t.Fatal("test text")
	}
}
