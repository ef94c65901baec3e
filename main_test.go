package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"rtlview/content"
	"rtlview/internal/testkit"
	"rtlview/ui"
	"rtlview/ui/layout"
)

// TestMain: -update rewrites the golden files; the binary built for the
// tests is removed at the end.
func TestMain(m *testing.M) { testkit.Main(m) }

// rtl runs the program as a test calls it: args, stdin, and what it wrote.
func rtl(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var in *strings.Reader
	if stdin != "" {
		in = strings.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	if in == nil {
		code = run(args, nil, &out, &errb)
	} else {
		code = run(args, in, &out, &errb)
	}
	return code, out.String(), errb.String()
}

func TestHelpListsEveryFlag(t *testing.T) {
	code, out, errs := rtl(t, "", "--help")
	if code != exitOK || errs != "" {
		t.Fatalf("--help: exit %d, stderr %q", code, errs)
	}
	var opt options
	fs, _ := newFlags(&opt)
	fs.VisitAll(func(f *flag.Flag) {
		if len(f.Name) > 1 && !strings.Contains(out, "--"+f.Name) {
			t.Errorf("--help does not mention --%s", f.Name)
		}
	})
	if !strings.Contains(out, "examples:") {
		t.Error("--help has no examples")
	}
	if code, out2, _ := rtl(t, "", "-h"); code != exitOK || out2 != out {
		t.Errorf("-h: exit %d", code)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := rtl(t, "", "--version")
	if code != exitOK || !strings.HasPrefix(out, "rtlview "+version) {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--bogus"},
		{"--width", "-1"},
		{"--width", "wide"},
		{"--color=sometimes"},
		{"--bidi=both"},
		{"--shape=maybe"},
		{"--repair=maybe"},
		{"--repair"},
		{"--entities=xml"},
		{"--entities", "a.txt", "b.txt"},
		{"-w", "wide"},
		{"--clipboard="},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errs := rtl(t, "", args...)
			if code != exitUsage || out != "" || !strings.HasPrefix(errs, "rtlview: ") || !strings.Contains(errs, "--help") {
				t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errs)
			}
			// The flag is named as --help names it, with two dashes.
			if name, _, _ := strings.Cut(args[0], "="); strings.HasPrefix(name, "--") && !strings.Contains(errs, name) {
				t.Errorf("%q: stderr %q does not name %s", args, errs, name)
			}
		})
	}
}

