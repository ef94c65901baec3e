package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"rtlview/internal/testkit"
)

// A saved Persian news page served over HTTP (no network: httptest) opens
// as its article, the same as the page piped in and the page as a file,
// also when the site serves windows-1256; a missing page is one line
// naming the status, exit 1.
func TestURL(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("content", "testdata", "html", "khabaronline.ir.1353889.html"))
	if err != nil {
		t.Fatal(err)
	}
	utf8Text := string(page)
	// The page as a windows-1256 site serves it (letters the code page
	// lacks, such as Persian yeh, written as the site would: replaced),
	// and the same text back in UTF-8 to compare with.
	legacy, err := encoding.ReplaceUnsupported(charmap.Windows1256.NewEncoder()).String(strings.Replace(utf8Text, "charset=utf-8", "charset=windows-1256", 1))
	if err != nil {
		t.Fatal(err)
	}
	roundTrip, err := charmap.Windows1256.NewDecoder().String(legacy)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/news":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/roundtrip":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(strings.Replace(roundTrip, "charset=windows-1256", "charset=utf-8", 1)))
		case "/legacy":
			w.Header().Set("Content-Type", "text/html; charset=windows-1256")
			w.Write([]byte(legacy))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	args := []string{"--plain", "--width", "80", "--color=never"}
	code, fromURL, errs := rtl(t, "", append(args, srv.URL+"/news")...)
	if code != exitOK || !strings.Contains(errs, "fetching") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if strings.Contains(fromURL, "<") || len(strings.Split(fromURL, "\n")) < 10 {
		t.Errorf("article from the URL:\n%s", fromURL)
	}
	_, piped, _ := rtl(t, utf8Text, append(args, "-")...)
	if piped != fromURL {
		t.Errorf("piped page differs from the URL's:\n%s", testkit.LineDiff(piped, fromURL))
	}
	_, legacyOut, errs := rtl(t, "", append(args, srv.URL+"/legacy")...)
	_, want, _ := rtl(t, "", append(args, srv.URL+"/roundtrip")...)
	if legacyOut != want || strings.ContainsRune(legacyOut, '\uFFFD') {
		t.Errorf("windows-1256 page differs (stderr %q):\n%s", errs, testkit.LineDiff(legacyOut, want))
	}

	code, out, errs := rtl(t, "", append(args, srv.URL+"/missing")...)
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	last := lines[len(lines)-1]
	if code != exitError || out != "" || !strings.Contains(last, "404") || !strings.Contains(last, srv.URL+"/missing") {
		t.Errorf("missing page: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
