package entities

import (
	"os"
	"os/exec"
	"testing"
)

// TestLexiconLazy: linking the package loads no word list; New loads the
// gazetteer but no list; the first Recognize loads them all. It runs in a
// fresh process (this test binary, this test alone), where no other test
// has recognised anything yet.
func TestLexiconLazy(t *testing.T) {
	if os.Getenv("ENTITIES_LAZY_CHILD") == "1" {
		if len(listsRead) != 0 || lex != nil {
			t.Fatalf("at start-up %d lists read, lex built: %v", len(listsRead), lex != nil)
		}
		r := New()
		if len(listsRead) != 0 || lex != nil {
			t.Fatalf("New read %d lists", len(listsRead))
		}
		r.Recognize("پوتین در مسکو")
		if len(listsRead) == 0 || lex == nil {
			t.Fatal("Recognize loaded no list")
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLexiconLazy$", "-test.count=1")
	cmd.Env = append(os.Environ(), "ENTITIES_LAZY_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

// BenchmarkLoadLexicon is what the first Recognize pays once for the word
// lists (BenchmarkNew is what the gazetteer costs).
func BenchmarkLoadLexicon(b *testing.B) {
	loadLexicon()
	b.ReportAllocs()
	for b.Loop() {
		buildLexicon()
	}
}
