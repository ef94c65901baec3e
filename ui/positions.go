package ui

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Positions remembers where each file was left, across runs: a file
// reopened comes back at its last paragraph. It is stored as text, one
// line per file, in $XDG_STATE_HOME/rtlview/positions (or
// ~/.local/state/rtlview/positions):
//
//	rtlview positions 1
//	<unix seconds> TAB <paragraph> TAB <byte in it> TAB <key>
//
// A key is a file's absolute path with its size and modification time
// (a file that changed starts at the top again), or a hash of the text for
// standard input, a URL and the built-in article. The newest maxPositions
// entries are kept. A file that cannot be read or parsed is ignored with a
// warning, never fatal.
type Positions struct {
	path string
	mu   sync.Mutex
	m    map[string]position
	now  func() time.Time
}

type position struct {
	para, off int
	when      int64
}

const (
	positionsHeader = "rtlview positions 1"
	maxPositions    = 1000
)

// StateDir is where rtlview keeps its state: $XDG_STATE_HOME/rtlview, or
// ~/.local/state/rtlview.
func StateDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "rtlview"), nil
	}
	home := getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", err
		}
	}
	return filepath.Join(home, ".local", "state", "rtlview"), nil
}

// OpenPositions reads the positions file in dir. A missing file is an
// empty store; a file that cannot be read or parsed gives an empty store
// and an error to show as a warning (the file is rewritten on Save).
func OpenPositions(dir string) (*Positions, error) {
	p := &Positions{path: filepath.Join(dir, "positions"), m: map[string]position{}, now: time.Now}
	data, err := os.ReadFile(p.path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("remembered positions not read: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if line == 1 {
			if t != positionsHeader {
				p.m = map[string]position{}
				return p, fmt.Errorf("remembered positions ignored: %s is not a positions file", p.path)
			}
			continue
		}
		f := strings.SplitN(t, "\t", 4)
		if len(f) != 4 {
			p.m = map[string]position{}
			return p, fmt.Errorf("remembered positions ignored: %s:%d is damaged", p.path, line)
		}
		when, e1 := strconv.ParseInt(f[0], 10, 64)
		para, e2 := strconv.Atoi(f[1])
		off, e3 := strconv.Atoi(f[2])
		if e1 != nil || e2 != nil || e3 != nil || para < 0 || off < 0 {
			p.m = map[string]position{}
			return p, fmt.Errorf("remembered positions ignored: %s:%d is damaged", p.path, line)
		}
		p.m[f[3]] = position{para, off, when}
	}
	if err := sc.Err(); err != nil {
		p.m = map[string]position{}
		return p, fmt.Errorf("remembered positions ignored: %w", err)
	}
	return p, nil
}

// Get returns the paragraph and byte stored for key.
func (p *Positions) Get(key string) (para, off int, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.m[key]
	return e.para, e.off, ok
}

// Set stores the paragraph and byte for key.
func (p *Positions) Set(key string, para, off int) {
	if strings.ContainsAny(key, "\t\n") {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.m[key] = position{para, off, p.now().Unix()}
}

// Save writes the store, the newest entries first, through a temporary
// file renamed over the old one, so that two readers ending at once
// leave one whole file.
func (p *Positions) Save() error {
	p.mu.Lock()
	keys := make([]string, 0, len(p.m))
	for k := range p.m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := p.m[keys[i]], p.m[keys[j]]
		return a.when > b.when || a.when == b.when && keys[i] < keys[j]
	})
	if len(keys) > maxPositions {
		keys = keys[:maxPositions]
	}
	var b strings.Builder
	b.WriteString(positionsHeader + "\n")
	for _, k := range keys {
		e := p.m[k]
		fmt.Fprintf(&b, "%d\t%d\t%d\t%s\n", e.when, e.para, e.off, k)
	}
	p.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(p.path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p.path), "positions-*")
	if err != nil {
		return err
	}
	if _, err := tmp.WriteString(b.String()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), p.path)
}

// FileKey is the key of a file on disk: its absolute path, size and
// modification time.
func FileKey(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	st, err := os.Stat(abs)
	if err != nil || !st.Mode().IsRegular() {
		return ""
	}
	return fmt.Sprintf("file:%s:%d:%d", abs, st.Size(), st.ModTime().UnixNano())
}
