package reviews

import (
	"errors"
	"strings"
	"testing"
	"time"

	"riskconsole/internal/apperr"
)

// TestOverdue: a case is late when undecided past its due date, never once decided.
func TestOverdue(t *testing.T) {
	due := time.Date(2027, 1, 4, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		status Status
		at     time.Time
		want   bool
	}{
		{StatusOpen, due, false},
		{StatusOpen, due.Add(time.Microsecond), true},
		{StatusInReview, due.Add(time.Hour), true},
		{StatusPendingSecondReview, due.Add(time.Hour), true},
		{StatusUpheld, due.Add(time.Hour), false},
		{StatusOverturned, due.Add(time.Hour), false},
	} {
		c := Case{Status: tc.status, DueAt: due}
		if got := c.Overdue(tc.at); got != tc.want {
			t.Errorf("%s at due%+v: overdue %v, want %v", tc.status, tc.at.Sub(due), got, tc.want)
		}
	}
}

// TestValidateRequest names every bad field of a request at once, and trims the statement.
func TestValidateRequest(t *testing.T) {
	for _, tc := range []struct {
		name   string
		req    Request
		fields []string
	}{
		{"valid", Request{Reference: "abc-def-ghj", Statement: "  why  ", Locale: "sv-SE", IdempotencyKey: "k"}, nil},
		{"everything wrong", Request{Reference: "nope", Statement: " ", Locale: "sv", IdempotencyKey: ""},
			[]string{"reference", "statement", "locale", "idempotencyKey"}},
		{"statement too long", Request{Reference: "ABCDEFGHJ", Statement: strings.Repeat("x", MaxStatementLen+1), Locale: "en-GB", IdempotencyKey: "k"},
			[]string{"statement"}},
		{"key too long", Request{Reference: "ABCDEFGHJ", Statement: "x", Locale: "en-GB", IdempotencyKey: strings.Repeat("k", MaxIdempotencyKeyLen+1)},
			[]string{"idempotencyKey"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req
			ref, err := validateRequest(&req)
			if tc.fields == nil {
				if err != nil || ref != "ABCDEFGHJ" || req.Statement != "why" {
					t.Fatalf("validateRequest = %q, %v (statement %q)", ref, err, req.Statement)
				}
				return
			}
			var ve *apperr.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) != len(tc.fields) {
				t.Fatalf("validateRequest: %v, want errors on %v", err, tc.fields)
			}
			for i, f := range tc.fields {
				if ve.Fields[i].Field != f {
					t.Errorf("field %d is %s, want %s", i, ve.Fields[i].Field, f)
				}
			}
		})
	}
}
