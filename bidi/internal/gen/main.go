// Command gen writes bidi/tables.go from the UCD files in testdata (see
// package tablegen). It is run by `go generate` in package bidi.
package main

import (
	"flag"
	"log"
	"os"

	"rtlview/bidi/internal/tablegen"
)

func main() {
	ucd := flag.String("ucd", "../testdata/ucd", "directory holding the UCD files")
	out := flag.String("o", "tables.go", "output file")
	flag.Parse()
	log.SetFlags(0)
	src, err := tablegen.Generate(*ucd)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
