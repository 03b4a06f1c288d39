package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"riskconsole/internal/auth"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/store"
	"riskconsole/internal/thresholds"
	"riskconsole/models"
)

// SeedOptions configure Seed and EnsureDemo.
type SeedOptions struct {
	N         int       // decisions to generate
	Seed      int64     // random seed
	End       time.Time // end of the generated window; zero means now
	TokenFile string    // where the demo tokens' secrets are written (TokenFileFor); empty for nowhere
	// AccountsFile is where EnsureDemo writes the demo accounts' passwords; empty for no demo
	// accounts.
	AccountsFile string
	Progress     io.Writer // progress lines; nil for none
}

// DemoToken is a demo API token with its secret, kept in the token file of the embedded demo so
// that every start can print how to call the API.
type DemoToken struct {
	Role   auth.Role `json:"role"`
	Secret string    `json:"secret"`
}

// TokenFile is where the embedded demo keeps its tokens.
func TokenFile(dataDir string) string { return filepath.Join(dataDir, "demo-tokens.json") }

// TokenFileFor is where the demo tokens of a database are kept: TokenFile for the embedded
// database (databaseURL ""), and for an external one a file of its own in the same directory,
// named after its host, port and database (demo-tokens-db.example-5432-riskconsole.json), so
// that seeding PostgreSQL never overwrites the embedded demo's tokens or another database's.
func TokenFileFor(dataDir, databaseURL string) string {
	if databaseURL == "" {
		return TokenFile(dataDir)
	}
	var name string
	if u, err := url.Parse(databaseURL); err == nil && u.Host != "" {
		port, db := u.Port(), strings.TrimPrefix(u.Path, "/")
		if port == "" {
			port = "5432"
		}
		if db == "" {
			db = u.User.Username() // PostgreSQL's default database
		}
		name = u.Hostname() + "-" + port + "-" + db
	} else {
		// A key=value connection string: named by a digest, which keeps its password out.
		sum := sha256.Sum256([]byte(databaseURL))
		name = hex.EncodeToString(sum[:6])
	}
	safe := strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (r == '.' || r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return '_'
	}, name)
	return filepath.Join(dataDir, "demo-tokens-"+safe+".json")
}

// ReadTokens reads the demo tokens written by Seed. Tokens of roles no token may carry any more
// (auth.TokenRoles), which the server refuses, are left out: a demo seeded before issue 14 wrote
// one per role.
func ReadTokens(path string) ([]DemoToken, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var all []DemoToken
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []DemoToken
	for _, t := range all {
		if auth.TokenMayHold(t.Role) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no tokens", path)
	}
	return out, nil
}

// TokenOf returns the secret of the demo token of role in tokens, "" when there is none.
func TokenOf(tokens []DemoToken, role auth.Role) string {
	for _, t := range tokens {
		if t.Role == role {
			return t.Secret
		}
	}
	return ""
}

// EnsureDemo fills an empty database with the demo: reference data, one API token per role and
// opts.N decisions, and, when the database has no accounts yet and opts.AccountsFile is set, the
// demo accounts. A database that already holds reference data keeps it.
func EnsureDemo(ctx context.Context, st *store.Store, opts SeedOptions) error {
	has, err := st.HasReferenceData(ctx)
	if err != nil {
		return err
	}
	if !has {
		if opts.Progress == nil {
			opts.Progress = os.Stdout
		}
		if err := Seed(ctx, st, opts); err != nil {
			return err
		}
	}
	if opts.AccountsFile == "" {
		return nil
	}
	return EnsureAccounts(ctx, st, opts.AccountsFile)
}

// batchSize is the number of decisions written per bulk insert.
const batchSize = 5000

