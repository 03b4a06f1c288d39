// Package apperr holds the domain's error vocabulary: a few sentinels and a validation error
// that names every bad field. The GraphQL error presenter is the only place that turns them
// into transport errors.
package apperr

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors. Wrap them with fmt.Errorf("...: %w", ErrX) to add context.
var (
	ErrNotFound     = errors.New("not found")
	ErrForbidden    = errors.New("forbidden")
	ErrUnauthorized = errors.New("unauthenticated")
	ErrConflict     = errors.New("conflict")
	ErrInvalid      = errors.New("invalid input")
	// ErrUnavailable says the database could not be reached or the connection was lost: the
	// operation may succeed when retried (assessments with the same idempotency key).
	ErrUnavailable = errors.New("database unavailable")
)

// FieldError says what is wrong with one input field. Field is a dotted path such as
// "input.amount" or "rules[3].cutoff".
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ValidationError lists every bad field of one input. It matches ErrInvalid with errors.Is.
type ValidationError struct {
	Fields []FieldError
}

// Add records a problem with field.
func (v *ValidationError) Add(field, format string, args ...any) {
	v.Fields = append(v.Fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns v when it holds at least one field error, else nil.
func (v *ValidationError) Err() error {
	if v == nil || len(v.Fields) == 0 {
		return nil
	}
	return v
}

func (v *ValidationError) Error() string {
	parts := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrInvalid) true for a ValidationError.
func (v *ValidationError) Is(target error) bool { return target == ErrInvalid }

// TextProblem says what is wrong with s as a text input, or "" when nothing is. Every text the
// console accepts is valid UTF-8 without control characters other than tab, line feed and
// carriage return. PostgreSQL cannot store NUL in a text or JSON value at all (the statement
// fails, so the caller would see an internal error where SQLite stores it), and no name, key,
// filter or message needs the other control characters, which only hide in logs, CSV and the UI.
func TextProblem(s string) string {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == utf8.RuneError && size == 1:
			return "must be valid UTF-8"
		case r == 0:
			return "must not contain NUL"
		case r != '\t' && r != '\n' && r != '\r' && unicode.IsControl(r):
			return fmt.Sprintf("must not contain control characters (U+%04X)", r)
		}
		i += size
	}
	return ""
}

// NumberProblem says what is wrong with f as a numeric input, or "" when nothing is: NaN and
// ±Inf are no amount, cut-off or score, and compare false (or overflow) wherever they go.
func NumberProblem(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "must be a finite number"
	}
	return ""
}

// ErrBusy says the server already runs as many operations of a kind as it allows: retry later.
// A *BusyError matches it with errors.Is.
var ErrBusy = errors.New("server busy")

// BusyError refuses an operation over a concurrency limit of the server (not of the request): it
// names the limit and how long the caller should wait before trying again.
type BusyError struct {
	Limit      string        // e.g. "heavyOperations"
	RetryAfter time.Duration // whole seconds, at least one
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("server busy: it runs as many operations of this kind (%s) as it allows; retry in %d s", e.Limit, e.RetryAfterSeconds())
}

// Is makes errors.Is(err, ErrBusy) true for a BusyError.
func (e *BusyError) Is(target error) bool { return target == ErrBusy }

// RetryAfterSeconds is RetryAfter in whole seconds, rounded up, at least 1: the value of a
// Retry-After header.
func (e *BusyError) RetryAfterSeconds() int {
	return max(1, int((e.RetryAfter+time.Second-1)/time.Second))
}
