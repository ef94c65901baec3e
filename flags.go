package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"rtlview/content"
	"rtlview/ui/layout"
)

const defaultWidth = 80

// maxWidth bounds --width and $COLUMNS: no terminal is wider, and a right-
// aligned line is padded to the width.
const maxWidth = 10000

const usage = `usage: rtlview [flags] [FILE | URL | -]...

rtlview shows right-to-left text (Persian, Arabic, Hebrew) in a terminal:
every wrapped line in correct bidi order, brackets mirrored, letters joined,
paragraphs right-aligned. With no FILE it shows the Persian news article
built into it, or standard input when that is a pipe or a file; "-" reads
standard input; an http(s) URL is fetched and read as a web article.
Markdown, HTML, subtitles (.srt, .vtt) and pager output (colours, man
pages) are rendered; text in windows-1256/1255, UTF-16 or gzipped is
decoded. On a terminal it opens the interactive reader; when the output is
not a terminal, or with --plain, it prints the laid-out text. In the
reader, ? shows the keys; with several files, :n and :p go from one to the
next, and each file opens where it was last left.

flags (short forms: -p -w -e -f -d -N -F -V -h):
  -p, --plain        print the layout instead of opening the reader
  -w, --width N      line width in cells for --plain (default $COLUMNS, the
                     terminal's width, else 80; 0 = one line per paragraph;
                     at most 10000)
  --color WHEN       colour in plain output: auto (a terminal and no
                     $NO_COLOR), always, never (default auto)
  --theme THEME      the reader's colours for a dark or light background:
                     auto (from $COLORFGBG, else dark), dark, light
  --bidi MODE        auto (default): app, unless the terminal is one that
                     always reorders (mlterm, Konsole) or says so when the
                     reader asks it (DECRQM for mode 8, BDSM);
                     app: rtlview reorders each line;
                     terminal: logical order, for terminals that do bidi
  --shape WHEN       join Arabic-script letters with presentation forms:
                     auto (on with --bidi=app, off with --bidi=terminal),
                     on, off (default auto)
  -f, --format FORMAT
                     how to read the input: auto (by the file name's
                     extension, else by its content), text, markdown, html,
                     subtitles, pager, code (default auto)
  -e, --encoding NAME
                     the input's encoding: auto (a BOM, UTF-8, else
                     windows-1256 or windows-1255 when the text is plausible)
                     or a name such as windows-1256, iso-8859-8, utf-16le;
                     --encoding=list prints the names (default auto)
  -d, --dir DIR      base direction of prose blocks: auto (each block by its
                     first strong letter; code and letterless lines are
                     left-to-right), rtl, ltr (default auto)
  --timeout SECONDS  how long to wait for a URL (default 15)
  --limit MB         the most of one input the reader holds (default 256; 0:
                     no limit): a pipe, what a followed file gains, or a
                     larger file that is not plain UTF-8 text is read up to
                     it (and 500,000 paragraphs), then the status says the
                     rest is not shown; a plain UTF-8 text file of any size
                     is read on demand, only what is shown held
  --article          clean FILE up as a scraped news page (title, metadata,
                     boilerplate), as is done for the built-in article
  --repair WHEN      put back the zero-width non-joiners (U+200C) that scraped
                     Persian text loses (after the prefix mi-, before the
                     plural -ha, ...) where the rule is certain; for display
                     only, search ignores ZWNJs anyway: auto (the built-in
                     article and --article), on (any text), off
                     (default auto)
  --gazetteer FILE   extra named entities: one per line, TAB-separated
                     KIND CANONICAL VARIANT|VARIANT... (KIND: PER, LOC, ORG);
                     a bad line is reported with its number and skipped
  --entities[=FORMAT]
                     print the named entities instead of the text: tsv
                     (kind, canonical, surface, paragraph, start and end
                     byte of the paragraph as read; the default) or json
  -N, --line-numbers number the paragraphs (a text file's lines; the numbers
                     :N goes to) in a gutter on each one's starting side
  --show-controls    show the bidi controls of a paragraph that holds them
                     (LRE…PDI) by name, the line in stored order, as the c
                     key does in the reader; without it such a paragraph is
                     flagged (on stderr, in the status bar)
  -F, --follow       keep reading the first input as it grows, as tail -f
                     (the reader's F key); a truncated file is read again
  --no-remember      do not reopen files where they were left, nor record
                     it (kept in $XDG_STATE_HOME/rtlview/positions)
  --clipboard MODE   how the reader's y copies: osc52 (the terminal's
                     clipboard escape, default), off, or a command that
                     reads the text on its standard input (wl-copy,
                     "xclip -selection clipboard", pbcopy)
  -V, --version      print the version and exit
  -h, --help         print this help and exit

examples:
  rtlview                          read the built-in article
  rtlview notes.txt                read a file
  rtlview a.txt b.md c.srt         several files: :n next, :p previous
  rtlview -F /var/log/app.log      follow a growing log
  rtlview README-fa.md             read Markdown, right-to-left
  rtlview https://example.ir/news/1   read a web page's article
  git log --color=always | rtlview    page coloured output (PAGER=rtlview)
  rtlview --encoding=windows-1256 old.srt
  curl -s URL | rtlview --article  read a scraped text page from a pipe
  rtlview --color=always --width 40 notes.txt | less -R
  rtlview --bidi=terminal --shape=off notes.txt   (mlterm, Konsole, VTE)
  rtlview --entities=json | jq '.[] | select(.kind == "PER")'
`

