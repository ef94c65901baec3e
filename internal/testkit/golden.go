package testkit

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// maxDiffLines is how many differing lines Golden prints before it only
// counts the rest.
const maxDiffLines = 20

// Golden compares got with the golden file at path, byte for byte. With
// -update it writes got to path instead (creating its directory), and the
// change is read in the diff of the commit.
//
// On a difference it prints the lines that differ, quoted with
// strconv.QuoteToASCII: RLM, ZWNJ, the isolates and the presentation
// forms, which look like nothing or like the plain letters, are spelled
// out as \u escapes.
func Golden(t testing.TB, path, got string) {
	t.Helper()
	if flag.Lookup(updateFlag) == nil {
		t.Fatalf("testkit.Golden: no -update flag: call testkit.Main from the package's TestMain")
	}
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got == string(want) {
		return
	}
	t.Errorf("%s differs (go test -update rewrites it; then read the diff):\n%s", path, LineDiff(got, string(want)))
}

// LineDiff lists the lines where got and want differ, line by line (no
// realignment: a golden screen has its lines at fixed places), each
// quoted by strconv.QuoteToASCII.
func LineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(g), len(w)); i++ {
		a, e := lineAt(g, i), lineAt(w, i)
		if a == e {
			continue
		}
		if n++; n > maxDiffLines {
			continue
		}
		fmt.Fprintf(&b, "line %d:\n got  %s\n want %s\n", i+1, a, e)
	}
	if n > maxDiffLines {
		fmt.Fprintf(&b, "... %d more lines differ\n", n-maxDiffLines)
	}
	return b.String()
}

// lineAt is lines[i] quoted, or "(none)" past the end.
func lineAt(lines []string, i int) string {
	if i >= len(lines) {
		return "(none)"
	}
	return strconv.QuoteToASCII(lines[i])
}
