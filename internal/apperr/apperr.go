// Package apperr holds the domain's error vocabulary: a few sentinels and a validation error
// that names every bad field. The GraphQL error presenter is the only place that turns them
// into transport errors.
package apperr

import (
	"errors"
	"fmt"
	"strings"
	"time"
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
