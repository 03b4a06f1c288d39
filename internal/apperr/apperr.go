// Package apperr holds the domain's error vocabulary: a few sentinels and a validation error
// that names every bad field. The GraphQL error presenter is the only place that turns them
// into transport errors.
package apperr

import (
	"errors"
	"fmt"
	"strings"
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
