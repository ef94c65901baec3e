// Command rtlview reads right-to-left text in a terminal: the Persian news
// article embedded in it, a file, standard input or a web page, laid out
// by the Unicode Bidirectional Algorithm (UAX #9) line by line. On a
// terminal it runs the interactive reader (package ui); otherwise, or with
// --plain, it prints the layout as text (ui.Print). This file is the
// program's path: flags (flags.go), the input (input.go), one entity
// recognizer, then the reader or plain output.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"rtlview/content"
	"rtlview/content/entities"
	"rtlview/ui"
	"rtlview/ui/layout"
)

// Exit codes.
const (
	exitOK    = 0 // success, also for --help and empty input
	exitError = 1 // the input could not be read or the output written
	exitUsage = 2 // unknown flag, bad value, too many arguments
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// warn writes one line to stderr, through content.Safe: a file name, a
// flag's value or an error never writes a control or bidi character raw.
func warn(stderr io.Writer, format string, a ...any) {
	fmt.Fprintln(stderr, "rtlview: "+content.Safe(fmt.Sprintf(format, a...)))
}

// run is the whole program with its inputs and outputs passed in, so that
// tests can call it. A stdin or stdout that is not an *os.File is never a
// terminal.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opt, code, ok := parse(args, stdout, stderr, isTerminal(stdout))
	if !ok {
		return code
	}
	// One recognizer for every mode: the embedded gazetteer and
	// --gazetteer's entries, whose bad lines are reported here even when
	// nothing is coloured. Without --gazetteer it is made only where
	// entities are recognised (--entities below; nil leaves it to ui,
	// which makes it for colour and the reader): building the gazetteer's
	// index takes several milliseconds and 3 MB that a plain run without
	// colour would waste.
	var rec *entities.Recognizer
	var note string
	if opt.gazetteer != "" {
		rec = entities.New()
		warns, err := loadGazetteer(rec, opt.gazetteer)
		if err != nil {
			warn(stderr, "%v", err)
			return exitError
		}
		for _, w := range warns {
			warn(stderr, "%v", w)
		}
		if len(warns) > 0 {
			note = fmt.Sprintf("%v (and %d more)", warns[0], len(warns)-1)
			if len(warns) == 1 {
				note = warns[0].Error()
			}
		}
	}
	reader := !opt.plain && opt.entities == "" && isTerminal(stdout)
	var keys *os.File
	if reader {
		keys = keyboard(stdin)
		reader = keys != nil
	}
	plain := ui.PlainConfig{
		Options:  layout.Options{Width: opt.width, Bidi: opt.bidi, Shape: opt.shape, Dir: layout.Auto, Force: opt.dir, LinkRefs: true, ShowControls: opt.showControls},
		Color:    opt.color,
		Entities: rec,
	}
	if !reader && opt.entities == "" {
		return printAll(opt, stdin, stdout, stderr, plain)
	}
	if reader && opt.entities == "" {
		doc, err := openLarge(opt)
		if err != nil {
			warn(stderr, "%v", err)
			return exitError
		}
		if doc != nil {
			defer keys.Close()
			return runReader(opt, doc, nil, keys, rec, note, stderr)
		}
	}
	if reader && isPath(opt.file) && streams(opt, stdin) && opt.limit > 0 && fileSize(opt.file) > int64(opt.limit)<<20 {
		// A file larger than the reader holds (--limit): read as a
		// pipe is, up to the limit, with a note that the rest is not
		// shown, instead of whole until memory runs out.
		f, err := os.Open(opt.file)
		if err != nil {
			warn(stderr, "%v", err)
			return exitError
		}
		defer f.Close()
		defer keys.Close()
		o := opt
		o.follow = false // F follows the stream from where it stops
		return runReader(o, &content.Document{Name: opt.file}, f, keys, rec, note, stderr)
	}
	if reader && (opt.file == "" || opt.file == "-") && streams(opt, stdin) && !regular(stdin) {
		// A pipe, which may never end (yes | rtlview, tail -f log |
		// rtlview): the reader starts empty and shows what comes as
		// it comes, read as plain mode streams it (text, pager
		// output, Markdown …); with --follow the view stays on the end.
		defer keys.Close()
		doc := &content.Document{Name: "-"}
		return runReader(opt, doc, stdin, keys, rec, note, stderr)
	}
	if opt.entities != "" && rec == nil {
		rec = entities.New()
	}
	if opt.entities != "" && streams(opt, stdin) {
		return streamEntities(opt, rec, stdin, stdout, stderr)
	}
	doc, err := load(opt, stdin, stderr)
	if err != nil {
		warn(stderr, "%v", err)
		return exitError
	}
	name := displayName(doc.Name)
	if doc.Replaced > 0 {
		warn(stderr, "%s: %d invalid UTF-8 sequences replaced", name, doc.Replaced)
	}
	if len(doc.Blocks) == 0 && !(reader && (opt.follow || len(opt.files) > 1)) {
		warn(stderr, "%s: empty input, nothing to show", name)
		if opt.entities == "" {
			return exitOK
		}
		// --entities still prints its (empty) list: [] is what a JSON
		// reader expects.
	}
	if opt.entities != "" {
		return printEntities(rec, opt.entities, doc, stdout, stderr)
	}
	defer keys.Close()
	if doc.Meta.Encoding != "" && note == "" {
		note = "read as " + doc.Meta.Encoding
	}
	return runReader(opt, doc, nil, keys, rec, note, stderr)
}

