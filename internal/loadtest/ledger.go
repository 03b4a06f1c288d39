package loadtest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"riskconsole/internal/decisions"
	"riskconsole/internal/store"
)

// Entry is one acknowledged assessment: the idempotency key sent and the decision the server
// answered with. The ledger file holds one Entry as JSON per line.
type Entry struct {
	Key        string `json:"key"`
	DecisionID string `json:"decisionId"`
	Reference  string `json:"reference"`
	Outcome    string `json:"outcome"`
}

// ledgerWriter appends entries to the ledger file.
type ledgerWriter struct {
	mu    sync.Mutex
	f     *os.File
	w     *bufio.Writer
	count int64
	err   error
}

// createLedger creates path, refusing an existing file.
func createLedger(path string) (*ledgerWriter, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w (one ledger per run: give a new file)", err)
	}
	return &ledgerWriter{f: f, w: bufio.NewWriterSize(f, 64<<10)}, nil
}

func (l *ledgerWriter) add(e Entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return l.err
	}
	if _, err := l.w.Write(append(b, '\n')); err != nil {
		l.err = fmt.Errorf("ledger: %w", err)
		return l.err
	}
	l.count++
	return nil
}

// close flushes, syncs and closes the file.
func (l *ledgerWriter) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	err := errors.Join(l.err, l.w.Flush(), l.f.Sync(), l.f.Close())
	if err != nil {
		return fmt.Errorf("ledger: %w", err)
	}
	return nil
}

// ReadLedger reads a ledger file.
func ReadLedger(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		var e Entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("ledger %s line %d: %w", path, line, err)
		}
		if e.Key == "" || e.DecisionID == "" || e.Reference == "" {
			return nil, fmt.Errorf("ledger %s line %d: key, decisionId and reference are required", path, line)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	return out, nil
}

// Verification is the result of checking a ledger against the database.
type Verification struct {
	Entries int `json:"entries"`
	// Stored counts entries whose decision is stored exactly once, under the entry's key, with the
	// reference acknowledged.
	Stored   int      `json:"stored"`
	Problems []string `json:"problems,omitempty"` // the first maxProblems, each naming the entry
	// ProblemCount is the number of problems, also those not listed.
	ProblemCount int `json:"problemCount"`
}

// OK reports whether every entry is stored exactly once as acknowledged.
func (v *Verification) OK() bool { return v.ProblemCount == 0 && v.Stored == v.Entries }

const (
	maxProblems = 20
	verifyBatch = 500
)

func (v *Verification) problem(format string, args ...any) {
	v.ProblemCount++
	if len(v.Problems) < maxProblems {
		v.Problems = append(v.Problems, fmt.Sprintf(format, args...))
	}
}

// Verify checks every ledger entry against the database: the decision it names exists, carries
// the reference acknowledged, was stored under the entry's idempotency key (scoped by the calling
// token, "token:<id>:<name>:<key>"), and no other decision carries that key; and no two entries
// name the same key or decision.
func Verify(ctx context.Context, st *store.Store, entries []Entry) (*Verification, error) {
	v := &Verification{Entries: len(entries)}
	byID := make(map[string]*Entry, len(entries))
	keys := make(map[string]bool, len(entries))
	for i := range entries {
		e := &entries[i]
		if keys[e.Key] {
			v.problem("key %s acknowledged twice in the ledger", e.Key)
			continue
		}
		keys[e.Key] = true
		if prev, dup := byID[e.DecisionID]; dup {
			v.problem("decision %s acknowledged for two keys: %s and %s", e.DecisionID, prev.Key, e.Key)
			continue
		}
		byID[e.DecisionID] = e
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	found := make(map[string]bool, len(ids))
	for start := 0; start < len(ids); start += verifyBatch {
		rows, err := st.StoredKeys(ctx, ids[start:min(start+verifyBatch, len(ids))])
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			e := byID[row.ID]
			if e == nil {
				continue
			}
			found[row.ID] = true
			ref, _ := decisions.NormalizeReference(e.Reference)
			switch {
			case !strings.HasSuffix(row.IdempotencyKey, ":"+e.Key):
				v.problem("decision %s is stored under another idempotency key than %s", row.ID, e.Key)
			case row.Reference != ref:
				v.problem("decision %s: reference %s acknowledged, %s stored", row.ID, e.Reference, decisions.FormatReference(row.Reference))
			case row.KeyCount != 1:
				v.problem("key %s: %d decisions stored", e.Key, row.KeyCount)
			default:
				v.Stored++
			}
		}
	}
	for _, id := range ids {
		if !found[id] {
			v.problem("decision %s (key %s) acknowledged but not stored", id, byID[id].Key)
		}
	}
	return v, nil
}
