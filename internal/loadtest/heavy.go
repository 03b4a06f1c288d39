package loadtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"riskconsole/internal/market"
)

// Operations of the heavy readers and the flood. They are not part of the mix: each has clients
// of its own (Config.HeavyReaders, Config.Flood), running for the whole run.
const (
	OpVerifyChain = "heavy:verifyAuditChain" // verifyAuditChain as AUDITOR
	OpExport      = "heavy:export"           // GET /export/decisions.csv of the last 90 days, read to the end
	OpHeavySim    = "heavy:simulate"         // simulate, as the mix's
	OpSensitivity = "heavy:sensitivity"      // a 101-point sensitivity curve of the bureau score
	OpRawRates    = "heavy:declineRatesRaw"  // 90 days of daily decline rates with an amount range: from the decisions
	OpFlood       = "anonymousFlood"         // ten root fields without credentials, each refused
)

// heavyOps are what each heavy reader runs in turn, starting at its own place in the list.
var heavyOps = []string{OpVerifyChain, OpExport, OpHeavySim, OpSensitivity, OpRawRates}

// reportOps are every operation, in the report's order.
var reportOps = slices.Concat(mixOps, []string{OpReplay}, heavyOps, []string{OpFlood})

// heavyWindow is how far back the heavy readers' operations reach.
const heavyWindow = 90 * 24 * time.Hour

// heavyReader is one heavy reader: it runs the heavy operations in turn until stop ends.
func (r *runner) heavyReader(ctx, stop context.Context, w int) {
	for i := w; stop.Err() == nil; i++ {
		m := market.All[i%len(market.All)].Code
		switch op := heavyOps[i%len(heavyOps)]; op {
		case OpVerifyChain:
			var out json.RawMessage
			r.timed(op, func() error { return r.call(ctx, r.cfg.AuditToken, verifyQuery, nil, &out) })
		case OpExport:
			r.timed(op, func() error { return r.export(ctx) })
		case OpHeavySim:
			r.timed(op, func() error { return r.simulateWith(ctx, r.cfg.AuditToken, m) })
		case OpSensitivity:
			r.timed(op, func() error {
				rules, err := r.proposal(ctx, r.cfg.AuditToken, m)
				if err != nil {
					return err
				}
				var out json.RawMessage
				return r.call(ctx, r.cfg.AuditToken, sensitivityQuery, map[string]any{"m": m, "p": rules}, &out)
			})
		case OpRawRates:
			to := time.Now().UTC()
			vars := map[string]any{"from": to.Add(-heavyWindow), "to": to}
			var out json.RawMessage
			r.timed(op, func() error { return r.call(ctx, r.cfg.AuditToken, rawRatesQuery, vars, &out) })
		}
	}
}

const verifyQuery = `{ verifyAuditChain { ok checked } }`

const sensitivityQuery = `query Sensitivity($m: String!, $p: [ThresholdRuleInput!]!) {
  sensitivity(market: $m, measuredValue: BUREAU_SCORE, proposal: $p, points: 101) {
    assessed proposedRate points { cutoff declineRate }
  }
}`

// rawRatesQuery asks for daily rates with an amount range, which no rollup has.
const rawRatesQuery = `query RawRates($from: Time!, $to: Time!) {
  declineRates(filter: {from: $from, to: $to, minAmount: 0}, bucket: DAY) {
    series { points { bucketStart assessed declined rate } }
  }
}`

// export downloads the decisions of the last heavyWindow as CSV and reads the file to its end.
func (r *runner) export(ctx context.Context) error {
	to := time.Now().UTC()
	q := url.Values{"from": {to.Add(-heavyWindow).Format(time.RFC3339)}, "to": {to.Format(time.RFC3339)}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.base+"/export/decisions.csv?"+q.Encode(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+r.cfg.AuditToken)
	resp, err := r.do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return fmt.Errorf("read export: %w", err)
		}
		return nil
	}
	var ans struct {
		Errors []gqlError `json:"errors"`
	}
	_ = json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&ans)
	ae := apiError{Status: resp.StatusCode}
	if len(ans.Errors) > 0 {
		ae.Code, ae.Msg = ans.Errors[0].Extensions.Code, ans.Errors[0].Message
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 && resp.StatusCode == http.StatusTooManyRequests {
		return &busyError{apiError: ae, RetryAfter: time.Duration(s) * time.Second}
	}
	return &ae
}

// floodQuery has ten root fields, every one refused to a caller without credentials.
const floodQuery = `{
  viewer { name } whatIfStatus { loaded } verifyAuditChain { ok } catalogVersion { version }
  catalogDrafts(first: 1) { pageInfo { hasNextPage } } thresholdDrafts(first: 1) { pageInfo { hasNextPage } }
  badDefinitionDrafts(first: 1) { pageInfo { hasNextPage } } users(first: 1) { pageInfo { hasNextPage } }
  apiTokens(first: 1) { pageInfo { hasNextPage } } auditEvents(first: 1) { pageInfo { hasNextPage } }
}`

// flood sends floodQuery without credentials until stop ends, each request on a tick of tick when
// it is not nil. The expected answer, every field refused with UNAUTHENTICATED, counts as a
// success; anything else as an error.
func (r *runner) flood(ctx, stop context.Context, tick <-chan time.Time) {
	for stop.Err() == nil {
		if tick != nil {
			select {
			case <-tick:
			case <-stop.Done():
				return
			}
		}
		r.timed(OpFlood, func() error {
			var out json.RawMessage
			err := r.call(ctx, "", floodQuery, nil, &out)
			var ae *apiError
			if errors.As(err, &ae) && ae.Status == http.StatusUnauthorized && ae.Code == "UNAUTHENTICATED" {
				return nil
			}
			if err == nil {
				return errors.New("answered without credentials")
			}
			return err
		})
	}
}