// runReader runs the reader on doc, the first input, with the others of
// the command line read when first shown. follow is the pipe doc is read
// from as it comes (standard input), or nil.
func runReader(opt options, doc *content.Document, follow io.Reader, keys *os.File, rec *entities.Recognizer, note string, stderr io.Writer) int {
	cfg := ui.Config{
		Bidi: opt.bidi, AskBidi: opt.askBidi, LineNumbers: opt.lineNumbers, ShowControls: opt.showControls, Shape: opt.shape, Force: opt.dir, Entities: rec, Note: note, Input: keys,
		Dark: ui.DarkBackground(opt.theme, os.Getenv), NoColour: opt.colorSet && !opt.color,
		Clipboard: opt.clipboard, MaxBytes: limitBytes(opt.limit),
		Warn: func(s string) { warn(stderr, "%s", s) },
	}
	if rec == nil {
		cfg.LoadEntities = ui.EmbeddedEntities
	}
	if !opt.noRemember {
		if dir, err := ui.StateDir(os.Getenv); err == nil {
			pos, err := ui.OpenPositions(dir)
			if err != nil {
				warn(stderr, "%v", err)
				if cfg.Note == "" {
					cfg.Note = err.Error()
				}
			}
			cfg.Positions = pos
		}
	}
	if isPath(opt.file) {
		cfg.Key = ui.FileKey(opt.file)
	}
	for _, f := range opt.files[min(1, len(opt.files)):] {
		o := opt
		o.file = f
		key := ""
		if isPath(f) {
			key = ui.FileKey(f)
		}
		cfg.Files = append(cfg.Files, ui.File{Name: f, Key: key, Load: func() (*content.Document, string, error) {
			// Warnings go to the status bar, not over the screen.
			var msgs strings.Builder
			if doc, err := openLarge(o); doc != nil || err != nil {
				return doc, "", err
			}
			doc, err := load(o, nil, &msgs)
			lines := strings.Split(strings.TrimSpace(msgs.String()), "\n")
			return doc, strings.TrimPrefix(lines[len(lines)-1], "rtlview: "), err
		}})
	}
	switch {
	case follow != nil:
		lo := loadOptions(opt)
		cfg.Follow = func() (*content.Tail, error) { return content.StreamTail("-", follow, lo), nil }
		cfg.FollowAtStart, cfg.Stream = opt.follow, !opt.follow
	case isPath(opt.file) && doc.Meta.Encoding == "":
		// UTF-8, not compressed (Encoding names a decoder or a
		// decompressor otherwise): what is appended can be read as it
		// is. It is followed from the size the file has now.
		path := opt.file
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			size := st.Size()
			if doc.File != nil {
				size = doc.File.Size() // where its index ends
			}
			cfg.Follow = func() (*content.Tail, error) { return content.FollowFile(path, size, followPoll) }
			cfg.FollowAtStart = opt.follow
		} else if opt.follow {
			warn(stderr, "--follow: only a file or a pipe can be followed")
		}
	case opt.follow && isPath(opt.file):
		warn(stderr, "--follow: %s is not plain UTF-8 text (%s): not followed", opt.file, doc.Meta.Encoding)
	case opt.follow:
		warn(stderr, "--follow: only a file or a pipe can be followed")
	}
	if err := ui.Run(doc, cfg); err != nil {
		var sig *ui.Signalled
		if errors.As(err, &sig) {
			return sig.ExitCode() // the terminal is back; nothing to say
		}
		warn(stderr, "%v", err)
		return exitError
	}
	return exitOK
}

