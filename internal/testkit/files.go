package testkit

import (
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"
)

// ReadMaybeGzip returns the contents of the file at path, decompressed
// when its name ends in .gz (the large and the Unicode test data are
// stored gzipped).
func ReadMaybeGzip(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		r = z
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}
