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
	// nothing is coloured.
	rec := entities.New()
	var note string
	if opt.gazetteer != "" {
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
		Options:  layout.Options{Width: opt.width, Bidi: opt.bidi, Shape: opt.shape, Dir: layout.Auto, Force: opt.dir, LinkRefs: true},
		Color:    opt.color,
		Entities: rec,
	}
	if !reader && opt.entities == "" && streams(opt, stdin) {
		return streamPlain(opt, stdin, stdout, stderr, plain)
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
	if len(doc.Blocks) == 0 {
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
	if reader {
		defer keys.Close()
		if doc.Meta.Encoding != "" && note == "" {
			note = "read as " + doc.Meta.Encoding
		}
		err := ui.Run(doc, ui.Config{
			Bidi: opt.bidi, Shape: opt.shape, Force: opt.dir, Entities: rec, Note: note, Input: keys,
			Dark: ui.DarkBackground(opt.theme, os.Getenv), NoColour: opt.colorSet && !opt.color,
		})
		if err != nil {
			warn(stderr, "%v", err)
			return exitError
		}
		return exitOK
	}
	if err := ui.Print(stdout, doc, plain); err != nil {
		warn(stderr, "writing output: %v", err)
		return exitError
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
func streamPlain(opt options, stdin io.Reader, stdout, stderr io.Writer, cfg ui.PlainConfig) int {
	name := opt.file
	if name == "" {
		name = "-"
	}
	if name == "-" && stdin == nil {
		stdin = eofReader{}
	}
	doc, n, err := ui.Stream(context.Background(), stdout, name, stdin, loadOptions(opt), cfg)
	var we *ui.WriteError
	if errors.As(err, &we) {
		warn(stderr, "%v", err)
		return exitError
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
		return exitError
	}
	return exitOK
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
	return rec.Load(f, path), nil
}

// printEntities writes the named entities of every block (--entities):
// paragraph numbers are block indices, offsets are bytes of the block's
// text as read, before the display repair of ZWNJs (so they do not depend
// on --repair, and for a plain file they index the input line).
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