func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	code, out, errs := rtl(t, "", missing)
	if code != exitError || out != "" || errs != "rtlview: "+missing+": no such file or directory\n" {
		t.Errorf("missing file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	bin := filepath.Join(dir, "a.out")
	if err := os.WriteFile(bin, []byte("\x7fELF\x02\x01\x01\x00\x00\x00binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = rtl(t, "", bin)
	if code != exitError || out != "" || !strings.HasPrefix(errs, "rtlview: "+bin+": ") || strings.Count(errs, "\n") != 1 {
		t.Errorf("binary file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = rtl(t, "", dir)
	if code != exitError || !strings.HasPrefix(errs, "rtlview: "+dir+": ") {
		t.Errorf("directory: exit %d, stderr %q", code, errs)
	}
}

// --article cleans a scraped page as the built-in article is cleaned:
// the page's own text gives the same screen.
func TestArticleFlag(t *testing.T) {
	page := filepath.Join("content", "article.txt")
	_, builtin, _ := rtl(t, "", "--width=50")
	code, cleaned, errs := rtl(t, "", "--width=50", "--article", page)
	if code != exitOK || errs != "" || cleaned != builtin {
		t.Errorf("--article: exit %d, stderr %q, same as built-in: %v", code, errs, cleaned == builtin)
	}
	// The same page through a pipe (curl -s URL | rtlview --article).
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if code, piped, errs := rtl(t, string(data), "--width=50", "--article"); code != exitOK || piped != builtin {
		t.Errorf("--article on standard input: exit %d, stderr %q, same as built-in: %v", code, errs, piped == builtin)
	}
	// Without it the file is shown as given, chrome and all.
	if _, raw, _ := rtl(t, "", "--width=50", page); !strings.HasPrefix(raw, "plusresetminus\n") {
		t.Errorf("plain file: %.40q", raw)
	}
	// A page with nothing but chrome has no article in it.
	chrome := filepath.Join(t.TempDir(), "chrome.txt")
	if err := os.WriteFile(chrome, []byte("plusresetminus\nکد مطلب : ۱\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = rtl(t, "", "--article", chrome)
	if code != exitError || errs != "rtlview: "+chrome+": no article found\n" {
		t.Errorf("not an article: exit %d, %q", code, errs)
	}
	code, _, errs = rtl(t, "", "--color=always", "--gazetteer", filepath.Join(t.TempDir(), "none.tsv"))
	if code != exitError || !strings.HasPrefix(errs, "rtlview: --gazetteer: ") {
		t.Errorf("missing gazetteer: exit %d, %q", code, errs)
	}
}

func TestEmptyInput(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"-"}, strings.NewReader(""), &out, &errs)
	if code != exitOK || out.Len() != 0 || !strings.Contains(errs.String(), "empty") {
		t.Errorf("empty input: exit %d, stdout %q, stderr %q", code, out.String(), errs.String())
	}
	// --entities says so too, and still prints a list a JSON reader takes.
	for format, want := range map[string]string{"tsv": "", "json": "[]\n"} {
		t.Run(format, func(t *testing.T) {
			var out, errs bytes.Buffer
			code := run([]string{"--entities=" + format, "-"}, strings.NewReader(""), &out, &errs)
			if code != exitOK || out.String() != want || !strings.Contains(errs.String(), "empty input") {
				t.Errorf("--entities=%s on empty input: exit %d, stdout %q, stderr %q", format, code, out.String(), errs.String())
			}
		})
	}
}

func TestInvalidUTF8Reported(t *testing.T) {
	code, out, errs := rtl(t, "ab\xffc\xfe\n", "--width", "20", "-")
	if code != exitOK || errs != "rtlview: standard input: 2 invalid UTF-8 sequences replaced\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if out != "ab\uFFFDc\uFFFD\n" {
		t.Errorf("stdout %q", out)
	}
}

// The text never talks to the terminal: escape sequences of the input come
// out as placeholders, and only --color=always adds escapes of our own.
func TestNoEscapeInPlainOutput(t *testing.T) {
	in := "سلام \x1b[31mred\x1b]0;title\x07 \u009b2J\x7f\n"
	for _, args := range [][]string{{"--plain"}, {"--color=auto"}, {"--color=never"}, {"--bidi=terminal"}, {"--width=0"}} {
		t.Run(args[0], func(t *testing.T) {
			// As text: an SGR sequence would make it pager output.
			code, out, _ := rtl(t, in, append(args, "--format=text")...)
			if code != exitOK || strings.ContainsAny(out, "\x1b\x07\x7f\u009b") {
				t.Errorf("%q: exit %d, output %q", args, code, out)
			}
			// In this RTL paragraph the runs are reordered; what matters is
			// that every control shows as its picture.
			if !strings.Contains(out, "␛") || !strings.Contains(out, "␇") || !strings.Contains(out, "␡") || !strings.Contains(out, "31mred") {
				t.Errorf("%q: placeholders missing in %q", args, out)
			}
		})
	}
	// Sniffed as pager output, the SGR sequence is a colour (none without
	// --color) and every other control still a placeholder.
	for _, args := range [][]string{{"--plain"}, {"--color=always"}} {
		code, out, _ := rtl(t, in, args...)
		raw := strings.ReplaceAll(out, "\x1b[31m", "")
		raw = regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(raw, "")
		if code != exitOK || strings.ContainsAny(raw, "\x1b\x07\x7f\u009b") || strings.Contains(raw, "␛[31m") || !strings.Contains(raw, "␛]0;title␇") {
			t.Errorf("pager %q: exit %d, output %q", args, code, out)
		}
		if colour := strings.Contains(out, "\x1b[31m"); colour != (args[0] == "--color=always") {
			t.Errorf("pager %q: red is %v in %q", args, colour, out)
		}
	}
	// The article too, by default.
	if _, out, _ := rtl(t, "", "--plain"); strings.Contains(out, "\x1b") || out == "" {
		t.Errorf("article output has ESC or is empty")
	}
	// With --color=always the placeholders are shown in reverse video
	// by SGR sequences rtlview writes itself.
	_, out, _ := rtl(t, "a\x1bb\n", "--color=always")
	if out != "a\x1b[7m␛\x1b[0mb\n" {
		t.Errorf("--color=always: %q", out)
	}
}

// With colour, entities are shown in SGR colours; without the SGR
// sequences the output is exactly the plain one.
func TestColorEntities(t *testing.T) {
	_, plain, _ := rtl(t, "", "--width=60")
	_, color, _ := rtl(t, "", "--width=60", "--color=always")
	looks := ui.DefaultLooks()
	person, place := looks[ui.ThingPerson].SGRParams(), looks[ui.ThingPlace].SGRParams()
	if !strings.Contains(color, "\x1b["+person+"m") || !strings.Contains(color, "\x1b["+place+"m") {
		t.Errorf("no person or place coloured in the article")
	}
	sgr := regexp.MustCompile("\x1b\\[[0-9;]*m")
	if stripped := sgr.ReplaceAllString(color, ""); stripped != plain {
		t.Errorf("colour changes the text:\n%s\n%s", stripped, plain)
	}
	// The person «پوتین» at the right of the title is one coloured run,
	// in the person's look (bold blue: the heading's bold adds nothing),
	// the same blue as in the reader.
	first, _, _ := strings.Cut(color, "\n")
	if person != "1;34" || !strings.HasSuffix(first, "\x1b[1;34m\uFEE6\uFBFF\uFE97\uFEEE\uFB58\x1b[0m") {
		t.Errorf("title: %+q", first)
	}
}

func TestWantColor(t *testing.T) {
	env := func(vars ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(vars); i += 2 {
				if vars[i] == k {
					return vars[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name string
		when string
		tty  bool
		env  func(string) string
		want bool
	}{
		{"auto on a terminal", "auto", true, env("TERM", "xterm"), true},
		{"auto on a pipe", "auto", false, env("TERM", "xterm"), false},
		{"auto with NO_COLOR", "auto", true, env("NO_COLOR", "1"), false},
		{"auto on a dumb terminal", "auto", true, env("TERM", "dumb"), false},
		{"always despite NO_COLOR", "always", false, env("NO_COLOR", "1"), true},
		{"never", "never", true, env(), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := wantColor(tc.when, tc.tty, tc.env); got != tc.want || err != nil {
				t.Errorf("wantColor(%q, %v): %v %v, want %v", tc.when, tc.tty, got, err, tc.want)
			}
		})
	}
	if _, err := wantColor("yes", true, env()); err == nil {
		t.Error("--color=yes accepted")
	}
}

func TestWidth(t *testing.T) {
	in := strings.Repeat("word ", 30) + "\n\nسلام دنیا\n"
	_, out, _ := rtl(t, in, "--width", "0")
	// Width 0: one line per paragraph, RTL lines not padded.
	want := strings.TrimSpace(strings.Repeat("word ", 30)) + "\n\nایند مالس\n"
	if _, out2, _ := rtl(t, in, "--width=0", "--shape=off"); out2 != want {
		t.Errorf("--width 0: %q, want %q", out2, want)
	}
	if strings.Count(out, "\n") != 3 {
		t.Errorf("--width 0 gave %d lines", strings.Count(out, "\n"))
	}
	t.Setenv("COLUMNS", "23")
	_, out, _ = rtl(t, in)
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := uniseg.StringWidth(l); w > 23 {
			t.Errorf("$COLUMNS=23: line %q is %d wide", l, w)
		}
	}
	if !strings.HasSuffix(out, "\n"+strings.Repeat(" ", 15)+"\uFE8E\uFBFF\uFEE7\uFEA9 \uFEE1\uFEFC\uFEB3\n") {
		t.Errorf("$COLUMNS=23: RTL line not flush right: %q", out)
	}
	// --width wins over $COLUMNS.
	if _, out, _ := rtl(t, "سلام\n", "--width=10", "--shape=off"); out != "      مالس\n" {
		t.Errorf("--width 10: %q", out)
	}
}

// TestArticleTitle: the built-in article at width 80 starts with its
// title, flush right, its first word at the right edge.
func TestArticleTitle(t *testing.T) {
	title := content.Article().Meta.Title
	if title == "" {
		t.Fatal("the article has no title")
	}
	_, out, _ := rtl(t, "", "--width=80", "--shape=off")
	first, _, _ := strings.Cut(out, "\n")
	// The title is Persian letters, ZWNJs and spaces only: on screen,
	// its grapheme clusters reversed, padded to the right edge.
	var clusters []string
	g := uniseg.NewGraphemes(title)
	for g.Next() {
		clusters = append([]string{g.Str()}, clusters...)
	}
	want := strings.Repeat(" ", 80-uniseg.StringWidth(title)) + strings.Join(clusters, "")
	if first != want {
		t.Errorf("first line\n%q\nwant\n%q", first, want)
	}
}

// TestGolden compares plain output with files that were checked by eye,
// line by line: the article at widths 40 and 80 (the first words of each
// paragraph at the right edge, «» facing outwards, () inwards, kasra
// after its letter), and testdata/mixed.txt at 40 without shaping so
// that it reads letter by letter (numbers left to right inside RTL
// lines, Latin runs and brackets in RTL and RTL words in an LTR line).
// Run with -update to rewrite them, then read the diff.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"article-40", []string{"--width=40"}},
		{"article-80", []string{"--width=80"}},
		{"mixed-40", []string{"--width=40", "--shape=off", filepath.Join("testdata", "mixed.txt")}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			code, out, errs := rtl(t, "", tc.args...)
			if code != exitOK || errs != "" {
				t.Fatalf("%q: exit %d, %q", tc.args, code, errs)
			}
			testkit.Golden(t, filepath.Join("testdata", tc.golden+".golden"), out)
		})
	}
}

// TestAgainstFribidi cross-checks lines that fit the width with the
// fribidi CLI (which reorders the same way when it does not have to
// wrap): --nobreak, marks after their base, shaping on in both.
func TestAgainstFribidi(t *testing.T) {
	fb := testkit.RequireTool(t, "fribidi")
	lines := []string{
		"پوتین بر توسعه روابط روسیه و کره شمالی تأکید کرد",
		"خبرگزاری دولتی کره شمالی (کِی‌سی‌اِن‌اِی) با اعلام",
		"به نوشته خبرگزاری «رویترز» به نقل از این گزارش",
		"تاریخ انتشار: دوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴",
		"کد مطلب : ۲۵۹۷۰",
		"در سال 2022 (۱۴۰۱) گفت: «سلام»",
		"در سال ۱۴۰۱ (2022 میلادی) قیمت ۱۲٬۵۰۰ تومان بود.",
		"نسخه Go 1.26 و «bubbletea v1.3.10» را نصب کنید.",
		"The reader shows «پوتین» and (کیم) in an English line.",
		"تاریخ: ۱۴۰۱/۰۵/۲۴ - ساعت ۰۹:۱۴ - کد ۲۵۹۷۰",
	}
	for _, l := range lines {
		t.Run(l, func(t *testing.T) {
			cmd := exec.Command(fb, "--nobreak", "--reordernsm", "--nopad")
			cmd.Stdin = strings.NewReader(l + "\n")
			want, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			_, got, _ := rtl(t, l+"\n", "--width=0")
			// fribidi keeps the ZWNJs and leaves U+FEFF where the alef of a
			// lam-alef ligature was; rtlview draws neither (shape.Forms).
			fixed := strings.NewReplacer("\u200c", "", "\ufeff", "").Replace(string(want))
			if got != fixed {
				t.Errorf("%q:\n rtlview %+q\n fribidi %+q", l, got, want)
			}
		})
	}
}

// TestLinesAgainstFribidi checks every wrapped line of the article at
// widths 40 and 80, reordered on its own, against fribidi --nobreak given
// that line's logical text (UAX #9 section 3.4: reorder after wrapping)
// in the paragraph's direction.
func TestLinesAgainstFribidi(t *testing.T) {
	fb := testkit.RequireTool(t, "fribidi")
	doc := content.Article()
	for _, w := range []int{40, 80} {
		t.Run("width "+strconv.Itoa(w), func(t *testing.T) {
			var in strings.Builder
			var ours []string
			for i, b := range doc.Blocks {
				for _, l := range layout.Block(i, b.Text, nil, layout.Options{Width: w, Shape: true, Dir: layout.RTL}) {
					if !l.RTL {
						t.Fatalf("block %d is not RTL", i)
					}
					in.WriteString(strings.TrimRight(b.Text[l.Start:l.End], " "))
					in.WriteByte('\n')
					ours = append(ours, l.String())
				}
			}
			cmd := exec.Command(fb, "--nobreak", "--reordernsm", "--nopad", "--rtl")
			cmd.Stdin = strings.NewReader(in.String())
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			theirs := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			if len(theirs) != len(ours) {
				t.Fatalf("width %d: fribidi gave %d lines for %d", w, len(theirs), len(ours))
			}
			// fribidi keeps ZWNJs and leaves U+FEFF for the absorbed alef.
			fix := strings.NewReplacer("\u200c", "", "\ufeff", "")
			for k := range ours {
				if f := fix.Replace(theirs[k]); f != ours[k] {
					t.Errorf("width %d, line %d:\n rtlview %q\n fribidi %q", w, k+1, ours[k], f)
				}
			}
		})
	}
}

// TestBinary runs the real program once: the build, a pipe on standard
// input, the exit status of bad usage.
func TestBinary(t *testing.T) {
	bin := testkit.Binary(t)
	cmd := exec.Command(bin, "--width", "12", "--shape=off")
	cmd.Stdin = strings.NewReader("سلام دنیا\n")
	out, err := cmd.Output()
	if err != nil || string(out) != "   ایند مالس\n" {
		t.Errorf("piped stdin: %v, %q", err, out)
	}
	// No FILE and no pipe (stdin is /dev/null): the built-in article.
	out, err = exec.Command(bin, "--width", "80").Output()
	if err != nil || !strings.Contains(string(out), "ﻦﯿﺗﻮﭘ") {
		t.Errorf("article: %v, %d bytes", err, len(out))
	}
	err = exec.Command(bin, "--width=-3").Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitUsage {
		t.Errorf("bad usage: %v", err)
	}
}

// TestStartCost (issue 17): rtlview's own packages build at start only
// what every run needs; patterns, word sets and tables are made on first
// use (or generated), so their inits allocate little: 15 KB in all, where
// content alone allocated 146 KB. Allocations, unlike times, are the same
// on every machine. The inits of the libraries are what they are.
func TestStartCost(t *testing.T) {
	cmd := exec.Command(testkit.Binary(t), "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	// init rtlview/content @0.81 ms, 0.13 ms clock, 12672 bytes, 90 allocs
	line := regexp.MustCompile(`(?m)^init (rtlview\S*|main) @.*, (\d+) bytes, \d+ allocs$`)
	ms := line.FindAllStringSubmatch(stderr.String(), -1)
	if !strings.Contains(stderr.String(), "init runtime @") {
		t.Fatalf("no init trace:\n%s", stderr.String())
	}
	total := 0
	for _, m := range ms {
		n, _ := strconv.Atoi(m[2])
		total += n
		t.Logf("init %s: %d bytes", m[1], n)
	}
	if total > 32<<10 {
		t.Errorf("rtlview's own inits allocate %d bytes: make what they build on first use", total)
	}
}

// --repair: the scraped article lost every ZWNJ; by default rtlview puts
// back the ones Persian spelling requires, --repair=off shows the page's
// text as it is, and --repair=on repairs a plain file too.
func TestRepairFlag(t *testing.T) {
	logical := []string{"--bidi=terminal", "--shape=off", "--width=0"}
	_, out, _ := rtl(t, "", logical...)
	for _, w := range []string{"نامه\u200cای", "رسانه\u200cهای", "می\u200cکند", "بیانیه\u200cای"} {
		if !strings.Contains(out, w) {
			t.Errorf("built-in article: %q not repaired", w)
		}
	}
	// Words the rules must leave whole (انتهای is in the dropped chrome).
	for _, w := range []string{"بیشتر", "دوجانبه", "جنگجو", "کالاها", "روزهای"} {
		if !regexp.MustCompile(`(^|[\s«(])` + w + `($|[\s».،)])`).MatchString(out) {
			t.Errorf("built-in article: %q not shown whole", w)
		}
	}
	code, raw, errs := rtl(t, "", append(logical, "--repair=off")...)
	if code != exitOK || errs != "" || strings.Contains(raw, "\u200c") || !strings.Contains(raw, "نامهای") {
		t.Errorf("--repair=off: exit %d, stderr %q, ZWNJs %d", code, errs, strings.Count(raw, "\u200c"))
	}
	if strings.ReplaceAll(out, "\u200c", "") != raw {
		t.Error("--repair changed more than ZWNJs")
	}

	file := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(file, []byte("او نامهای مینویسد و کالاها را میبرد\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, got, _ := rtl(t, "", append(logical, file)...); got != "او نامهای مینویسد و کالاها را میبرد\n" {
		t.Errorf("a plain file is repaired by default: %q", got)
	}
	want := "او نامه\u200cای می\u200cنویسد و کالاها را می\u200cبرد\n"
	if _, got, _ := rtl(t, "", append(logical, "--repair=on", file)...); got != want {
		t.Errorf("--repair=on: %q, want %q", got, want)
	}
	page := filepath.Join("content", "article.txt")
	if _, got, _ := rtl(t, "", append(logical, "--article", "--repair=off", page)...); got != raw {
		t.Error("--article --repair=off differs from the built-in article with --repair=off")
	}
}

// Plain mode recognises a small document as one text, like --entities and
// the reader: the surname alone in the second paragraph is still a person.
func TestColorEntitiesAcrossParagraphs(t *testing.T) {
	in := "رئیس جمهور شیلی گابریل بوریچ به لیما رفت.\nبوریچ گفت که سفر موفق بود.\n"
	code, out, _ := rtl(t, in, "--plain", "--color=always", "--width=0", "--shape=off", "--bidi=terminal")
	lines := strings.Split(out, "\n")
	if code != exitOK || len(lines) < 2 {
		t.Fatalf("exit %d, %q", code, out)
	}
	looks := ui.DefaultLooks()
	if want := "\x1b[" + looks[ui.ThingPerson].SGRParams() + "mبوریچ\x1b[0m"; !strings.Contains(lines[1], want) {
		t.Errorf("second paragraph %q lacks %q", lines[1], want)
	}
}

// --width and $COLUMNS are bounded: a huge width is refused or cut down,
// never a gigabyte of padding.
func TestWidthBound(t *testing.T) {
	if code, _, errs := rtl(t, "", "--width", "99999"); code != exitUsage || !strings.Contains(errs, "at most 10000") {
		t.Errorf("--width 99999: exit %d, %q", code, errs)
	}
	t.Setenv("COLUMNS", "999999999")
	_, out, _ := rtl(t, "سلام\n", "-")
	if first, _, _ := strings.Cut(out, "\n"); len(first) > 10000+20 {
		t.Errorf("a line of %d bytes", len(first))
	}
}

// A file name reaches the reader's title and stderr defused: no ESC, C1
// or bidi control of it is written raw.
func TestHostileFileName(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a\x1b]52;c;aGk=\x07\u202egnp.txt")
	_, _, errs := rtl(t, "", name)
	if strings.ContainsAny(errs, "\x1b\x07\u202e\u009b") || !strings.Contains(errs, "<U+202E>") {
		t.Errorf("stderr %q", errs)
	}
}

// TestSeveralFilesPlain: several files are printed in turn under a
// "==> name <==" line, flags may follow the files, and short flags mean
// their long forms (-w 20 is --width 20).
func TestSeveralFilesPlain(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("سلام\n"), 0o644)
	os.WriteFile(b, []byte("hello\n"), 0o644)
	code, out, errs := rtl(t, "", a, b, "-w", "20", "--plain", "--shape=off")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	// سلام right-aligned in 20 cells, its letters right to left.
	want := "==> " + a + " <==\n" + strings.Repeat(" ", 16) + "مالس\n\n==> " + b + " <==\nhello\n"
	if out != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	// A missing file among them: the others are printed, exit 1.
	code, out, errs = rtl(t, "", "-p", a, filepath.Join(dir, "none"), b)
	if code != exitError || !strings.Contains(out, "hello") || !strings.Contains(errs, "none") {
		t.Errorf("with a missing file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestCodeFile: a source file's Persian comment stays in its
// left-to-right line, after its indentation and "#", where as text it is
// a right-to-left line flush right ("# " at its right end). By hand, at 30
// cells: «نام کاربر» is drawn right to left, «ربراک مان»; as text the line
// is 15 cells (its indentation at the right end, not printed), so 15
// spaces before it.
func TestCodeFile(t *testing.T) {
	dir := t.TempDir()
	src := "def main():\n    # نام کاربر\n    pass\n"
	py, txt := filepath.Join(dir, "greet.py"), filepath.Join(dir, "greet.txt")
	os.WriteFile(py, []byte(src), 0o644)
	os.WriteFile(txt, []byte(src), 0o644)
	for _, tc := range []struct{ file, want string }{
		{py, "def main():\n    # ربراک مان\n    pass\n"},
		{txt, "def main():\n" + strings.Repeat(" ", 15) + "ربراک مان #\n    pass\n"},
	} {
		code, out, errs := rtl(t, "", "--plain", "-w", "30", "--shape=off", tc.file)
		if code != exitOK || out != tc.want {
			t.Errorf("%s: exit %d, stderr %q, got\n%q\nwant\n%q", filepath.Base(tc.file), code, errs, out, tc.want)
		}
	}
	// Entities are coloured in prose, not in code: Putin's name in a
	// comment is highlighted in the text file only.
	src = "# ولادیمیر پوتین در مسکو\n"
	os.WriteFile(py, []byte(src), 0o644)
	os.WriteFile(txt, []byte(src), 0o644)
	_, out, _ := rtl(t, "", "--plain", "--color=always", txt)
	_, outPy, _ := rtl(t, "", "--plain", "--color=always", py)
	if !strings.Contains(out, "\x1b[") || strings.Contains(outPy, "\x1b[") {
		t.Errorf("colour: text %q, code %q", out, outPy)
	}
}

// TestPlainHeader: rtlview --plain prints the article's header as the
// reader shows it (title, its rule, the date in both calendars), ends the
// article at its last sentence (no scrape residue «العا لم»), and prints
// no header for a text file. Checked by hand: Monday 15 August 2022 09:14
// is «دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴», 27 cells each, and the source the
// article credits, «، ایصال نیوز», 12 more; unshaped and laid out right to
// left, they read «زوین لاصیا ،۰۹:۱۴ ،۱۴۰۱ دادرم ۲۴ هبنشود» flush right,
// 80 - 27 - 39 = 14 spaces after the Gregorian date.
func TestPlainHeader(t *testing.T) {
	code, out, errs := rtl(t, "", "--plain", "-w", "80", "--shape=off")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, %q", code, errs)
	}
	lines := strings.Split(out, "\n")
	want := []string{
		strings.Repeat(" ", 32) + "درک دیکأت یلامش هرک و هیسور طباور هعسوت رب نیتوپ",
		strings.Repeat(" ", 32) + strings.Repeat("━", 48),
		"Monday 15 August 2022 09:14" + strings.Repeat(" ", 14) + "زوین لاصیا ،۰۹:۱۴ ،۱۴۰۱ دادرم ۲۴ هبنشود",
		"",
	}
	if got := lines[:4]; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("header\n got %q\nwant %q", got, want)
	}
	if strings.Contains(out, "مل اعلا") || !strings.HasSuffix(out, ".دناوخ یلعج و یگتخاس ار نیارکوا رد\n") {
		t.Errorf("the article does not end at its last sentence: %q", out[max(0, len(out)-120):])
	}

	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("سلام\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := rtl(t, "", "--plain", "-w", "20", "--shape=off", file); code != exitOK || out != strings.Repeat(" ", 16)+"مالس\n" {
		t.Errorf("text file: exit %d, %q", code, out)
	}
}

// TestShowControlsPlain: plain mode says on stderr which paragraph holds
// bidi controls (Trojan Source), once, and --show-controls prints them by
// name in stored order.
func TestShowControlsPlain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trojan.c")
	src := "int main() {\n    /*\u202e } \u2066if (isAdmin)\u2069 \u2066 begin admins only */\n    /* end admins only \u202e { \u2066*/\n}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := rtl(t, "", "--plain", path)
	if code != exitOK || strings.Count(errs, "bidi controls") != 1 || !strings.Contains(errs, "paragraph 2 holds bidi controls") || !strings.Contains(errs, "--show-controls") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if strings.Contains(out, "RLO") {
		t.Errorf("controls shown without --show-controls: %q", out)
	}
	code, out, errs = rtl(t, "", "--plain", "--show-controls", path)
	if code != exitOK || errs != "" || !strings.Contains(out, "    /*RLO } LRIif (isAdmin)PDI LRI begin admins only */\n") {
		t.Errorf("--show-controls: exit %d, stderr %q, out %q", code, errs, out)
	}
}

// TestEntitiesInputOffsets: --entities gives byte offsets into the input
// line, also after a TAB, a control character and an invalid byte (the
// text shown has spaces, a picture and U+FFFD there), from a file and
// from standard input.
func TestEntitiesInputOffsets(t *testing.T) {
	line := "a\tb \x01 \xff پوتین به مسکو رفت"
	src := line + "\n\u2028پوتین\n"
	path := filepath.Join(t.TempDir(), "e.txt")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	putin, moscow := strings.Index(line, "پوتین"), strings.Index(line, "مسکو")
	want := fmt.Sprintf("PER\t0\t%d\t%d\nLOC\t0\t%d\t%d\nPER\t1\t3\t13\n", putin, putin+len("پوتین"), moscow, moscow+len("مسکو"))
	for _, args := range [][]string{{"--entities", path}, {"--entities", "-"}} {
		code, out, _ := rtl(t, src, args...)
		var got strings.Builder
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			f := strings.Split(l, "\t")
			if len(f) != 6 {
				t.Fatalf("%v: line %q", args, l)
			}
			fmt.Fprintf(&got, "%s\t%s\t%s\t%s\n", f[0], f[3], f[4], f[5])
		}
		if code != exitOK || got.String() != want {
			t.Errorf("%v: exit %d\n got %q\nwant %q", args, code, got.String(), want)
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			f := strings.Split(l, "\t")
			var s, e int
			fmt.Sscan(f[4], &s)
			fmt.Sscan(f[5], &e)
			if f[3] == "0" && line[s:e] != f[2] {
				t.Errorf("%v: line[%d:%d] = %q, the record says %q", args, s, e, line[s:e], f[2])
			}
		}
	}
}

// stopWriter takes n bytes, then fails, as a closed pipe does (| head).
type stopWriter struct {
	b strings.Builder
	n int
}

func (w *stopWriter) Write(p []byte) (int, error) {
	if w.b.Len()+len(p) > w.n {
		return 0, errors.New("broken pipe")
	}
	return w.b.Write(p)
}

// TestEntitiesStream: --entities reads its input as a stream: on an
// endless pipe the first records come out and the program ends when its
// output is closed, instead of reading until memory runs out.
func TestEntitiesStream(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		defer w.Close()
		for {
			if _, err := io.WriteString(w, strings.Repeat("پوتین به مسکو رفت.\n", 100)); err != nil {
				return
			}
		}
	}()
	out := &stopWriter{n: 200 << 10}
	var errs strings.Builder
	code := run([]string{"--entities"}, r, out, &errs)
	if code != exitError || !strings.Contains(errs.String(), "writing output") {
		t.Errorf("exit %d, stderr %q", code, errs.String())
	}
	lines := strings.Split(out.b.String(), "\n")
	if len(lines) < 1000 || !strings.HasPrefix(lines[0], "PER\tولادیمیر پوتین\tپوتین\t0\t0\t10") || !strings.HasPrefix(lines[1], "LOC\tمسکو\tمسکو\t0\t") {
		t.Errorf("%d lines, first %q", len(lines), lines[:min(2, len(lines))])
	}
}
