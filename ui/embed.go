//go:build !no_ui

// Package ui serves the console's web interface, built into ui/dist and embedded in the binary.
// Build with the no_ui tag to leave it out.
package ui

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// Handler serves the embedded UI.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embedded tree always has dist/
	}
	return spaHandler(sub)
}

// spaHandler serves the files of a single-page app. A browser's page load (GET or HEAD accepting
// text/html) of a path that names no file and has no file extension is one of the app's own
// routes (a deep link such as /decisions/123, or a reload there): it gets index.html, and the
// app's router shows the page. Anything else that names no file (a missing /assets/x.js, an API
// client's request for a path the server does not serve) is a plain 404, as in
// connect-history-api-fallback.
//
// The built assets under assets/ carry a hash of their content in their names, so browsers may
// keep them for good; index.html, which names them, must be checked on every load.
func spaHandler(files fs.FS) http.Handler {
	fileServer := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		info, err := fs.Stat(files, name)
		switch {
		case err == nil && info.IsDir() && name != "":
			http.NotFound(w, r) // no directory listings
			return
		case name == "" || name == "index.html":
			w.Header().Set("Cache-Control", "no-cache")
		case err == nil && strings.HasPrefix(name, "assets/"):
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		if err == nil || name == "" || !appRoute(r, name) {
			fileServer.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, files, "index.html")
	})
}

// appRoute reports whether a request for a missing file is a browser loading one of the app's
// pages.
func appRoute(r *http.Request, name string) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) && path.Ext(name) == "" &&
		strings.Contains(r.Header.Get("Accept"), "text/html")
}

//go:embed src/gql/persisted-documents.json
var trustedDocuments []byte

// TrustedDocuments returns graphql-codegen's persisted-documents manifest of the UI's GraphQL
// operations ({"sha256:<hex>": "<document>"}), the server's allow-list for console sessions.
func TrustedDocuments() []byte { return trustedDocuments }
