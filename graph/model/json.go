package model

import (
	"encoding/json"
	"fmt"
	"io"
)

// JSON is a GraphQL scalar holding any JSON value, written as is.
type JSON json.RawMessage

// MarshalGQL writes the value; an empty value is null.
func (j JSON) MarshalGQL(w io.Writer) {
	if len(j) == 0 {
		_, _ = io.WriteString(w, "null")
		return
	}
	_, _ = w.Write(j)
}

// UnmarshalGQL accepts any input value.
func (j *JSON) UnmarshalGQL(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("JSON: %w", err)
	}
	*j = b
	return nil
}
