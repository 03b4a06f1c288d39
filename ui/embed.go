//go:build !no_ui

// Package ui serves the console's web interface, built into ui/dist and embedded in the binary.
// Build with the no_ui tag to leave it out.
package ui

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed all:dist
var dist embed.FS

// Handler serves the embedded UI.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embedded tree always has dist/
	}
	return http.FileServerFS(sub)
}
