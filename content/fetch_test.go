package content

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func fetchServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Cookie") != "" {
			http.Error(w, "cookie sent", http.StatusBadRequest)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "s", Value: "1"})
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<p>UA=%s</p>", r.Header.Get("User-Agent"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "no gzip asked", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, "<p>سلام</p>")
		zw.Close()
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/redirect/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		// Each visit asks for the cookie not to be kept.
		http.SetCookie(w, &http.Cookie{Name: "r", Value: "1"})
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("x", 2000)))
	})
	mux.HandleFunc("/bigchunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 20 {
			w.Write([]byte(strings.Repeat("y", 100)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/gzipbomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(strings.Repeat("z", 5000)))
		zw.Close()
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/notype", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte("plain words"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	srv := fetchServer(t)
	ctx := context.Background()
	opts := FetchOptions{UserAgent: "rtlview/test (+https://example.invalid/rtlview)"}

	f, err := Fetch(ctx, srv.URL+"/page", opts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(f.Body), "<p>UA="+opts.UserAgent+"</p>"; got != want {
		t.Errorf("body %q, want %q", got, want)
	}
	if f.URL != srv.URL+"/page" || f.ContentType != "text/html; charset=utf-8" {
		t.Errorf("URL %q, Content-Type %q", f.URL, f.ContentType)
	}

	f, err = Fetch(ctx, srv.URL+"/gzip", opts)
	if err != nil || string(f.Body) != "<p>سلام</p>" {
		t.Errorf("gzip: %q, %v", f.Body, err)
	}

	// Redirects: the final URL is reported; cookies set on the way are not sent back.
	f, err = Fetch(ctx, srv.URL+"/redirect/9", opts)
	if err != nil || f.URL != srv.URL+"/page" {
		t.Errorf("9 redirects: %v, %v", f, err)
	}
	f, err = Fetch(ctx, srv.URL+"/notype", opts)
	if err != nil || string(f.Body) != "plain words" || f.ContentType != "" {
		t.Errorf("no Content-Type: %+v, %v", f, err)
	}
}

func TestFetchErrors(t *testing.T) {
	srv := fetchServer(t)
	ctx := context.Background()
	small := FetchOptions{MaxBytes: 1000}

	// A port nothing listens on: listen, then close.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()

	tlsSrv := httptest.NewTLSServer(http.NotFoundHandler())
	defer tlsSrv.Close()

	dnsFail := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no such host", Name: "news.example.invalid", IsNotFound: true}}
	}}

	tests := []struct {
		url  string
		opts FetchOptions
		kind error
		msg  string
	}{
		{srv.URL + "/missing", FetchOptions{}, ErrHTTPStatus, srv.URL + "/missing: 404 Not Found"},
		{srv.URL + "/redirect/11", FetchOptions{}, ErrRedirects, srv.URL + "/redirect/11: more than 10 redirects"},
		{srv.URL + "/ftp", FetchOptions{}, ErrScheme, srv.URL + "/ftp: redirect to ftp://example.com/x: only http and https URLs can be fetched"},
		{srv.URL + "/big", small, ErrTooLarge, srv.URL + "/big: too large (more than 1000 bytes)"},
		{srv.URL + "/bigchunked", small, ErrTooLarge, srv.URL + "/bigchunked: too large (more than 1000 bytes)"},
		{srv.URL + "/gzipbomb", small, ErrTooLarge, srv.URL + "/gzipbomb: too large (more than 1000 bytes)"},
		{srv.URL + "/image", FetchOptions{}, ErrNotText, srv.URL + "/image: not text or HTML (Content-Type image/png)"},
		{srv.URL + "/slow", FetchOptions{Timeout: 200 * time.Millisecond}, ErrTimeout, srv.URL + "/slow: timed out after 200ms"},
		{closed, FetchOptions{}, ErrRefused, closed + ": connection refused"},
		{tlsSrv.URL + "/", FetchOptions{}, ErrTLS, tlsSrv.URL + "/: TLS: x509: certificate signed by unknown authority"},
		{"http://news.example.invalid/a", FetchOptions{Transport: dnsFail}, ErrUnresolvable, "http://news.example.invalid/a: cannot resolve host news.example.invalid (no such host)"},
		{"ftp://example.com/file", FetchOptions{}, ErrScheme, `ftp://example.com/file: unsupported scheme "ftp": only http and https URLs can be fetched`},
		{"http:///nohost", FetchOptions{}, ErrScheme, "http:///nohost: no host in URL"},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			start := time.Now()
			_, err := Fetch(ctx, tt.url, tt.opts)
			if err == nil {
				t.Fatal("no error")
			}
			var fe *FetchError
			if !errors.As(err, &fe) || !errors.Is(err, tt.kind) {
				t.Errorf("error %v (%T) is not a FetchError of kind %v", err, err, tt.kind)
			}
			if err.Error() != tt.msg {
				t.Errorf("message\n%q, want\n%q", err.Error(), tt.msg)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("more than one line: %q", err)
			}
			if time.Since(start) > 3*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
}

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{"http://x": true, "HTTPS://x/y": true, "page.html": false, "ftp://x": false, "http:x": false} {
		if IsURL(in) != want {
			t.Errorf("IsURL(%q) = %v", in, !want)
		}
	}
}
