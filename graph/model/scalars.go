package model

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"

	"riskconsole/internal/apperr"
)

// The built-in scalars String, ID and Float are gqlgen's (gqlgen.yml binds them here) with one
// addition: an input value the console refuses anywhere (apperr.TextProblem: NUL, other control
// characters, invalid UTF-8; apperr.NumberProblem: NaN, ±Inf) fails where every argument and
// input field is read, before any resolver runs, so that no field has to check it again and no
// such value reaches a statement. The error presenter (graph.PresentError) answers it as
// INVALID naming the argument.

// MarshalString writes a String as gqlgen does.
func MarshalString(s string) graphql.Marshaler { return graphql.MarshalString(s) }

// UnmarshalString reads a String input as gqlgen does and refuses text apperr.TextProblem refuses.
func UnmarshalString(v any) (string, error) { return checkedText(graphql.UnmarshalString(v)) }

// MarshalID writes an ID as gqlgen does.
func MarshalID(s string) graphql.Marshaler { return graphql.MarshalID(s) }

// UnmarshalID reads an ID input as gqlgen does and refuses text apperr.TextProblem refuses.
func UnmarshalID(v any) (string, error) { return checkedText(graphql.UnmarshalID(v)) }

// MarshalFloat writes a Float as gqlgen does (refusing NaN and ±Inf in an answer).
func MarshalFloat(f float64) graphql.ContextMarshaler { return graphql.MarshalFloatContext(f) }

// UnmarshalFloat reads a Float input as gqlgen does, which takes any string strconv.ParseFloat
// takes ("NaN", "Inf", "-Infinity", …), and refuses the values that are not finite.
func UnmarshalFloat(ctx context.Context, v any) (float64, error) {
	f, err := graphql.UnmarshalFloatContext(ctx, v)
	if err != nil {
		return 0, err
	}
	if p := apperr.NumberProblem(f); p != "" {
		return 0, errors.New(p)
	}
	return f, nil
}

// checkedText passes on what gqlgen read, refusing text apperr.TextProblem refuses.
func checkedText(s string, err error) (string, error) {
	if err != nil {
		return "", err
	}
	if p := apperr.TextProblem(s); p != "" {
		return "", errors.New(p)
	}
	return s, nil
}