// followPoll is how often a followed file is checked for growth.
const followPoll = 100 * time.Millisecond

// isPath reports whether name is a file of the command line (not standard
// input nor a URL).
func isPath(name string) bool {
	return name != "" && name != "-" && !content.IsURL(name)
}

// regular reports whether r is a regular file (standard input redirected
// from a file), which ends.
func regular(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode().IsRegular()
}

// printAll prints every input of the command line in plain mode, each
// under a "==> name <==" line when there are several, as head and tail
// do; with --follow it then goes on printing what the first one gains.
func printAll(opt options, stdin io.Reader, stdout, stderr io.Writer, plain ui.PlainConfig) int {
	files := opt.files
	if len(files) == 0 {
		files = []string{opt.file}
	}
	code := exitOK
	for i, f := range files {
		o := opt
		o.file = f
		if len(files) > 1 {
			if i > 0 {
				io.WriteString(stdout, "\n")
			}
			fmt.Fprintf(stdout, "==> %s <==\n", content.Safe(displayName(f)))
		}
		p := plain
		p.Controls = func(block int) {
			warn(stderr, "%s: paragraph %d holds bidi controls and may not read in the order it is stored (Trojan Source, CVE-2021-42574): --show-controls shows them", displayName(f), block+1)
		}
		c, fatal := printOne(o, stdin, stdout, stderr, p)
		if fatal {
			return c
		}
		code = max(code, c)
	}
	if opt.follow && code == exitOK {
		return followPlain(opt, stdin, stdout, stderr, plain)
	}
	return code
}

// printOne prints one input in plain mode; fatal says the output failed,
// so that no other file is tried.
func printOne(opt options, stdin io.Reader, stdout, stderr io.Writer, plain ui.PlainConfig) (code int, fatal bool) {
	if streams(opt, stdin) {
		return streamPlain(opt, stdin, stdout, stderr, plain)
	}
	doc, err := load(opt, stdin, stderr)
	if err != nil {
		warn(stderr, "%v", err)
		return exitError, false
	}
	name := displayName(doc.Name)
	if doc.Replaced > 0 {
		warn(stderr, "%s: %d invalid UTF-8 sequences replaced", name, doc.Replaced)
	}
	if len(doc.Blocks) == 0 {
		warn(stderr, "%s: empty input, nothing to show", name)
		return exitOK, false
	}
	if err := ui.Print(stdout, doc, plain); err != nil {
		warn(stderr, "writing output: %v", err)
		return exitError, true
	}
	return exitOK, false
}

