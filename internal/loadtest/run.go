package loadtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"riskconsole/internal/demo"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
)

// purchasePool is how many distinct purchases a run cycles through (each call has its own key).
const purchasePool = 4096

// requestTimeout bounds one request of the tool, beyond the server's own deadline.
const requestTimeout = 30 * time.Second

// maxErrorKinds bounds the distinct error messages kept per operation; later ones count as
// "other".
const maxErrorKinds = 20

// runner is one run in progress.
type runner struct {
	cfg       Config
	base      string // the server's base URL
	endpoint  string
	client    *http.Client
	runID     string
	purchases []json.RawMessage
	ledger    *ledgerWriter
	stats     map[string]*opStats
	choice    []string // mix operations, each repeated by its weight
	issued    atomic.Int64
	// stop ends when the run stops starting operations; a client told to retry later waits at
	// most until then.
	stop context.Context

	pglRows []map[string]any // TargetPostGraphile: the templates of the rows inserted

	proposalMu sync.Mutex
	proposals  map[string]json.RawMessage // market → rules of the set in force, as ThresholdRuleInput
}

// opStats are one operation's results.
type opStats struct {
	hist    histogram
	errors  atomic.Int64
	limited atomic.Int64 // refused by the server's limit of heavy operations
	mu      sync.Mutex
	kinds   map[string]int64
}

func (s *opStats) fail(err error) {
	s.errors.Add(1)
	msg := err.Error()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.kinds[msg]; !ok && len(s.kinds) >= maxErrorKinds {
		msg = "other"
	}
	s.kinds[msg]++
}

// Run performs one run and reports it. It stops starting operations when cfg.Duration has passed,
// cfg.Count operations were started, or ctx ends; operations in flight then finish (each within
// requestTimeout) and count. The ledger is flushed and synced before Run returns.
func Run(ctx context.Context, cfg Config, client *http.Client) (*Report, error) {
	base, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	r := &runner{cfg: cfg, base: base.String(), endpoint: base.String() + "/graphql", client: newClient(client),
		stats: map[string]*opStats{}, proposals: map[string]json.RawMessage{}}
	for _, op := range reportOps {
		r.stats[op] = &opStats{kinds: map[string]int64{}}
	}
	for _, op := range mixOps {
		for range cfg.Mix[op] {
			r.choice = append(r.choice, op)
		}
	}
	var id [6]byte
	_, _ = rand.Read(id[:])
	r.runID = hex.EncodeToString(id[:])
	if r.purchases, err = purchases(cfg.Seed); err != nil {
		return nil, err
	}
	switch {
	case cfg.postGraphile() && cfg.Mix[OpAssess] > 0:
		if err := r.pglTemplates(ctx); err != nil {
			return nil, err
		}
	case cfg.Mix[OpAssess] > 0:
		if r.ledger, err = createLedger(cfg.Ledger); err != nil {
			return nil, err
		}
	}

	stopCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	r.stop = stopCtx
	start := time.Now()
	// The heavy readers and the flood run as long as the mix does.
	extraCtx, stopExtra := context.WithCancel(stopCtx)
	defer stopExtra()
	var wg, extra sync.WaitGroup
	for w := range cfg.Concurrency {
		wg.Go(func() { r.worker(ctx, stopCtx, w) })
	}
	for w := range cfg.HeavyReaders {
		extra.Go(func() { r.heavyReader(ctx, extraCtx, w) })
	}
	var tick <-chan time.Time // the flood's pace, nil when it has none
	if cfg.Flood > 0 && cfg.FloodRate > 0 {
		t := time.NewTicker(time.Second / time.Duration(cfg.FloodRate))
		defer t.Stop()
		tick = t.C
	}
	for range cfg.Flood {
		extra.Go(func() { r.flood(ctx, extraCtx, tick) })
	}
	wg.Wait()
	stopExtra()
	extra.Wait()
	elapsed := time.Since(start)
	var acked int64
	if r.ledger != nil {
		acked = r.ledger.count
		if err := r.ledger.close(); err != nil {
			return nil, err
		}
	}
	return r.report(base.String(), elapsed, acked), nil
}

