//go:build no_ui

package ui

import "net/http"

// Handler answers that this binary was built without the UI.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "this build has no UI (built with the no_ui tag); the API is at POST /graphql", http.StatusNotFound)
	})
}

// TrustedDocuments returns an empty manifest: a build without the UI has no UI operations.
func TrustedDocuments() []byte { return nil }
