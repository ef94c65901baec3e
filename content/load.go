package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

var formatNames = [...]string{"auto", "text", "markdown", "html", "subtitles", "pager", "code"}

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "format(" + itoa(int(f), 1) + ")"
}

// FormatNames are the names ParseFormat accepts, in order.
func FormatNames() []string { return formatNames[:] }

// ParseFormat reads a format's name as --format gives it: "auto", "text",
// "markdown" (or "md"), "html", "subtitles" (or "srt", "vtt"), "pager"
// (or "ansi"). Case is ignored.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "auto", "":
		return FormatAuto, nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "html", "htm":
		return FormatHTML, nil
	case "subtitles", "srt", "vtt", "subrip", "webvtt":
		return FormatSubtitles, nil
	case "pager", "ansi", "terminal":
		return FormatPager, nil
	case "code", "source":
		return FormatCode, nil
	}
	return FormatAuto, fmt.Errorf("unknown format %q (one of %s)", Visible(name), strings.Join(formatNames[:], ", "))
}

// FormatOf is the format a file name's extension says, FormatAuto when it
// says none. A compression suffix (.gz, .bz2, .zst) is looked through:
// "fa.srt.gz" is subtitles.
func FormatOf(name string) Format {
	if codeName[strings.ToLower(filepath.Base(name))] {
		return FormatCode
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".gz", ".bz2", ".zst", ".gzip":
		return FormatOf(strings.TrimSuffix(name, filepath.Ext(name)))
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".srt", ".vtt":
		return FormatSubtitles
	case ".txt", ".text":
		return FormatText
	}
	if codeExt[ext] {
		return FormatCode
	}
	return FormatAuto
}

// codeExt are the extensions of source code, scripts and configuration
// and data files read as code: each line left-to-right (a Persian comment
// or string stays in its line, the line does not turn right-to-left).
var codeExt = map[string]bool{
	".c": true, ".h": true, ".cc": true, ".cpp": true, ".cxx": true, ".hpp": true, ".cs": true,
	".go": true, ".rs": true, ".java": true, ".kt": true, ".kts": true, ".scala": true, ".swift": true,
	".dart": true, ".py": true, ".pyw": true, ".rb": true, ".php": true, ".pl": true, ".pm": true,
	".lua": true, ".r": true, ".jl": true, ".hs": true, ".ml": true, ".ex": true, ".exs": true, ".erl": true,
	".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true, ".tsx": true, ".vue": true, ".svelte": true,
	".css": true, ".scss": true, ".sass": true, ".less": true, ".sql": true,
	".sh": true, ".bash": true, ".zsh": true, ".fish": true, ".ps1": true, ".bat": true, ".cmd": true,
	".json": true, ".jsonl": true, ".yaml": true, ".yml": true, ".toml": true, ".ini": true, ".cfg": true,
	".conf": true, ".properties": true, ".env": true, ".xml": true, ".xsl": true, ".svg": true,
	".po": true, ".pot": true, ".mk": true, ".cmake": true, ".gradle": true, ".diff": true, ".patch": true,
}

// isDiff reports whether text starts as a diff does: "diff --git" (git
// diff), "diff -u" and the like, a unified diff's "--- " and "+++ "
// lines, or a commit followed by its diff (git show, git log -p; a git
// log without -p is prose, its messages right-to-left where Persian).
func isDiff(text string) bool {
	if strings.HasPrefix(text, "diff --git ") || strings.HasPrefix(text, "diff -") {
		return true
	}
	if strings.HasPrefix(text, "commit ") && strings.Contains(text, "\ndiff --git ") {
		return true
	}
	first, rest, _ := strings.Cut(text, "\n")
	return strings.HasPrefix(first, "--- ") && strings.HasPrefix(rest, "+++ ")
}

// codeName are file names without an extension that are code.
var codeName = map[string]bool{
	"makefile": true, "gnumakefile": true, "dockerfile": true, "containerfile": true,
	"cmakelists.txt": true, "jenkinsfile": true, "vagrantfile": true, "gemfile": true, "rakefile": true,
}

// Sniff is the format of a text from its first bytes, when neither the
// caller nor the name said: a script ("#!") or a diff, pager output (an SGR sequence
// or overstrike: nothing else holds them), an HTML page, subtitles,
// Markdown, else plain text.
func Sniff(prefix []byte) Format {
	p := string(prefix)
	switch {
	case strings.HasPrefix(p, "#!"):
		return FormatCode // a script
	case isDiff(p):
		return FormatCode // git diff | rtlview
	case SniffTerminal(p):
		return FormatPager
	case IsHTML(prefix):
		return FormatHTML
	case SniffSubtitles(p):
		return FormatSubtitles
	case SniffMarkdown(prefix):
		return FormatMarkdown
	}
	return FormatText
}

// LoadOptions say how to read an input.
type LoadOptions struct {
	// Format picks the front-end; FormatAuto: by the name's extension,
	// else by sniffing the text.
	Format Format
	// Encoding forces the input's encoding ("" or "auto": detect; see
	// Decode).
	Encoding string
	// Fetch is for URLs.
	Fetch FetchOptions
	// Live: standard input is a pipe shown while it is written (Stream
	// and StreamTail): its encoding and format are chosen from what has
	// come when it pauses, not only after 64 KB or its end.
	Live bool
	// RawLine, when not nil, is given each line of a plain text as read
	// (without its line end; whole is false for a piece of a line too
	// long to hold), just before Stream passes the block made of it:
	// `rtlview --entities` maps offsets back to it (DefuseMap).
	RawLine func(line string, whole bool)
	// Idle, when not nil, is called by Stream when a plain text or pager
	// output has been passed up to what has been read and the next read
	// may wait (a pipe that pauses, `tail -f`): a printer flushes what
	// it holds, so that each line is seen as soon as it is read.
	Idle func()
}

