package entities

import (
	"io/fs"
	"strings"
	"testing"

	"rtlview/content"
)

// TestLists: every file of lists/ is read by the rules, begins with a
// header comment that says what it is, and holds words that fold to
// something; no list has an entry twice.
func TestLists(t *testing.T) {
	loadLexicon()
	files, err := fs.Glob(listFiles, "lists/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no lists: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "lists/"), ".txt")
		t.Run(name, func(t *testing.T) {
			if !listsRead[name] {
				t.Errorf("%s is read by no rule", f)
			}
			b, _ := listFiles.ReadFile(f)
			if !strings.HasPrefix(string(b), "# ") {
				t.Errorf("%s has no header comment", f)
			}
			entries := list(name)
			if len(entries) == 0 {
				t.Errorf("%s is empty", f)
			}
			seen := map[string]bool{}
			for _, e := range entries {
				if name == "notnames" {
					continue // any number of words a line
				}
				k := content.FoldString(e)
				if k == "" {
					t.Errorf("%s: %q folds to nothing", f, e)
				}
				if seen[e] {
					t.Errorf("%s: %q twice", f, e)
				}
				seen[e] = true
			}
		})
	}
}