// intAlias and stringAlias make a short flag set the same value as its
// long form (-w 40 is --width 40).
type intAlias struct{ p *int }

func (a intAlias) String() string {
	if a.p == nil {
		return ""
	}
	return strconv.Itoa(*a.p)
}
func (a intAlias) Set(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil {
		return errors.New("parse error")
	}
	*a.p = n
	return nil
}

type stringAlias struct{ p *string }

func (a stringAlias) String() string {
	if a.p == nil {
		return ""
	}
	return *a.p
}
func (a stringAlias) Set(v string) error { *a.p = v; return nil }

// rawFlags are the flags that parse checks before they become options.
type rawFlags struct {
	width                      *int
	color, bidi, shape, repair *string
	format, encoding, dir      *string
	theme                      *string
	timeout                    *float64
	version, help              *bool
	clipboard                  *string
}

// newFlags defines every flag of the command line (the --help text lists
// them all; a test checks it).
func newFlags(opt *options) (*flag.FlagSet, rawFlags) {
	fs := flag.NewFlagSet("rtlview", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported by parse, in one line
	var f rawFlags
	f.width = fs.Int("width", -1, "")
	f.color = fs.String("color", "auto", "")
	f.bidi = fs.String("bidi", "auto", "")
	f.shape = fs.String("shape", "auto", "")
	f.repair = fs.String("repair", "auto", "")
	f.format = fs.String("format", "auto", "")
	f.encoding = fs.String("encoding", "auto", "")
	f.dir = fs.String("dir", "auto", "")
	f.timeout = fs.Float64("timeout", 15, "")
	fs.IntVar(&opt.limit, "limit", 256, "")
	f.theme = fs.String("theme", "auto", "")
	fs.BoolVar(&opt.plain, "plain", false, "")
	fs.BoolVar(&opt.article, "article", false, "")
	fs.StringVar(&opt.gazetteer, "gazetteer", "", "")
	fs.Var((*entitiesFlag)(&opt.entities), "entities", "")
	fs.BoolVar(&opt.follow, "follow", false, "")
	fs.BoolVar(&opt.lineNumbers, "line-numbers", false, "")
	fs.BoolVar(&opt.showControls, "show-controls", false, "")
	fs.BoolVar(&opt.noRemember, "no-remember", false, "")
	f.clipboard = fs.String("clipboard", "osc52", "")
	f.version = fs.Bool("version", false, "")
	f.help = fs.Bool("help", false, "")
	// Short forms of the common flags.
	fs.Var(intAlias{f.width}, "w", "")
	fs.BoolVar(&opt.plain, "p", false, "")
	fs.Var(stringAlias{f.encoding}, "e", "")
	fs.Var(stringAlias{f.format}, "f", "")
	fs.Var(stringAlias{f.dir}, "d", "")
	fs.BoolVar(&opt.follow, "F", false, "")
	fs.BoolVar(&opt.lineNumbers, "N", false, "")
	fs.BoolVar(f.version, "V", false, "")
	fs.BoolVar(f.help, "h", false, "")
	return fs, f
}

// options are the parsed command line.
type options struct {
	plain        bool
	width        int
	color        bool
	colorSet     bool // --color was given: the reader follows it too
	bidi         layout.BidiMode
	askBidi      bool // --bidi=auto: the reader asks the terminal (DECRQM 8)
	lineNumbers  bool // -N: paragraph numbers in a gutter
	limit        int  // --limit MB: what the reader holds of one input (0: no limit)
	showControls bool // --show-controls: bidi controls by name, logical order
	shape        bool
	article      bool
	repair       repairMode
	gazetteer    string
	entities     string   // "" (show the text), "tsv" or "json"
	file         string   // "" for none, "-" for standard input, or a URL
	files        []string // every FILE given; file is the first
	follow       bool     // --follow: keep reading the (first) input as it grows
	// noRemember: --no-remember, the reader neither restores nor records
	// where a file was left.
	noRemember bool
	clipboard  string // --clipboard: osc52, off or a command
	format     content.Format
	encoding   string // "auto" or a name content.LookupEncoding knows
	dir        content.Dir
	timeout    time.Duration
	theme      string // "auto", "dark" or "light"
}

// repairMode is --repair: which texts get their missing ZWNJs put back.
type repairMode int

const (
	repairAuto repairMode = iota // the built-in article and --article
	repairOn                     // any text
	repairOff                    // none
)

// entitiesFlag is --entities: alone it means tsv, or --entities=json.
type entitiesFlag string

func (f *entitiesFlag) String() string   { return string(*f) }
func (f *entitiesFlag) IsBoolFlag() bool { return true }
func (f *entitiesFlag) Set(v string) error {
	switch v {
	case "true", "tsv":
		*f = "tsv"
	case "json":
		*f = "json"
	case "false":
		*f = ""
	default:
		return fmt.Errorf("must be tsv or json")
	}
	return nil
}

// flagName is a flag as the flag package names it in an error: -name.
// Compiled only when there is such an error, not at every start.
var flagName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(^|\s)-([a-z][a-z-]*)`) })

// parse reads the command line. When ok is false the program ends with
// code (after --help, --version or a usage error, already reported).
func parse(args []string, stdout, stderr io.Writer, tty bool) (opt options, code int, ok bool) {
	fs, f := newFlags(&opt)
	width, colorFlag, bidiFlag, shapeFlag, repairFlag := f.width, f.color, f.bidi, f.shape, f.repair
	showVersion, showHelp := f.version, f.help
	bad := func(format string, a ...any) (options, int, bool) {
		fmt.Fprintf(stderr, "rtlview: "+format+"\n", a...)
		fmt.Fprintln(stderr, "usage: rtlview [flags] [FILE | URL | -]...; see rtlview --help")
		return opt, exitUsage, false
	}
	// Flags may come after the files too (rtlview a.txt -w 40), as
	// with GNU tools; "--" ends the flags.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			// The flag package calls --entities's values "boolean", and
			// every flag -name, where this program's help says --name.
			msg := strings.Replace(err.Error(), "invalid boolean value", "invalid value", 1)
			return bad("%s", flagName().ReplaceAllString(msg, "$1--$2"))
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			files = append(files, rest...)
			break
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	if *showHelp {
		io.WriteString(stdout, usage)
		return opt, exitOK, false
	}
	if *showVersion {
		fmt.Fprintf(stdout, "rtlview %s (Unicode 15.0.0)\n", version)
		return opt, exitOK, false
	}
	if strings.EqualFold(*f.encoding, "list") {
		if err := content.WriteEncodingList(stdout); err != nil {
			fmt.Fprintf(stderr, "rtlview: %v\n", err)
			return opt, exitError, false
		}
		return opt, exitOK, false
	}
	if len(files) > 0 {
		opt.file, opt.files = files[0], files
	}
	if opt.entities != "" && len(files) > 1 {
		return bad("--entities reads one FILE, got %d", len(files))
	}
	switch c := *f.clipboard; {
	case c == "osc52" || c == "off":
		opt.clipboard = c
	case strings.TrimSpace(c) == "":
		return bad("--clipboard must be osc52, off or a command, got %q", c)
	default:
		opt.clipboard = c
	}

	set := map[string]bool{}
	long := map[string]string{"w": "width", "e": "encoding", "f": "format", "d": "dir", "p": "plain", "F": "follow", "N": "line-numbers", "V": "version", "h": "help"}
	fs.Visit(func(f *flag.Flag) {
		set[f.Name] = true
		if l, ok := long[f.Name]; ok {
			set[l] = true
		}
	})
	switch {
	case set["width"] && *width > maxWidth:
		return bad("--width must be at most %d, got %d", maxWidth, *width)
	case set["width"] && *width < 0:
		return bad("--width must be 0 or more, got %d", *width)
	case set["width"]:
		opt.width = *width
	default:
		opt.width = defaultWidth
		if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
			opt.width = min(n, maxWidth) // COLUMNS=999999999 is no reason to write a gigabyte a line
		} else if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 && tty {
			opt.width = w
		}
	}

	opt.colorSet = set["color"]
	c, err := wantColor(*colorFlag, tty, os.Getenv)
	if err != nil {
		return bad("%v", err)
	}
	opt.color = c
	switch *bidiFlag {
	case "auto":
		opt.bidi, opt.askBidi = layout.App, true
		if reordersItself(os.Getenv) {
			opt.bidi, opt.askBidi = layout.Terminal, false
		}
	case "app":
		opt.bidi = layout.App
	case "terminal":
		opt.bidi = layout.Terminal
	default:
		return bad("--bidi must be auto, app or terminal, got %q", *bidiFlag)
	}
	switch *shapeFlag {
	case "auto":
		opt.shape = opt.bidi == layout.App
	case "on":
		opt.shape = true
	case "off":
	default:
		return bad("--shape must be auto, on or off, got %q", *shapeFlag)
	}
	if opt.format, err = content.ParseFormat(*f.format); err != nil {
		return bad("--format: %v", err)
	}
	opt.encoding = "auto"
	if e := *f.encoding; !strings.EqualFold(e, "auto") {
		if opt.encoding, err = content.LookupEncoding(e); err != nil {
			return bad("--encoding: %v", err)
		}
	}
	switch strings.ToLower(*f.dir) {
	case "auto":
	case "rtl":
		opt.dir = content.RTL
	case "ltr":
		opt.dir = content.LTR
	default:
		return bad("--dir must be auto, rtl or ltr, got %q", content.Visible(*f.dir))
	}
	if *f.timeout <= 0 || *f.timeout > 3600 {
		return bad("--timeout must be more than 0 and at most 3600 seconds, got %v", *f.timeout)
	}
	opt.timeout = time.Duration(*f.timeout * float64(time.Second))
	if opt.limit < 0 || opt.limit > 1<<20 {
		return bad("--limit must be 0 (no limit) or a size in MB up to 1048576, got %d", opt.limit)
	}
	switch *f.theme {
	case "auto", "dark", "light":
		opt.theme = *f.theme
	default:
		return bad("--theme must be auto, dark or light, got %q", content.Safe(*f.theme))
	}
	switch *repairFlag {
	case "auto":
		opt.repair = repairAuto
	case "on":
		opt.repair = repairOn
	case "off":
		opt.repair = repairOff
	default:
		return bad("--repair must be auto, on or off, got %q", *repairFlag)
	}
	return opt, exitOK, true
}

// wantColor decides --color: auto means colour on a terminal, unless
// NO_COLOR is set to anything (https://no-color.org) or TERM is "dumb";
// always overrides NO_COLOR, as a command-line flag should.
func wantColor(when string, tty bool, getenv func(string) string) (bool, error) {
	switch when {
	case "auto":
		return tty && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb", nil
	case "always":
		return true, nil
	case "never":
		return false, nil
	}
	return false, fmt.Errorf("--color must be auto, always or never, got %q", when)
}

// reordersItself reports whether the environment names a terminal that
// always applies the bidi algorithm to what it shows and offers no
// explicit mode to turn that off: mlterm (TERM=mlterm, $MLTERM) and
// Konsole ($KONSOLE_VERSION). rtlview's reordered lines would be
// reordered a second time there, so --bidi=auto sends them logical text.
// Inside tmux or screen the outer terminal is not the one that draws
// the cells tmux sends, so TERM decides (tmux itself does no bidi).
func reordersItself(getenv func(string) string) bool {
	term := getenv("TERM")
	if strings.HasPrefix(term, "screen") || strings.HasPrefix(term, "tmux") || getenv("TMUX") != "" {
		return false
	}
	return strings.HasPrefix(term, "mlterm") || getenv("MLTERM") != "" || getenv("KONSOLE_VERSION") != ""
}