// Seed writes the reference data when the database has none (threshold history, reason catalog,
// demo tokens), then opts.N decisions over the window, each decided by the real engine with the
// threshold version active at its time and pinned to it, and the repayment events of every
// approved one up to the window's end (Repayment).
func Seed(ctx context.Context, st *store.Store, opts SeedOptions) error {
	// The seed reads back the decisions it wrote (the demo review cases): never from a standby.
	ctx = store.WithPrimaryReads(ctx)
	end := opts.End
	if end.IsZero() {
		end = time.Now()
	}
	end = end.UTC().Truncate(time.Millisecond)
	has, err := st.HasReferenceData(ctx)
	if err != nil {
		return err
	}
	if !has {
		if err := seedReference(ctx, st, end, opts.TokenFile); err != nil {
			return err
		}
	}
	th := thresholds.NewService(st)
	if err := th.Refresh(ctx); err != nil {
		return err
	}
	cat, err := st.CurrentCatalog(ctx)
	if err != nil {
		return err
	}
	// Generation is sequential and cheap; writing is the cost. On PostgreSQL two COPY streams
	// keep both cores busy; SQLite has one writer anyway.
	writers := 1
	if st.Dialect() == store.Postgres {
		writers = 2
	}
	g, gctx := errgroup.WithContext(ctx)
	batches := make(chan seedBatch, writers)
	var written atomic.Int64
	for range writers {
		g.Go(func() error {
			var evs []outcomes.Event
			var rows []models.OutcomeEvent
			for batch := range batches {
				if err := writeBatch(gctx, st, batch.recs, cat); err != nil {
					return err
				}
				evs, rows = evs[:0], rows[:0]
				for i := range batch.recs {
					d := &batch.recs[i].Decision
					evs = Repayment(evs[:0], opts.Seed, batch.first+uint64(i), d, end)
					for j := range evs {
						rows = append(rows, outcomeRow(&evs[j], d.CreatedAt))
					}
				}
				if err := st.BulkInsertOutcomeEvents(gctx, rows); err != nil {
					return fmt.Errorf("demo outcome events: %w", err)
				}
				n := written.Add(int64(len(batch.recs)))
				if opts.Progress != nil && (n-int64(len(batch.recs)))*10/int64(max(opts.N, 1)) != n*10/int64(max(opts.N, 1)) {
					fmt.Fprintf(opts.Progress, "seeding demo data: %d/%d decisions (%d%%)\n", n, opts.N, n*100/int64(max(opts.N, 1)))
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(batches)
		var next uint64 // the generation index of the batch's first decision
		batch := make([]decisions.Record, 0, batchSize)
		send := func() error {
			select {
			case batches <- seedBatch{first: next, recs: batch}:
				next += uint64(len(batch))
				batch = make([]decisions.Record, 0, batchSize)
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		err := Generate(Options{Seed: opts.Seed, N: opts.N, End: end}, func(p *Purchase) error {
			at := p.Time.UTC()
			v, err := th.Active(p.Market, at)
			if err != nil {
				return err
			}
			purchase := decisions.Purchase{
				Market: p.Market, Currency: p.Currency, AmountMinor: int64(p.Amount*100 + 0.5),
				MerchantID: p.Merchant.ID, MerchantName: p.Merchant.Name, MerchantCategory: p.Merchant.Category,
				ShopperID: p.ShopperID, Locale: p.Locale, Channel: p.Channel, Values: p.Values,
			}
			b := p.Bureau(at)
			purchase.Bureau = &decisions.BureauReport{Bureau: b.Bureau, Score: b.Score, ScoreMin: b.ScoreMin,
				ScoreMax: b.ScoreMax, ScoreDate: b.ScoreDate, KeyFactors: b.KeyFactors}
			rec, err := decisions.Decide(&purchase, at, decisions.NewReference(), v, cat)
			if err != nil {
				return err
			}
			batch = append(batch, rec)
			if len(batch) == batchSize {
				return send()
			}
			return nil
		})
		if err != nil || len(batch) == 0 {
			return err
		}
		return send()
	})
	if err := g.Wait(); err != nil {
		return err
	}
	// The planner's statistics of a table that just grew by a bulk load are those of the empty
	// table until autovacuum comes round: the explorer's queries need them now.
	return st.AnalyzeDecisions(ctx)
}

// seedBatch is a batch of decisions with the generation index of its first one, from which each
// decision's repayment history is drawn.
type seedBatch struct {
	first uint64
	recs  []decisions.Record
}

// outcomeRow is the row of a demo repayment event of the decision made at decidedAt, recorded
// when it was observed.
func outcomeRow(e *outcomes.Event, decidedAt time.Time) models.OutcomeEvent {
	return models.OutcomeEvent{DecisionID: e.DecisionID, EventID: e.EventID, ObservedAt: e.ObservedAt,
		Status: e.Status.String(), OutstandingMinor: e.OutstandingMinor, WrittenOffMinor: e.WrittenOffMinor,
		Currency: e.Currency, RecordedAt: e.ObservedAt, DecisionCreatedAt: decidedAt}
}

// writeBatch stores one batch, drawing fresh references for the whole batch when one was taken
// (and rendering the pop-ups, which quote them, anew from cat).
func writeBatch(ctx context.Context, st *store.Store, batch []decisions.Record, cat *catalog.Catalog) error {
	for attempt := 0; ; attempt++ {
		for i := range batch {
			batch[i].ID = decisions.NewID(batch[i].CreatedAt)
			batch[i].IdempotencyKey = "demo:" + batch[i].ID
			if attempt > 0 {
				batch[i].Reference = decisions.NewReference()
				if err := decisions.Render(&batch[i], cat); err != nil {
					return err
				}
			}
		}
		err := st.BulkInsertDecisions(ctx, batch)
		if !errors.Is(err, decisions.ErrReferenceTaken) || attempt == 3 {
			return err
		}
	}
}

// historyLead is how far before the window the first version of each market is activated, so
// that a later seed run over a later window still finds a version in force at every time.
const historyLead = 365 * 24 * time.Hour

func seedReference(ctx context.Context, st *store.Store, end time.Time, tokenFile string) error {
	ref := &store.ReferenceData{Catalog: catalog.Default(), CatalogAuthor: "risk.lead"}
	for _, v := range History(end, DefaultDays) {
		activated := v.ActivatedAt
		if v.Version == 1 {
			activated = activated.Add(-historyLead)
		}
		ref.Versions = append(ref.Versions, store.SeedVersion{
			Version: thresholds.Version{Market: v.Market, Version: v.Version, Set: v.Set, Author: v.Author,
				Approver: v.Approver, Rationale: v.Rationale, CreatedAt: activated},
			ActivatedAt: activated,
		})
	}
	var tokens []DemoToken
	for _, role := range auth.TokenRoles {
		secret := auth.NewTokenSecret()
		tokens = append(tokens, DemoToken{Role: role, Secret: secret})
		ref.Tokens = append(ref.Tokens, store.SeedToken{Name: "demo-" + string(role), Hash: auth.HashToken(secret), Roles: []auth.Role{role},
			Owner: auth.SystemPrincipal("demo").Person()})
	}
	if _, _, err := st.SeedReference(ctx, ref); err != nil {
		return err
	}
	if tokenFile == "" {
		return nil
	}
	b, _ := json.MarshalIndent(tokens, "", "  ") // plain strings always marshal
	if err := os.MkdirAll(filepath.Dir(tokenFile), 0o700); err != nil {
		return err
	}
	return os.WriteFile(tokenFile, b, 0o600)
}