// followPlain prints, as tail -f does, the lines the first input gains
// after it was printed, until the input ends (a pipe) or the program is
// interrupted.
func followPlain(opt options, stdin io.Reader, stdout, stderr io.Writer, plain ui.PlainConfig) int {
	if !isPath(opt.file) {
		// Standard input was printed to its end: nothing more comes.
		return exitOK
	}
	st, err := os.Stat(opt.file)
	if err != nil {
		warn(stderr, "%v", err)
		return exitError
	}
	t, err := content.FollowFile(opt.file, st.Size(), followPoll)
	if err != nil {
		warn(stderr, "%v", err)
		return exitError
	}
	defer t.Stop()
	for b := range t.C {
		if b.Truncated {
			warn(stderr, "%s: file truncated", displayName(opt.file))
		}
		if len(b.Blocks) > 0 {
			if err := ui.Print(stdout, &content.Document{Blocks: b.Blocks}, plain); err != nil {
				warn(stderr, "writing output: %v", err)
				return exitError
			}
		}
		if b.Err != nil {
			warn(stderr, "%v", b.Err)
			return exitError
		}
	}
	return exitOK
}

// streams reports whether plain mode can print the input as it reads it:
// a file or standard input (not the built-in article, which is parsed
// whole, nor an article to clean up or a text to repair, which are).
func streams(opt options, stdin io.Reader) bool {
	if opt.article || opt.repair == repairOn || content.IsURL(opt.file) {
		return false
	}
	return opt.file != "" || piped(stdin)
}

// streamPlain prints the input in plain mode as it is read (ui.Stream):
// `yes | rtlview --plain | head` prints at once, in bounded memory.
func streamPlain(opt options, stdin io.Reader, stdout, stderr io.Writer, cfg ui.PlainConfig) (code int, fatal bool) {
	name := opt.file
	if name == "" {
		name = "-"
	}
	if name == "-" && stdin == nil {
		stdin = eofReader{}
	}
	lo := loadOptions(opt)
	// A pipe may pause (`tail -f log | rtlview --plain`): its encoding
	// and format are chosen from what came before the pause, and each
	// line is printed when it is read.
	lo.Live = name == "-" && livePipe(stdin)
	doc, n, err := ui.Stream(context.Background(), stdout, name, stdin, lo, cfg)
	var we *ui.WriteError
	if errors.As(err, &we) {
		warn(stderr, "%v", err)
		return exitError, true
	}
	if doc != nil && n == 0 && err == nil {
		warn(stderr, "%s: empty input, nothing to show", displayName(doc.Name))
	}
	if doc != nil {
		if doc.Meta.Encoding != "" {
			warn(stderr, "%s: read as %s", displayName(doc.Name), doc.Meta.Encoding)
		}
		if doc.Replaced > 0 {
			warn(stderr, "%s: %d invalid UTF-8 sequences replaced", displayName(doc.Name), doc.Replaced)
		}
	}
	if err != nil {
		warn(stderr, "%v", err)
		return exitError, false
	}
	return exitOK, false
}

// livePipe reports whether in is a pipe, a socket or a terminal: an
// input that may pause, unlike a file.
func livePipe(in io.Reader) bool {
	f, ok := in.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && !st.Mode().IsRegular()
}

// eofReader is an empty standard input.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// loadGazetteer adds the entries of a --gazetteer file to rec and returns
// the warnings about its malformed lines.
func loadGazetteer(rec *entities.Recognizer, path string) ([]error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--gazetteer: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > maxGazetteer {
		return nil, fmt.Errorf("--gazetteer: %s: %d MB, at most %d MB", path, st.Size()>>20, maxGazetteer>>20)
	}
	// A pipe or a device is read up to the same bound.
	lr := &io.LimitedReader{R: f, N: maxGazetteer + 1}
	warns := rec.Load(lr, path)
	if lr.N <= 0 {
		return nil, fmt.Errorf("--gazetteer: %s: more than %d MB", path, maxGazetteer>>20)
	}
	return warns, nil
}

// maxGazetteer bounds a --gazetteer file (the embedded one is 0.3 MB).
const maxGazetteer = 64 << 20

