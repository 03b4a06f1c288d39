package loadtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"time"

	"riskconsole/internal/decisions"
)

// Targets: the server a run drives (Config.Target).
const (
	// TargetConsole is the console's own API (the default).
	TargetConsole = "console"
	// TargetPostGraphile is PostGraphile 5 over the console's database, as
	// scripts/postgraphile/server.mjs serves it: OpAssess is a plain create mutation of a whole
	// decision row into decisions_plain (no engine, no idempotency), OpDecisions a page of 50 of
	// allDecisions with the explorer's filter, order and fields. It is the yardstick of issue 19's
	// comparison (scripts/postgraphile/compare.sh); no other operation is defined for it.
	TargetPostGraphile = "postgraphile"
)

// pglRowPool is how many stored decisions a PostGraphile run reads as the templates of the rows
// it inserts: each insert is one of them with a new id, time, reference, key and hash.
const pglRowPool = 1000

// pglInputFieldsQuery lists the fields of the create mutation's row, so that the templates are
// read with exactly the columns the mutation writes (PostGraphile names them from the table).
const pglInputFieldsQuery = `{ __type(name: "DecisionsPlainInput") { inputFields { name } } }`

// pglInsertMutation inserts one whole row and asks back what checkout's caller gets first.
const pglInsertMutation = `mutation Insert($row: DecisionsPlainInput!) {
  createDecisionsPlain(input: {decisionsPlain: $row}) { decisionsPlain { rowId reference outcome } }
}`

// pglPageQuery is the explorer's page (decisionsQuery) in PostGraphile's schema: the same
// filter, order, page size and fields, the threshold version through its foreign key.
const pglPageQuery = `query Explore($m: String!, $after: Cursor) {
  allDecisions(first: 50, condition: {market: $m}, orderBy: [CREATED_AT_DESC, ROW_ID_DESC], after: $after) {
    nodes { rowId reference createdAt market outcome amountMinor currency merchantName merchantCategory reasons
            thresholdVersionByThresholdVersionId { rowId version } }
    pageInfo { hasNextPage endCursor }
  }
}`

// validTarget reports a problem with the target and its mix, nil when there is none.
func (c *Config) validTarget() error {
	switch c.Target {
	case "", TargetConsole:
		return nil
	case TargetPostGraphile:
		for op, w := range c.Mix {
			if w > 0 && op != OpAssess && op != OpDecisions {
				return fmt.Errorf("target: %s defines only %s and %s, not %s", TargetPostGraphile, OpAssess, OpDecisions, op)
			}
		}
		if c.HeavyReaders > 0 || c.Flood > 0 || c.Replay > 0 {
			return fmt.Errorf("target: %s has no heavy readers, flood or replays", TargetPostGraphile)
		}
		return nil
	}
	return fmt.Errorf("target: want %s or %s, got %q", TargetConsole, TargetPostGraphile, c.Target)
}

// postGraphile reports whether the run drives PostGraphile.
func (c *Config) postGraphile() bool { return c.Target == TargetPostGraphile }

// pglTemplates reads pglRowPool stored rows of decisions_plain, with every column the create
// mutation takes, as the templates of the rows a run inserts.
func (r *runner) pglTemplates(ctx context.Context) error {
	var typ struct {
		Type *struct {
			InputFields []struct {
				Name string `json:"name"`
			} `json:"inputFields"`
		} `json:"__type"`
	}
	if err := r.call(ctx, "", pglInputFieldsQuery, nil, &typ); err != nil {
		return fmt.Errorf("postgraphile: read the row's fields: %w", err)
	}
	if typ.Type == nil || len(typ.Type.InputFields) == 0 {
		return errors.New("postgraphile: no type DecisionsPlainInput: is decisions_plain created and granted (scripts/postgraphile/compare.sql)?")
	}
	fields := ""
	for _, f := range typ.Type.InputFields {
		fields += " " + f.Name
	}
	var page struct {
		All struct {
			Nodes []map[string]any `json:"nodes"`
		} `json:"allDecisionsPlains"`
	}
	q := fmt.Sprintf("{ allDecisionsPlains(first: %d) { nodes {%s } } }", pglRowPool, fields)
	if err := r.call(ctx, "", q, nil, &page); err != nil {
		return fmt.Errorf("postgraphile: read the templates: %w", err)
	}
	if len(page.All.Nodes) == 0 {
		return errors.New("postgraphile: decisions_plain is empty: seed the database first")
	}
	r.pglRows = page.All.Nodes
	return nil
}

// pglInsert inserts a template row as a new decision made now: a UUIDv7 id of its millisecond
// (decisions' CHECK), a new reference, idempotency key and request hash.
func (r *runner) pglInsert(ctx context.Context, rnd *mrand.Rand, key string) {
	now := time.Now().UTC().Truncate(time.Millisecond)
	row := make(map[string]any, len(r.pglRows[0]))
	for k, v := range r.pglRows[rnd.IntN(len(r.pglRows))] {
		row[k] = v
	}
	sum := sha256.Sum256([]byte(key))
	row["rowId"], row["createdAt"] = decisions.NewID(now), now.Format(time.RFC3339Nano)
	row["reference"], row["idempotencyKey"], row["requestHash"] = decisions.NewReference(), key, hex.EncodeToString(sum[:])
	r.timed(OpAssess, func() error {
		var out struct {
			Create *struct {
				Row *struct {
					RowID string `json:"rowId"`
				} `json:"decisionsPlain"`
			} `json:"createDecisionsPlain"`
		}
		if err := r.call(ctx, "", pglInsertMutation, map[string]any{"row": row}, &out); err != nil {
			return err
		}
		if out.Create == nil || out.Create.Row == nil || out.Create.Row.RowID != row["rowId"] {
			return errors.New("answer without the inserted row")
		}
		return nil
	})
}

// pglPage reads a page of market's decisions after cursor ("" for the first) and returns the
// next page's cursor, "" when there is none or the call failed (as decisions does).
func (r *runner) pglPage(ctx context.Context, market, cursor string) string {
	vars := map[string]any{"m": market}
	if cursor != "" {
		vars["after"] = cursor
	}
	var page struct {
		All struct {
			Nodes    []json.RawMessage `json:"nodes"`
			PageInfo struct {
				HasNextPage bool   `json:"hasNextPage"`
				EndCursor   string `json:"endCursor"`
			} `json:"pageInfo"`
		} `json:"allDecisions"`
	}
	ok := r.timed(OpDecisions, func() error {
		if err := r.call(ctx, "", pglPageQuery, vars, &page); err != nil {
			return err
		}
		if page.All.PageInfo.HasNextPage && len(page.All.Nodes) != 50 {
			return fmt.Errorf("a page of %d decisions before the last", len(page.All.Nodes))
		}
		return nil
	})
	if !ok || !page.All.PageInfo.HasNextPage {
		return ""
	}
	return page.All.PageInfo.EndCursor
}
