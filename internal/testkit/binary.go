package testkit

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// binDirPrefix names the directories Binary builds into, followed by the
// process id, so that one left behind by a process that has ended can be
// told from one in use.
const binDirPrefix = "rtlview-testkit-"

var (
	binMu   sync.Mutex
	binDir  string               // this process's directory, made on first use
	binDone = map[string]built{} // by ldflags
)

type built struct {
	path string
	err  error
}

// Binary returns the rtlview command built from the module this test is
// in, with the given -ldflags (joined by spaces) if any. It builds once
// per test process and distinct ldflags; the binaries are removed when
// Main returns (a package without Main leaves them in the temporary
// directory, and the next test process to build removes them).
func Binary(t testing.TB, ldflags ...string) string {
	t.Helper()
	flags := strings.Join(ldflags, " ")
	binMu.Lock()
	defer binMu.Unlock()
	b, ok := binDone[flags]
	if !ok {
		b.path, b.err = build(flags, len(binDone))
		binDone[flags] = b
	}
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

func build(ldflags string, n int) (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	if binDir == "" {
		removeStaleBinaries()
		binDir, err = os.MkdirTemp("", binDirPrefix+strconv.Itoa(os.Getpid())+"-")
		if err != nil {
			return "", err
		}
	}
	bin := filepath.Join(binDir, "rtlview"+strconv.Itoa(n))
	args := []string{"build", "-o", bin}
	if ldflags != "" {
		args = append(args, "-ldflags", ldflags)
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(cmd.Args[1:], " "), err, out)
	}
	return bin, nil
}

// ModuleRoot is the directory of the go.mod above the working directory
// (a test runs in its package's directory).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("testkit: no go.mod above the working directory")
		}
		dir = parent
	}
}

func removeBinaries() {
	binMu.Lock()
	defer binMu.Unlock()
	if binDir != "" {
		os.RemoveAll(binDir)
		binDir = ""
		clear(binDone)
	}
}

// removeStaleBinaries removes the directories of Binary left by test
// processes that have ended (those of packages without Main, or killed).
func removeStaleBinaries() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), binDirPrefix+"*"))
	for _, d := range dirs {
		pid, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(d), binDirPrefix), "-")
		n, err := strconv.Atoi(pid)
		if err != nil || n == os.Getpid() || !processGone(n) {
			continue
		}
		os.RemoveAll(d)
	}
}

// processGone reports whether no process has the id pid. Where that cannot
// be told (a process of another user, another system) it says false.
func processGone(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return errors.Is(err, os.ErrProcessDone) || errors.Is(err, syscall.ESRCH)
}