// printEntities writes the named entities of every block (--entities):
// paragraph numbers are block indices, offsets are bytes of the block's
// text as read, before the display repair of ZWNJs (so they do not depend
// on --repair). A plain file or a pipe goes through streamEntities.
func printEntities(rec *entities.Recognizer, format string, doc *content.Document, stdout, stderr io.Writer) int {
	recs := rec.RecordsBlocks(doc.Blocks) // prose only: nothing in code, URLs, paths
	write := entities.WriteTSV
	if format == "json" {
		write = entities.WriteJSON
	}
	if err := write(stdout, recs); err != nil {
		warn(stderr, "writing output: %v", err)
		return exitError
	}
	return exitOK
}

// cleanArticle applies to a file the cleanup the built-in article gets
// (--article): the scraped page's chrome, metadata and repeated headline
// are dropped (content.CleanArticle) and, with repair, missing ZWNJs put
// back. It works on the text as read, already repaired and defused, and
// keeps the placeholders of control characters marked for the reader.
func cleanArticle(doc *content.Document, repair bool) (*content.Document, error) {
	art, err := content.CleanArticle(doc)
	if err != nil {
		return nil, err
	}
	if repair {
		art.RepairZWNJ()
	}
	return art, nil
}

// keyboard returns the terminal the reader reads keys from: standard
// input when it is one, else (the text came through a pipe) the
// controlling terminal, /dev/tty; nil when there is none, and the layout
// is then printed instead.
func keyboard(stdin io.Reader) *os.File {
	if isTerminal(stdin) {
		return stdin.(*os.File)
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return nil
	}
	if !term.IsTerminal(int(tty.Fd())) {
		tty.Close()
		return nil
	}
	return tty
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// streamEntities prints the entities of a file or standard input as it is
// read (--entities): the records of each block as it comes, with the
// memory of the blocks before it (entities.Recorder), so that 500 MB or an
// endless pipe cost the memory of one block. For a plain text the
// offsets are bytes of the input line, also after a TAB, a control
// character or an invalid byte (content.DefuseMap); for other formats,
// of the paragraph's text as shown.
func streamEntities(opt options, rec *entities.Recognizer, stdin io.Reader, stdout, stderr io.Writer) int {
	name := opt.file
	if name == "" {
		name = "-"
	}
	if name == "-" && stdin == nil {
		stdin = eofReader{}
	}
	lo := loadOptions(opt)
	var raw string
	var rawWhole, rawSet bool
	lo.RawLine = func(line string, whole bool) { raw, rawWhole, rawSet = line, whole, true }
	out := entities.NewRecordWriter(stdout, opt.entities)
	c := rec.Recorder()
	n := 0
	var werr error
	doc, err := content.Stream(context.Background(), name, stdin, lo, func(b *content.Block) bool {
		recs := c.Block(n, b)
		if rawSet && rawWhole && len(recs) > 0 {
			if text, toRaw := content.DefuseMap(raw); text == b.Text {
				for i := range recs {
					recs[i].Start, recs[i].End = toRaw(recs[i].Start), toRaw(recs[i].End)
				}
			}
		}
		rawSet = false
		n++
		werr = out.Write(recs)
		return werr == nil
	})
	if werr == nil {
		werr = out.Close()
	}
	if werr != nil {
		warn(stderr, "writing output: %v", werr)
		return exitError
	}
	if doc != nil && n == 0 && err == nil {
		warn(stderr, "%s: empty input, nothing to show", displayName(doc.Name))
	}
	if doc != nil && doc.Replaced > 0 {
		warn(stderr, "%s: %d invalid UTF-8 sequences replaced", displayName(doc.Name), doc.Replaced)
	}
	if err != nil {
		warn(stderr, "%v", err)
		return exitError
	}
	return exitOK
}

// limitBytes is --limit in bytes for ui.Config.MaxBytes (-1: no limit).
func limitBytes(mb int) int64 {
	if mb == 0 {
		return -1
	}
	return int64(mb) << 20
}

// fileSize is the size of a regular file, or -1.
func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return -1
	}
	return st.Size()
}