// newClient returns client (nil: a new one) that neither follows redirects nor uses a proxy, so
// that requests reach only the loopback address checked.
func newClient(client *http.Client) *http.Client {
	if client == nil {
		client = &http.Client{Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: MaxConcurrency, IdleConnTimeout: time.Minute}}
	}
	c := *client
	c.Timeout = requestTimeout
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// purchases generates the run's purchase inputs with the demo generator.
func purchases(seed int64) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, 0, purchasePool)
	err := demo.Generate(demo.Options{Seed: seed, N: purchasePool, End: time.Now()}, func(p *demo.Purchase) error {
		b, err := PurchaseInput(p)
		out = append(out, b)
		return err
	})
	return out, err
}

// PurchaseInput returns a demo purchase as the JSON of a GraphQL PurchaseInput.
func PurchaseInput(p *demo.Purchase) ([]byte, error) {
	values := make(map[string]float64, engine.NumMeasures)
	for i := range engine.Measures {
		values[engine.Measures[i].Field] = p.Values[i]
	}
	// The run assesses its purchases now, whatever their demo time: the bureau answered yesterday.
	b := p.Bureau(time.Now())
	return json.Marshal(map[string]any{
		"market": p.Market, "currency": p.Currency, "amount": p.Amount,
		"merchant":  map[string]string{"id": p.Merchant.ID, "name": p.Merchant.Name, "category": p.Merchant.Category},
		"shopperId": p.ShopperID, "locale": p.Locale, "channel": p.Channel, "values": values,
		"bureauReport": map[string]any{"bureau": b.Bureau, "score": b.Score, "scoreMin": b.ScoreMin, "scoreMax": b.ScoreMax,
			"scoreDate": b.ScoreDate.Format(time.RFC3339), "keyFactors": b.KeyFactors},
	})
}

// worker is one client: it starts operations one after another until stop ends or the count is
// reached. Requests run under ctx, so that the one in flight when stop ends can finish.
func (r *runner) worker(ctx, stop context.Context, w int) {
	rnd := mrand.New(mrand.NewPCG(uint64(r.cfg.Seed), uint64(w)))
	var cursor string // the explorer's next page, per client
	for seq := 0; stop.Err() == nil; seq++ {
		if r.cfg.Count > 0 && r.issued.Add(1) > int64(r.cfg.Count) {
			return
		}
		m := market.All[rnd.IntN(len(market.All))].Code
		switch op := r.choice[rnd.IntN(len(r.choice))]; {
		case op == OpAssess && r.cfg.postGraphile():
			r.pglInsert(ctx, rnd, fmt.Sprintf("pgl-%s-%d-%d", r.runID, w, seq))
		case op == OpAssess:
			r.assess(ctx, rnd, fmt.Sprintf("lt-%s-%d-%d", r.runID, w, seq))
		case op == OpDecisions:
			if rnd.IntN(2) == 0 {
				cursor = ""
			}
			if r.cfg.postGraphile() {
				cursor = r.pglPage(ctx, m, cursor)
			} else {
				cursor = r.decisions(ctx, m, cursor)
			}
		case op == OpDeclineRates:
			var mk *string
			if rnd.IntN(4) > 0 {
				mk = &m
			}
			r.declineRates(ctx, mk)
		case op == OpSimulate:
			r.simulate(ctx, m)
		case op == OpDeclineRatesWide:
			r.declineRatesWide(ctx)
		}
	}
}

// gqlError is one error of a GraphQL answer.
type gqlError struct {
	Message    string `json:"message"`
	Extensions struct {
		Code       string `json:"code"`
		RetryAfter int    `json:"retryAfter"` // seconds, with LIMIT_EXCEEDED of a server limit
	} `json:"extensions"`
}

// apiError is a call the server answered with an error.
type apiError struct {
	Status int // HTTP status
	Code   string
	Msg    string
}

