package main

import (
	"bytes"
	"os"
	"testing"
)

// The committed table is what the generator makes of the committed UCD
// files: the same check as `go generate ./... && git diff --exit-code`,
// run by `go test`.
func TestTablesUpToDate(t *testing.T) {
	want, err := os.ReadFile("../../tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if got := build("../../../../testdata/ucd"); !bytes.Equal(got, want) {
		t.Error("bidi/shape/tables.go is stale: run go generate ./bidi/shape")
	}
}

// Two runs give the same bytes (the generator ranges over maps).
func TestDeterministic(t *testing.T) {
	a, b := build("../../../../testdata/ucd"), build("../../../../testdata/ucd")
	if !bytes.Equal(a, b) {
		t.Error("two runs of the generator differ")
	}
}