// Load reads the input source names: a file, "-" for standard input (in),
// or an http(s) URL, fetched. Every failure names the input: a *FileError,
// a *FetchError, an *EncodingError. A web page where no article is found
// comes back with its whole text and an error wrapping ErrNotArticle: a
// notice, the Document is usable.
func Load(ctx context.Context, source string, in io.Reader, o LoadOptions) (*Document, error) {
	if IsURL(source) {
		return loadURL(ctx, source, o)
	}
	if source == "-" {
		return ReadAs("-", in, o)
	}
	f, size, err := openFile(source)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAs(source, f, size, o)
}

// ReadAs reads a document from r in the format o says (or finds); name is
// what the document and its errors are called ("-": standard input).
func ReadAs(name string, r io.Reader, o LoadOptions) (*Document, error) {
	return readAs(name, r, -1, o)
}

func readAs(name string, r io.Reader, size int64, o LoadOptions) (*Document, error) {
	d, err := Decode(r, o.Encoding)
	if err != nil {
		return nil, fileErr(name, err)
	}
	var b strings.Builder
	if size > 0 {
		// One allocation of the final size in the usual case: the text
		// is kept in this one string and blocks are substrings of it.
		b.Grow(int(size) + 1)
	}
	if _, err := io.Copy(&b, d.R); err != nil {
		return nil, fileErr(name, err)
	}
	text := b.String()
	return parseWhole(text, name, chooseFormat(o.Format, name, text[:min(len(text), SniffSize)]), d)
}

// chooseFormat is the front-end for an input: the one asked for, else the
// name's extension, else what its first bytes, head, look like. A .txt of
// saved pager output (man > x.txt) is pager output: SGR and overstrike
// occur in nothing meant to be read raw.
func chooseFormat(asked Format, name, head string) Format {
	format := asked
	if format == FormatAuto && name != "-" {
		format = FormatOf(name)
		if format == FormatText && SniffTerminal(head) {
			format = FormatPager
		}
	}
	if format == FormatAuto {
		format = Sniff([]byte(head))
	}
	return format
}

// parseWhole runs the front-end of format on the whole text of an input
// decoded as d says, and names the document and its encoding.
func parseWhole(text, name string, format Format, d *Decoded) (*Document, error) {
	if format == FormatHTML && d.Encoding == "utf-8" && d.How != HowBOM && d.How != HowForced {
		// UTF-8 was a guess and the bytes are as read: the page's own
		// <meta charset> (or HTML's detection) decides.
		doc, err := ParseHTML([]byte(text), name, "")
		if doc != nil {
			doc.Name = name
			if d.Compression != "" {
				doc.Meta.Encoding = strings.TrimSpace(doc.Meta.Encoding + " " + d.Compression)
			}
		}
		return doc, err
	}
	doc, err := parseAs(text, name, format)
	if doc != nil {
		doc.Name = name
		if d.Encoding != "utf-8" || d.Compression != "" {
			doc.Meta.Encoding = d.String()
		}
	}
	return doc, err
}

// parseAs runs the front-end of format on text (UTF-8).
func parseAs(text, name string, format Format) (*Document, error) {
	var doc *Document
	switch format {
	case FormatMarkdown:
		doc = ParseMarkdown([]byte(text), name)
	case FormatHTML:
		// The text is UTF-8 already (Decode): a <meta charset> in the
		// page must not convert it again.
		return ParseHTML([]byte(text), name, "text/html; charset=utf-8")
	case FormatSubtitles:
		doc = &Document{}
		doc.Blocks, doc.Replaced = ParseSubtitles(text)
		for i := 1; i < len(doc.Blocks); i++ {
			doc.Blocks[i].Break = doc.Blocks[i].Kind == Cue // cues a blank row apart
		}
	case FormatPager:
		doc = &Document{}
		doc.Blocks, doc.Replaced = ParseTerminal(text)
	case FormatCode:
		doc = parseLines(text, codeLine)
	default:
		doc = parseText(text)
		format = FormatText
	}
	doc.Format = format
	return doc, nil
}

// loadURL fetches a page and reads it by its Content-Type: HTML as a web
// article, text by the URL's extension or sniffing (a raw README.md).
func loadURL(ctx context.Context, u string, o LoadOptions) (*Document, error) {
	f, err := Fetch(ctx, u, o.Fetch)
	if err != nil {
		return nil, err
	}
	ct := strings.ToLower(f.ContentType)
	format := o.Format
	if format == FormatAuto {
		switch {
		case strings.Contains(ct, "html"):
			format = FormatHTML
		case strings.Contains(ct, "markdown"):
			format = FormatMarkdown
		default:
			format = FormatOf(strings.SplitN(strings.SplitN(f.URL, "?", 2)[0], "#", 2)[0])
		}
	}
	if format == FormatAuto && IsHTML(f.Body[:min(len(f.Body), SniffSize)]) {
		format = FormatHTML
	}
	if format == FormatHTML && (o.Encoding == "" || strings.EqualFold(o.Encoding, "auto")) {
		// The page's own charset (header, BOM, <meta>) decides.
		doc, err := ParseHTML(f.Body, f.URL, f.ContentType)
		if doc != nil {
			doc.Name = f.URL
		}
		return doc, err
	}
	o.Format = format
	doc, err := readAs(f.URL, bytes.NewReader(f.Body), int64(len(f.Body)), o)
	var fe *FileError
	if errors.As(err, &fe) {
		fe.Name = Visible(f.URL)
	}
	return doc, err
}