func (e *apiError) Error() string {
	if e.Status != http.StatusOK {
		return fmt.Sprintf("HTTP %d %s: %s", e.Status, e.Code, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Msg)
}

// busyError is a refusal by one of the server's concurrency limits: counted apart from errors,
// and the client waits RetryAfter before its next call, as a well-behaved client would.
type busyError struct {
	apiError
	RetryAfter time.Duration
}

// call posts a GraphQL operation with token and decodes its data into out. An HTTP status other
// than 200, a GraphQL error or an undecodable answer is an error naming the code and message.
func (r *runner) call(ctx context.Context, token, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := r.do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	var ans struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlError      `json:"errors"`
	}
	decodeErr := json.Unmarshal(raw, &ans)
	switch {
	case len(ans.Errors) > 0:
		e := ans.Errors[0]
		msg := e.Message
		if len(msg) > 160 {
			msg = msg[:160] + "…"
		}
		ae := apiError{Status: resp.StatusCode, Code: e.Extensions.Code, Msg: msg}
		if e.Extensions.RetryAfter > 0 {
			return &busyError{apiError: ae, RetryAfter: time.Duration(e.Extensions.RetryAfter) * time.Second}
		}
		return &ae
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	case decodeErr != nil:
		return fmt.Errorf("answer is not a GraphQL response: %w", decodeErr)
	}
	if err := json.Unmarshal(ans.Data, out); err != nil {
		return fmt.Errorf("answer's data: %w", err)
	}
	return nil
}

// do sends req; a failure to get an answer is a "transport: …" error.
func (r *runner) do(req *http.Request) (*http.Response, error) {
	resp, err := r.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("transport: %w", err)
	}
	return resp, nil
}

// timed runs call and records its latency or error under op. A call refused by a limit of the
// server is counted as limited, and the client waits as told (until the run stops at most).
func (r *runner) timed(op string, call func() error) bool {
	start := time.Now()
	if err := call(); err != nil {
		var busy *busyError
		if errors.As(err, &busy) {
			r.stats[op].limited.Add(1)
			wait := time.NewTimer(busy.RetryAfter)
			defer wait.Stop()
			select {
			case <-wait.C:
			case <-r.stop.Done():
			}
			return false
		}
		r.stats[op].fail(err)
		return false
	}
	r.stats[op].hist.add(time.Since(start))
	return true
}

const assessMutation = `mutation Assess($in: PurchaseInput!, $key: String!) {
  assessPurchase(input: $in, idempotencyKey: $key) {
    decisionId reference outcome
    reasons { rank code }
    message { locale title body steps }
  }
}`

type assessAnswer struct {
	AssessPurchase struct {
		DecisionID string `json:"decisionId"`
		Reference  string `json:"reference"`
		Outcome    string `json:"outcome"`
	} `json:"assessPurchase"`
}

// assess assesses a random purchase under key, writes the acknowledged decision to the ledger,
// and with probability cfg.Replay sends the same request again, which must return the same
// decision.
func (r *runner) assess(ctx context.Context, rnd *mrand.Rand, key string) {
	vars := map[string]any{"in": r.purchases[rnd.IntN(len(r.purchases))], "key": key}
	var first assessAnswer
	ok := r.timed(OpAssess, func() error {
		if err := r.call(ctx, r.cfg.ServiceToken, assessMutation, vars, &first); err != nil {
			return err
		}
		a := first.AssessPurchase
		if a.DecisionID == "" || a.Reference == "" {
			return errors.New("answer without decisionId or reference")
		}
		return r.ledger.add(Entry{Key: key, DecisionID: a.DecisionID, Reference: a.Reference, Outcome: a.Outcome})
	})
	if !ok || rnd.Float64() >= r.cfg.Replay {
		return
	}
	r.timed(OpReplay, func() error {
		var again assessAnswer
		if err := r.call(ctx, r.cfg.ServiceToken, assessMutation, vars, &again); err != nil {
			return err
		}
		if again.AssessPurchase != first.AssessPurchase {
			return fmt.Errorf("idempotency violated: a replay of a key answered decision %s, the first call %s",
				again.AssessPurchase.DecisionID, first.AssessPurchase.DecisionID)
		}
		return nil
	})
}

const decisionsQuery = `query Explore($f: DecisionFilter, $after: String) {
  decisions(first: 50, filter: $f, after: $after) {
    nodes { id reference createdAt market outcome amount currency
            merchant { name category } reasons { rank code } thresholdVersion { id version } }
    pageInfo { hasNextPage endCursor }
  }
}`

