// Package testkit holds what the tests of several rtlview packages need:
// golden files, outside tools that may be missing, the rtlview binary built
// once, test data that may be gzipped, and waiting for something a terminal
// or a child process does on its own time.
//
// Tests never assert how fast something happens: a machine running other
// work may be many times slower than an idle one. A limit is only a way to
// give up on something that never happens, and it is generous and scaled
// by $RTLVIEW_TEST_TIMEOUT_SCALE.
//
// A package whose tests use Golden or Binary calls Main from its TestMain:
//
//	func TestMain(m *testing.M) { testkit.Main(m) }
package testkit

import (
	"flag"
	"os"
	"os/exec"
	"testing"
)

// updateFlag is the name of the flag that makes Golden rewrite golden
// files: go test ./... -update.
const updateFlag = "update"

// Main runs the tests of a package: it defines -update (unless the
// package defined a flag of that name itself), runs m, removes the
// binaries Binary built, and exits with the tests' status.
//
// The flag is defined here and not when the package is loaded so that a
// package that still defines its own -update can import testkit: two
// definitions of one flag make the test binary panic.
func Main(m *testing.M) {
	if flag.Lookup(updateFlag) == nil {
		flag.Bool(updateFlag, false, "rewrite the golden files (testkit.Golden) with what the tests produce")
	}
	// The reader remembers where each file was left under
	// $XDG_STATE_HOME: tests never read or write the user's, and every
	// test binary (and the programs it starts) begins with none.
	state, err := os.MkdirTemp("", "rtlview-state-")
	if err == nil {
		os.Setenv("XDG_STATE_HOME", state)
	}
	code := m.Run()
	removeBinaries()
	if err == nil {
		os.RemoveAll(state)
	}
	os.Exit(code)
}

// Updating reports whether the tests run with -update.
func Updating() bool {
	f := flag.Lookup(updateFlag)
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	b, _ := g.Get().(bool)
	return b
}

// StrictEnv is set by CI (.ci/run): a test that needs an outside tool
// fails instead of skipping when the tool is missing.
const StrictEnv = "RTLVIEW_STRICT"

// RequireTool returns the path of the command name, or skips the test
// when it is not installed (fails it under $RTLVIEW_STRICT).
func RequireTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv(StrictEnv) != "" {
		t.Fatalf("%s is not installed and %s is set: %v", name, StrictEnv, err)
	}
	t.Skipf("%s is not installed: %v", name, err)
	return ""
}
