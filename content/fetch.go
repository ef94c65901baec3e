package content

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Defaults of FetchOptions.
const (
	DefaultFetchTimeout  = 15 * time.Second
	DefaultFetchMaxBytes = 20 << 20 // 20 MB
	// MaxRedirects is how many redirects Fetch follows.
	MaxRedirects = 10
)

// FetchOptions configure Fetch. The zero value is usable.
type FetchOptions struct {
	// UserAgent is sent as the User-Agent header, for example
	// "rtlview/1.2 (+https://...)"; the caller knows its version.
	UserAgent string
	// Timeout bounds the whole fetch, redirects and body included
	// (DefaultFetchTimeout when zero).
	Timeout time.Duration
	// MaxBytes caps the body after decompression (DefaultFetchMaxBytes
	// when zero).
	MaxBytes int64
	// Transport replaces the HTTP transport (tests); nil uses a transport
	// like http.DefaultTransport's, proxies from the environment included.
	Transport http.RoundTripper
}

// Fetched is a page fetched by Fetch.
type Fetched struct {
	Body        []byte
	URL         string // the final URL, after redirects
	ContentType string // the Content-Type header as sent, "" when none
}

// FetchError is a failure of Fetch, printed on one line as "URL: cause",
// for example "http://127.0.0.1:8080/missing: 404 Not Found".
type FetchError struct {
	URL string
	Err error
}

func (e *FetchError) Error() string { return Safe(e.URL) + ": " + Safe(e.Err.Error()) }
func (e *FetchError) Unwrap() error { return e.Err }

// The causes a FetchError wraps, for errors.Is.
var (
	ErrScheme       = errors.New("only http and https URLs can be fetched")
	ErrTooLarge     = errors.New("too large")
	ErrNotText      = errors.New("not text or HTML")
	ErrTimeout      = errors.New("timed out")
	ErrRedirects    = errors.New("more than " + strconv.Itoa(MaxRedirects) + " redirects")
	ErrHTTPStatus   = errors.New("HTTP error")
	ErrUnresolvable = errors.New("cannot resolve host")
	ErrRefused      = errors.New("connection refused")
	ErrTLS          = errors.New("TLS")
)

// causeError is a cause with its details ("404 Not Found", "TLS:
// certificate signed by unknown authority"): Error gives the message,
// errors.Is the kind.
type causeError struct {
	kind error
	msg  string
	err  error // the underlying error, if any
}

func (e *causeError) Error() string { return e.msg }
func (e *causeError) Is(target error) bool {
	return target == e.kind
}
func (e *causeError) Unwrap() error { return e.err }

// IsURL reports whether arg names a page to fetch rather than a file:
// it starts with http:// or https:// (any case).
func IsURL(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Fetch gets the page at rawURL over HTTP or HTTPS. It follows at most
// MaxRedirects redirects (to http and https only), keeps no cookies,
// writes nothing to disk, asks for gzip and decompresses it, and reads at
// most opts.MaxBytes of body. It refuses a response that is not 2xx and a
// Content-Type that is neither text nor HTML (no Content-Type is
// accepted: the caller sniffs). Every failure is a *FetchError naming the
// URL and the one cause: DNS, connection refused, TLS, timeout, the HTTP
// status, too large, not text.
func Fetch(ctx context.Context, rawURL string, opts FetchOptions) (*Fetched, error) {
	fail := func(err error) (*Fetched, error) { return nil, &FetchError{URL: rawURL, Err: err} }
	u, err := url.Parse(rawURL)
	if err != nil {
		return fail(&causeError{kind: ErrScheme, msg: "not a URL", err: err})
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fail(&causeError{kind: ErrScheme, msg: fmt.Sprintf("unsupported scheme %q: %v", u.Scheme, ErrScheme)})
	}
	if u.Host == "" {
		return fail(&causeError{kind: ErrScheme, msg: "no host in URL"})
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultFetchMaxBytes
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	tr := opts.Transport
	if tr == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.ResponseHeaderTimeout = timeout
		tr = t
	}
	client := &http.Client{
		Transport: tr,
		Jar:       nil, // no cookies kept
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return &causeError{kind: ErrRedirects, msg: ErrRedirects.Error()}
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return &causeError{kind: ErrScheme, msg: fmt.Sprintf("redirect to %s: %v", Visible(req.URL.String()), ErrScheme)}
			}
			return nil
		},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fail(err)
	}
	if opts.UserAgent != "" {
		req.Header.Set("User-Agent", opts.UserAgent)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8")
	resp, err := client.Do(req)
	if err != nil {
		return fail(fetchCause(ctx, err, timeout))
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail(&causeError{kind: ErrHTTPStatus, msg: fetchStatus(resp)})
	}
	ct := resp.Header.Get("Content-Type")
	if !fetchTextType(ct) {
		return fail(&causeError{kind: ErrNotText, msg: fmt.Sprintf("%v (Content-Type %s)", ErrNotText, ct)})
	}
	tooLarge := &causeError{kind: ErrTooLarge, msg: fmt.Sprintf("%v (more than %s)", ErrTooLarge, fetchSize(limit))}
	if resp.ContentLength > limit && !resp.Uncompressed {
		return fail(tooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return fail(fetchCause(ctx, err, timeout))
	}
	if int64(len(body)) > limit {
		return fail(tooLarge)
	}
	return &Fetched{Body: body, URL: final, ContentType: ct}, nil
}

// fetchStatus is the status line's code and text, "404 Not Found".
func fetchStatus(resp *http.Response) string {
	if resp.Status != "" {
		return resp.Status
	}
	return fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
}

// fetchTextType accepts text/*, HTML and XHTML, and no type at all.
func fetchTextType(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return strings.HasPrefix(mt, "text/") || mt == "application/xhtml+xml"
}

func fetchSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// fetchCause names what went wrong in one phrase.
func fetchCause(ctx context.Context, err error, timeout time.Duration) error {
	var ce *causeError
	if errors.As(err, &ce) {
		return ce
	}
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	var recordErr tls.RecordHeaderError
	var alert tls.AlertError
	var netErr net.Error
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		return &causeError{kind: ErrTimeout, msg: fmt.Sprintf("%v after %v", ErrTimeout, timeout), err: err}
	case errors.Is(err, context.Canceled):
		return err
	case errors.As(err, &dnsErr):
		msg := fmt.Sprintf("%v %s", ErrUnresolvable, dnsErr.Name)
		if dnsErr.Err != "" {
			msg += " (" + dnsErr.Err + ")"
		}
		return &causeError{kind: ErrUnresolvable, msg: msg, err: err}
	case errors.Is(err, syscall.ECONNREFUSED):
		return &causeError{kind: ErrRefused, msg: ErrRefused.Error(), err: err}
	case errors.As(err, &unknownCA), errors.As(err, &hostErr), errors.As(err, &invalid), errors.As(err, &certErr),
		errors.As(err, &recordErr), errors.As(err, &alert):
		return &causeError{kind: ErrTLS, msg: "TLS: " + fetchInner(err).Error(), err: err}
	case errors.As(err, &netErr) && netErr.Timeout():
		return &causeError{kind: ErrTimeout, msg: fmt.Sprintf("%v after %v", ErrTimeout, timeout), err: err}
	}
	return fetchInner(err)
}

// fetchInner drops the "Get "URL": " of a *url.Error, which would repeat
// the URL, and the "tls: failed to verify certificate: " wrapper.
func fetchInner(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) && certErr.Err != nil {
		err = certErr.Err
	}
	return err
}