// decisions reads a page of market's decisions after cursor ("" for the first) and returns the
// cursor of the next page, "" when there is none or the call failed.
func (r *runner) decisions(ctx context.Context, market, cursor string) string {
	vars := map[string]any{"f": map[string]any{"market": market}}
	if cursor != "" {
		vars["after"] = cursor
	}
	var page struct {
		Decisions struct {
			PageInfo struct {
				HasNextPage bool   `json:"hasNextPage"`
				EndCursor   string `json:"endCursor"`
			} `json:"pageInfo"`
		} `json:"decisions"`
	}
	if !r.timed(OpDecisions, func() error { return r.call(ctx, r.cfg.ReadToken, decisionsQuery, vars, &page) }) {
		return ""
	}
	if !page.Decisions.PageInfo.HasNextPage {
		return ""
	}
	return page.Decisions.PageInfo.EndCursor
}

const declineRatesQuery = `query Rates($from: Time!, $to: Time!, $market: String) {
  declineRates(filter: {from: $from, to: $to, market: $market}, bucket: DAY) {
    series { points { bucketStart assessed declined rate } }
  }
}`

// declineRates reads the daily decline rates of the last 30 days, of one market or all (nil).
func (r *runner) declineRates(ctx context.Context, market *string) {
	to := time.Now().UTC()
	from := to.Truncate(24*time.Hour).AddDate(0, 0, -30)
	vars := map[string]any{"from": from, "to": to, "market": market}
	var out struct {
		DeclineRates struct {
			Series []json.RawMessage `json:"series"`
		} `json:"declineRates"`
	}
	r.timed(OpDeclineRates, func() error { return r.call(ctx, r.cfg.ReadToken, declineRatesQuery, vars, &out) })
}

const declineRatesWideQuery = `query RatesWide($from: Time!, $to: Time!) {
  declineRates(filter: {from: $from, to: $to}, bucket: HOUR, groupBy: [MERCHANT, CHANNEL, REASON], seriesLimit: 1) {
    omittedSeries series { points { bucketStart assessed declined rate } }
  }
}`

// declineRatesWide asks the widest series question (OpDeclineRatesWide).
func (r *runner) declineRatesWide(ctx context.Context) {
	to := time.Now().UTC()
	vars := map[string]any{"from": to.Add(-730 * 24 * time.Hour), "to": to}
	var out json.RawMessage
	r.timed(OpDeclineRatesWide, func() error { return r.call(ctx, r.cfg.ReadToken, declineRatesWideQuery, vars, &out) })
}

const activeRulesQuery = `query Active($m: String!) {
  activeThresholdVersion(market: $m) { version { rules { measuredValue comparator cutoff enabled } } }
}`

const simulateQuery = `query Simulate($m: String!, $p: [ThresholdRuleInput!]!) {
  simulate(market: $m, proposal: $p) {
    assessed declinedNow declinedProposed declineRateNow declineRateProposed approvedToDeclined declinedToApproved
    reasons { code now proposed }
  }
}`

// simulate replays the set in force in market, as a proposal, over the last 90 days.
func (r *runner) simulate(ctx context.Context, market string) {
	r.timed(OpSimulate, func() error { return r.simulateWith(ctx, r.cfg.ReadToken, market) })
}

// simulateWith calls simulate with token. The set in force is read once per market (not timed);
// a failure to read it is the call's error.
func (r *runner) simulateWith(ctx context.Context, token, market string) error {
	rules, err := r.proposal(ctx, token, market)
	if err != nil {
		return err
	}
	var out json.RawMessage
	return r.call(ctx, token, simulateQuery, map[string]any{"m": market, "p": rules}, &out)
}

// proposal returns the rules in force in market as ThresholdRuleInput, read with token on first
// use.
func (r *runner) proposal(ctx context.Context, token, market string) (json.RawMessage, error) {
	r.proposalMu.Lock()
	defer r.proposalMu.Unlock()
	if p, ok := r.proposals[market]; ok {
		return p, nil
	}
	var out struct {
		ActiveThresholdVersion *struct {
			Version struct {
				Rules json.RawMessage `json:"rules"`
			} `json:"version"`
		} `json:"activeThresholdVersion"`
	}
	if err := r.call(ctx, token, activeRulesQuery, map[string]any{"m": market}, &out); err != nil {
		return nil, fmt.Errorf("read the set in force: %w", err)
	}
	if out.ActiveThresholdVersion == nil {
		return nil, fmt.Errorf("read the set in force: no version in force in %s", market)
	}
	r.proposals[market] = out.ActiveThresholdVersion.Version.Rules
	return out.ActiveThresholdVersion.Version.Rules, nil
}
