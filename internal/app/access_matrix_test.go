package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"riskconsole/internal/engine"
	"riskconsole/internal/market"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"riskconsole/graph"
	"riskconsole/internal/accounts"
	"riskconsole/internal/approval"
	"riskconsole/internal/auth"
	"riskconsole/internal/httpapi"
)

// The written role matrix (ACCESS.md), the schema's @hasRole rules and the server's answers
// must agree for every Query and Mutation field. The samples below call each field with valid
// arguments; a field of the schema without a sample fails the tests, so a new field cannot slip
// past them.

// accessFile is the role matrix, relative to this package.
const accessFile = "../../ACCESS.md"

// accessMatrix maps "Query.decisions" to the callers allowed to use it: role names and
// "anonymous".
type accessMatrix map[string]map[string]bool

// readAccessMatrix parses the table of ACCESS.md: a header row naming the columns, then one row
// per field with "yes" or "no" per column.
func readAccessMatrix(tb testing.TB) (accessMatrix, []string) {
	tb.Helper()
	f, err := os.Open(accessFile)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	m := accessMatrix{}
	var columns, order []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case cells[0] == "field":
			columns = cells[1:]
		case strings.HasPrefix(cells[0], "Query.") || strings.HasPrefix(cells[0], "Mutation."):
			if columns == nil {
				tb.Fatalf("%s: row %q before the header", accessFile, line)
			}
			if len(cells)-1 != len(columns) {
				tb.Fatalf("%s: row %q has %d cells, the header %d", accessFile, cells[0], len(cells)-1, len(columns))
			}
			if _, dup := m[cells[0]]; dup {
				tb.Errorf("%s lists %s twice", accessFile, cells[0])
			}
			allowed := map[string]bool{}
			for i, c := range cells[1:] {
				switch c {
				case "yes":
					allowed[columns[i]] = true
				case "no":
				default:
					tb.Errorf("%s: %s: %s is %q, want yes or no", accessFile, cells[0], columns[i], c)
				}
			}
			m[cells[0]] = allowed
			order = append(order, cells[0])
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	want := append(roleNames(auth.AllRoles), "anonymous")
	if !slices.Equal(sorted(columns), sorted(want)) {
		tb.Fatalf("%s: columns %v, want the six roles and anonymous", accessFile, columns)
	}
	return m, order
}

func roleNames(roles []auth.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = string(r)
	}
	return out
}

// rootField is a Query or Mutation field of the schema with the roles of its @hasRole.
type rootField struct {
	name  string // "Query.decisions"
	field string // "decisions"
	roles []string
	def   *ast.FieldDefinition
}

// schemaRootFields lists the Query and Mutation fields of the schema in schema order.
func schemaRootFields(tb testing.TB) []rootField {
	tb.Helper()
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}).Schema()
	var out []rootField
	for _, typ := range []*ast.Definition{schema.Query, schema.Mutation} {
		for _, f := range typ.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			rf := rootField{name: typ.Name + "." + f.Name, field: f.Name, def: f}
			if d := f.Directives.ForName("hasRole"); d != nil {
				if arg := d.Arguments.ForName("roles"); arg != nil && arg.Value != nil {
					for _, c := range arg.Value.Children {
						rf.roles = append(rf.roles, c.Value.Raw)
					}
				}
			}
			out = append(out, rf)
		}
	}
	return out
}

// TestAccessMatrixMatchesSchema: ACCESS.md lists exactly the schema's Query and Mutation fields,
// each with the roles of its @hasRole, and anonymous callers nowhere.
func TestAccessMatrixMatchesSchema(t *testing.T) {
	matrix, _ := readAccessMatrix(t)
	fields := schemaRootFields(t)
	inSchema := map[string]bool{}
	for _, f := range fields {
		inSchema[f.name] = true
		allowed, ok := matrix[f.name]
		if !ok {
			t.Errorf("%s is not in %s: every field needs its row (deny by default)", f.name, accessFile)
			continue
		}
		if f.roles == nil {
			t.Errorf("%s has no @hasRole rule", f.name)
		}
		var written []string
		for r, yes := range allowed {
			if yes && r != "anonymous" {
				written = append(written, r)
			}
		}
		if !slices.Equal(sorted(written), sorted(f.roles)) {
			t.Errorf("%s: %s allows %v, its @hasRole %v", f.name, accessFile, sorted(written), sorted(f.roles))
		}
		if allowed["anonymous"] {
			t.Errorf("%s: %s allows anonymous callers, which @hasRole cannot", f.name, accessFile)
		}
	}
	for name := range matrix {
		if !inSchema[name] {
			t.Errorf("%s lists %s, which the schema does not have", accessFile, name)
		}
	}
}

// TestAccessMatrix calls every Query and Mutation field as each of the six roles and as an
// anonymous caller, and checks each answer against ACCESS.md: allowed callers get an answer
// without errors, refused roles FORBIDDEN and anonymous callers UNAUTHENTICATED, with no data.
func TestAccessMatrix(t *testing.T) {
	matrix, _ := readAccessMatrix(t)
	fields := schemaRootFields(t)
	eachDialect(t, func(t *testing.T, dialect string) {
		e := newFieldEnv(t, newTestApp(t, dialect, 20))
		for _, f := range fields {
			s, ok := fieldSamples[f.name]
			if !ok {
				t.Errorf("%s has no sample in fieldSamples: add one so that its access is tested", f.name)
				continue
			}
			for _, caller := range append(roleNames(auth.AllRoles), "anonymous") {
				allowed := matrix[f.name][caller]
				role := auth.Role(caller)
				if caller == "anonymous" {
					role = ""
				}
				t.Run(f.name+"/"+caller, func(t *testing.T) {
					c := e.caller(t, role, s.signedIn)
					r, _ := e.send(t, c, s.query, s.variables(t, e, c))
					checkAccess(t, f.field, r, role, allowed)
				})
			}
		}
	})
}

// checkAccess checks one answer of field called by role ("" for anonymous) against allowed.
func checkAccess(t *testing.T, field string, r *gqlResponse, role auth.Role, allowed bool) {
	t.Helper()
	wantStatus := http.StatusOK
	if role == "" && !allowed {
		wantStatus = http.StatusUnauthorized
	}
	if r.Status != wantStatus {
		t.Fatalf("status %d, want %d: %s", r.Status, wantStatus, errorsJSON(r))
	}
	if allowed {
		if len(r.Errors) > 0 {
			t.Errorf("allowed, but answered with errors: %s", errorsJSON(r))
		}
		return
	}
	want := graph.CodeForbidden
	if role == "" {
		want = graph.CodeUnauthenticated
	}
	if r.code() != want || len(r.Errors) != 1 {
		t.Errorf("want exactly one %s error, got %s", want, errorsJSON(r))
	}
	if v := dataField(t, r, field); v != "null" {
		t.Errorf("refused, but data.%s = %s", field, truncate(v, 200))
	}
}

// fieldSample is a valid call of one root field. variables may prepare what the call needs
// (a fresh user to change, a decision to read) and may depend on the caller.
type fieldSample struct {
	query string
	vars  func(tb testing.TB, e *fieldEnv, c *apiCaller) map[string]any
	// signedIn marks fields for signed-in users: a role calls them with the session of a fresh
	// user holding only that role (SERVICE, which no staff account needs, with its token).
	signedIn bool
}

func (s *fieldSample) variables(tb testing.TB, e *fieldEnv, c *apiCaller) map[string]any {
	if s.vars == nil {
		return nil
	}
	return s.vars(tb, e, c)
}

// fieldSamples holds a sample of every Query and Mutation field, keyed "Type.field".
var fieldSamples = map[string]fieldSample{
	"Query.viewer": {query: `{ viewer { name roles } }`},
	"Query.decision": {query: `query($id: ID!) { decision(id: $id) { id outcome breakdown reasons { code } repayment { status class events { eventId } } } }`,
		vars: func(_ testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.decisionID}
		}},
	"Query.decisionByReference": {query: `query($ref: String!) { decisionByReference(reference: $ref) { id reference } }`,
		vars: func(_ testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"ref": e.reference}
		}},
	"Query.catalogDraft": {query: `query($id: ID!) { catalogDraft(id: $id) { id status revision changes { kind } } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newCatalogDraft(tb, approval.StatusDraft)}
		}},
	"Query.catalogDrafts":         {query: `{ catalogDrafts(first: 5) { nodes { id status texts { code } } pageInfo { hasNextPage } } }`},
	"Query.catalogVersion":        {query: `{ catalogVersion { version current texts { code locale audience text { title } } frames { locale part text } } }`},
	"Mutation.createCatalogDraft": {query: `mutation { createCatalogDraft { id status revision } }`},
	"Mutation.editCatalogText": {query: `mutation($id: ID!, $text: MessageTextInput!) { editCatalogText(id: $id, revision: 1, code: INCOME_INSUFFICIENT, locale: "en-GB", audience: SHOPPER, text: $text) { id revision changes { kind } } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newCatalogDraft(tb, approval.StatusDraft), "text": sampleCatalogText}
		}},
	"Mutation.editCatalogFrame": {query: `mutation($id: ID!) { editCatalogFrame(id: $id, revision: 1, locale: "en-GB", part: REFERENCE, text: "Your reference: {reference}.") { id revision frameChanges { locale part text } } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newCatalogDraft(tb, approval.StatusDraft)}
		}},
	"Mutation.submitCatalogDraft": {query: `mutation($id: ID!) { submitCatalogDraft(id: $id, revision: 1) { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newCatalogDraft(tb, approval.StatusDraft)}
		}},
	"Mutation.approveCatalogDraft": {query: `mutation($id: ID!) { approveCatalogDraft(id: $id) { id status publishedVersion } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newCatalogDraft(tb, approval.StatusSubmitted)}
		}},
	"Mutation.rejectCatalogDraft": {query: `mutation($id: ID!) { rejectCatalogDraft(id: $id, comment: "not now") { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newCatalogDraft(tb, approval.StatusSubmitted)}
		}},
	"Query.catalogDiff":    {query: `{ catalogDiff(from: 1, to: 1) { code locale audience kind before { title } after { title } } }`},
	"Query.previewMessage": {query: `{ previewMessage(code: INCOME_INSUFFICIENT, locale: "sv-SE") { locale title body steps } }`},
	"Query.markets":        {query: `{ markets { code name currency hasDecisions } }`},
	"Query.agentDecision": {query: `query($ref: String!) { agentDecision(reference: $ref, locale: "sv-SE") { reference outcome guidanceLocale notes } }`,
		vars: func(_ testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"ref": e.reference}
		}},
	"Query.explanation": {query: `query($ref: String!) { explanation(reference: $ref, locale: "de-DE") { reference outcome locale title summary factors { factor name met margin text } changes } }`,
		vars: func(_ testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"ref": e.reference}
		}},
	"Query.decisions": {query: `{ decisions(first: 3) { nodes { id outcome merchant { name } } pageInfo { hasNextPage } } }`},
	"Query.thresholdVersion": {query: `query($id: ID!) { thresholdVersion(id: $id) { id version rules { cutoff } } }`,
		vars: func(_ testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.thresholdVersionID}
		}},
	"Query.thresholdVersions":      {query: `{ thresholdVersions(market: "SE", first: 3) { nodes { status version { id version } activations { activatedAt } } pageInfo { hasNextPage } } }`},
	"Query.activeThresholdVersion": {query: `{ activeThresholdVersion(market: "SE") { status version { id version } } }`},
	"Query.thresholdDraft": {query: `query($id: ID!) { thresholdDraft(id: $id) { id status revision rules { cutoff } } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newDraft(tb, approval.StatusDraft).id}
		}},
	"Query.thresholdDrafts": {query: `{ thresholdDrafts(first: 3) { nodes { id status } pageInfo { hasNextPage } } }`},
	"Query.thresholdDiff": {query: `query($from: ThresholdSetRef!, $to: ThresholdSetRef!) { thresholdDiff(from: $from, to: $to) { measuredValue oldCutoff newCutoff } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			d := e.newDraft(tb, approval.StatusDraft)
			return map[string]any{"from": map[string]any{"versionId": d.baseVersionID}, "to": map[string]any{"draftId": d.id}}
		}},
	"Query.whatIfStatus": {query: `{ whatIfStatus { loaded total ready } }`},
	"Query.simulate": {query: `query($p: [ThresholdRuleInput!]!) { simulate(market: "SE", proposal: $p) { assessed declineRateNow declineRateProposed days { day }
		approvalRateNow badDefinition { version } outcomesNow { mature badRate loss } swapSet { swapIn { inferred inferredBad } } immatureShare inference { available } } }`,
		vars: func(testing.TB, *fieldEnv, *apiCaller) map[string]any { return map[string]any{"p": proposalOf("SE")} }},
	"Query.sensitivity": {query: `query($p: [ThresholdRuleInput!]!) { sensitivity(market: "SE", measuredValue: BUREAU_SCORE, proposal: $p, points: 5) { assessed points { cutoff declineRate approvalRate badRate lossRate }
		nowPoint { approvalRate } proposedPoint { badRate } badDefinition { windowMonths } } }`,
		vars: func(testing.TB, *fieldEnv, *apiCaller) map[string]any { return map[string]any{"p": proposalOf("SE")} }},
	"Query.rejectInference": {query: `{ rejectInference(market: "SE") { market available note samples bads auc coefficients { measuredValue weight } } }`},
	"Query.declineRates": {query: `query($f: AnalyticsFilter!) { declineRates(filter: $f, groupBy: [REASON]) { source series { reason points { bucketStart rate } } } }`,
		vars: analyticsRange},
	"Query.reasonBreakdown": {query: `query($f: AnalyticsFilter!) { reasonBreakdown(filter: $f) { declined reasons { reason share } } }`,
		vars: analyticsRange},
	"Query.thresholdActivations": {query: `{ thresholdActivations(market: "SE", from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { activation { activatedAt } version { version } } }`},
	"Query.activationImpact": {query: `query($v: ID!) { activationImpact(versionId: $v) { realized { rate } predicted { declineRateProposed } outcomes { approved mature realizedBadRate } } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"v": e.newDraft(tb, approval.StatusApproved).publishedVersionID}
		}},
	"Query.vintages":         {query: `{ vintages(market: "SE", groupBy: THRESHOLD_VERSION) { badDefinition { level } activations { market } series { vintage group points { badRate lossRate } } } }`},
	"Query.anomalies":        {query: `{ anomalies(from: "2026-10-01T00:00:00Z", to: "2026-11-20T00:00:00Z", bucket: DAY) { anomalies { market zScore } } }`},
	"Query.exportDecisions":  {query: `{ exportDecisions(filter: {market: "SE"}) { url } }`},
	"Query.users":            {query: `{ users(first: 5) { nodes { id username roles } pageInfo { hasNextPage } } }`},
	"Query.apiTokens":        {query: `{ apiTokens(first: 5) { nodes { id name roles } pageInfo { hasNextPage } } }`},
	"Query.auditEvents":      {query: `{ auditEvents(first: 5) { nodes { id action outcome } pageInfo { hasNextPage } } }`},
	"Query.verifyAuditChain": {query: `{ verifyAuditChain { ok checked } }`},
	"Query.verifyDecisions":  {query: `{ verifyDecisions { ok checked unsealed } }`},

	"Mutation.assessPurchase": {query: assessMutation, vars: func(_ testing.TB, _ *fieldEnv, _ *apiCaller) map[string]any {
		return map[string]any{"input": purchaseInput("SE", 1200, nil), "key": uniqueKey("matrix")}
	}},
	"Mutation.createUser": {query: `mutation($in: CreateUserInput!) { createUser(input: $in) { id username roles } }`,
		vars: func(_ testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"in": map[string]any{"username": e.newName("created"), "displayName": "Created In Test",
				"password": accounts.NewPassword(), "roles": []string{"ANALYST"}}}
		}},
	"Mutation.setUserRoles": {query: `mutation($id: ID!) { setUserRoles(id: $id, roles: [ANALYST, AUDITOR]) { id roles } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newUser(tb, false)}
		}},
	"Mutation.disableUser": {query: `mutation($id: ID!) { disableUser(id: $id) { id disabledAt } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newUser(tb, false)}
		}},
	"Mutation.enableUser": {query: `mutation($id: ID!) { enableUser(id: $id) { id disabledAt } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newUser(tb, true)}
		}},
	"Mutation.changePassword": {signedIn: true,
		query: `mutation($current: String!, $new: String!) { changePassword(currentPassword: $current, newPassword: $new) }`,
		vars: func(_ testing.TB, _ *fieldEnv, c *apiCaller) map[string]any {
			return map[string]any{"current": c.password, "new": accounts.NewPassword()}
		}},
	"Mutation.createApiToken": {query: `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { token { id name } secret } }`,
		vars: func(_ testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"in": map[string]any{"name": e.newName("token"), "roles": []string{"AUDITOR"}}}
		}},
	"Mutation.revokeApiToken": {query: `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newToken(tb)}
		}},
	"Mutation.createThresholdDraft": {query: `mutation { createThresholdDraft(market: "SE") { id status revision } }`},
	"Mutation.editThresholdDraft": {query: `mutation($id: ID!, $rules: [ThresholdRuleInput!]!) { editThresholdDraft(id: $id, revision: 1, rules: $rules) { id revision } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			d := e.newDraft(tb, approval.StatusDraft)
			return map[string]any{"id": d.id, "rules": d.rules}
		}},
	"Mutation.submitThresholdDraft": {query: `mutation($id: ID!) { submitThresholdDraft(id: $id, revision: 1, rationale: "sample") { id status impact { available } } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newDraft(tb, approval.StatusDraft).id}
		}},
	"Mutation.approveThresholdDraft": {query: `mutation($id: ID!) { approveThresholdDraft(id: $id) { id status publishedVersionId } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newDraft(tb, approval.StatusSubmitted).id}
		}},
	"Mutation.rejectThresholdDraft": {query: `mutation($id: ID!) { rejectThresholdDraft(id: $id, comment: "not now") { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newDraft(tb, approval.StatusSubmitted).id}
		}},
	"Mutation.activateThresholdVersion": {query: `mutation($id: ID!, $at: Time!) { activateThresholdVersion(id: $id, at: $at) { id activatedAt } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			// Far ahead, and a different instant for every call: activations of a market never tie.
			at := time.Now().UTC().AddDate(50, 0, 0).Add(time.Duration(e.seq.Add(1)) * time.Second)
			return map[string]any{"id": e.newDraft(tb, approval.StatusApproved).publishedVersionID, "at": at}
		}},
	"Mutation.recordOutcomes": {query: recordOutcomesMutation,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			a := e.ta.approvedPurchase(tb)
			return map[string]any{"events": []map[string]any{outcomeEvent(a.DecisionID, "sample", a.CreatedAt.Add(time.Second), "CURRENT", 120000, 0, "SEK")}}
		}},
	"Query.reviewPolicies": {query: `{ reviewPolicies { market offered required windowDays answerDays secondReviewAbove currency } }`},
	"Query.reviewCases":    {query: `{ reviewCases(first: 5, filter: {overdue: false}) { nodes { id status overdue decision { id reasons { code } } notices { kind } } pageInfo { hasNextPage } } }`},
	"Query.reviewCase": {query: `query($id: ID!) { reviewCase(id: $id) { id status statement decision { id breakdown } notices { kind body } } }`,
		vars: func(tb testing.TB, e *fieldEnv, c *apiCaller) map[string]any {
			return map[string]any{"id": e.reviewCaseIn(tb, c, "OPEN")}
		}},
	"Query.overturnRates": {query: `query($f: OverturnRateFilter!) { overturnRates(filter: $f) { market reason decided overturned rate } }`,
		vars: analyticsRange},
	"Mutation.requestReview": {query: requestReviewMutation,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"ref": e.declined(tb).Reference, "st": "sample", "loc": "sv-SE", "key": uniqueKey("matrix")}
		}},
	"Mutation.claimReviewCase": {query: `mutation($id: ID!) { claimReviewCase(id: $id) { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, c *apiCaller) map[string]any {
			return map[string]any{"id": e.reviewCaseIn(tb, c, "OPEN")}
		}},
	"Mutation.decideReviewCase": {query: `mutation($id: ID!) { decideReviewCase(id: $id, outcome: UPHOLD, reason: "sample") { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, c *apiCaller) map[string]any {
			return map[string]any{"id": e.reviewCaseIn(tb, c, "IN_REVIEW")}
		}},
	"Mutation.approveOverturn": {query: `mutation($id: ID!) { approveOverturn(id: $id) { id status newDecision { id kind } } }`,
		vars: func(tb testing.TB, e *fieldEnv, c *apiCaller) map[string]any {
			return map[string]any{"id": e.reviewCaseIn(tb, c, "PENDING_SECOND_REVIEW")}
		}},
	"Mutation.rejectOverturn": {query: `mutation($id: ID!) { rejectOverturn(id: $id, comment: "sample") { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, c *apiCaller) map[string]any {
			return map[string]any{"id": e.reviewCaseIn(tb, c, "PENDING_SECOND_REVIEW")}
		}},
	"Mutation.linkStaffShopper": {query: `mutation($id: ID!) { linkStaffShopper(userId: $id, shopperId: "s-staff-sample") }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newUser(tb, false)}
		}},
	"Mutation.unlinkStaffShopper": {query: `mutation($id: ID!) { unlinkStaffShopper(userId: $id, shopperId: "s-staff-sample") }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newUser(tb, false)}
		}},
	// Issue 17: shadows and challenger splits, in SE (see experiments_test.go for the helpers).
	"Query.thresholdShadows": {query: `{ thresholdShadows(market: "SE", first: 5) { id market running startedBy version { status version { id version } } } }`},
	"Query.thresholdShadow": {query: `query($id: ID!) { thresholdShadow(id: $id) { id running endsAt version { version { id } } } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newShadow(tb)}
		}},
	"Query.marketExperiments": {query: `{ marketExperiments { market shadows { id running } split { id percent running } } }`},
	"Query.thresholdSplits":   {query: `{ thresholdSplits(market: "SE", first: 5) { id percent running requestId version { version { id } } } }`},
	"Query.thresholdSplitRequest": {query: `query($id: ID!) { thresholdSplitRequest(id: $id) { id status percent rationale author } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newSplitRequest(tb)}
		}},
	"Query.thresholdSplitRequests": {query: `{ thresholdSplitRequests(first: 5) { nodes { id status } pageInfo { hasNextPage endCursor } } }`},
	"Mutation.startThresholdShadow": {query: `mutation($v: ID!) { startThresholdShadow(versionId: $v) { id running } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			e.freeShadowSlots(tb)
			return map[string]any{"v": e.newDraft(tb, approval.StatusApproved).publishedVersionID}
		}},
	"Mutation.stopThresholdShadow": {query: `mutation($id: ID!) { stopThresholdShadow(id: $id) { id running stoppedAt stoppedBy } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newShadow(tb)}
		}},
	"Mutation.requestThresholdSplit": {query: `mutation($v: ID!) { requestThresholdSplit(versionId: $v, percent: 10, rationale: "sample") { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"v": e.newDraft(tb, approval.StatusApproved).publishedVersionID}
		}},
	"Mutation.approveThresholdSplitRequest": {query: `mutation($id: ID!) { approveThresholdSplitRequest(id: $id) { id status reviewer } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newSplitRequest(tb)}
		}},
	"Mutation.rejectThresholdSplitRequest": {query: `mutation($id: ID!) { rejectThresholdSplitRequest(id: $id, comment: "not now") { id status } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newSplitRequest(tb)}
		}},
	"Mutation.stopThresholdSplit": {query: `mutation { stopThresholdSplit(market: "SE") { id running endedBy } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			e.runningSplit(tb)
			return nil
		}},
	"Mutation.rollbackThresholdVersion": {query: `mutation($id: ID!) { rollbackThresholdVersion(market: "SE", versionId: $id, emergency: false) { draft { id status } } }`,
		vars: func(tb testing.TB, e *fieldEnv, _ *apiCaller) map[string]any {
			return map[string]any{"id": e.newDraft(tb, approval.StatusApproved).publishedVersionID}
		}},
}

// fieldEnv is a console with what the samples read: a decision, its reference and threshold
// version.
type fieldEnv struct {
	ta                 *testApp
	decisionID         string
	reference          string
	thresholdVersionID string
	seq                atomic.Int64

	// otherReviewer is a second REVIEWER, signed in on first use (reviewCaseIn).
	otherReviewerOnce sync.Once
	otherReviewer     *apiCaller
}

func newFieldEnv(tb testing.TB, ta *testApp) *fieldEnv {
	tb.Helper()
	var out struct {
		Decisions struct {
			Nodes []struct {
				ID               string `json:"id"`
				Reference        string `json:"reference"`
				ThresholdVersion struct {
					ID string `json:"id"`
				} `json:"thresholdVersion"`
			} `json:"nodes"`
		} `json:"decisions"`
	}
	decodeData(tb, ta.gql(tb, auth.Auditor, `{ decisions(first: 1) { nodes { id reference thresholdVersion { id } } } }`, nil), &out)
	if len(out.Decisions.Nodes) == 0 {
		tb.Fatal("no decisions to sample")
	}
	d := out.Decisions.Nodes[0]
	return &fieldEnv{ta: ta, decisionID: d.ID, reference: d.Reference, thresholdVersionID: d.ThresholdVersion.ID}
}

// systemContext acts as the server itself, for setting up accounts and tokens.
func systemContext() context.Context {
	return auth.WithPrincipal(context.Background(), auth.SystemPrincipal("test"))
}

// newName returns a fresh valid username or token name.
func (e *fieldEnv) newName(prefix string) string {
	return fmt.Sprintf("%s.%d", prefix, e.seq.Add(1))
}

// newUser creates an ANALYST account, disabled if asked, and returns its id.
func (e *fieldEnv) newUser(tb testing.TB, disabled bool) string {
	tb.Helper()
	u, err := e.ta.Accounts.CreateUser(systemContext(), accounts.NewUser{Username: e.newName("target"), DisplayName: "Target",
		Password: accounts.NewPassword(), Roles: []auth.Role{auth.Analyst}})
	if err != nil {
		tb.Fatal(err)
	}
	if disabled {
		if _, err := e.ta.Accounts.DisableUser(systemContext(), u.ID); err != nil {
			tb.Fatal(err)
		}
	}
	return fmt.Sprint(u.ID)
}

// newToken creates an AUDITOR API token and returns its id.
func (e *fieldEnv) newToken(tb testing.TB) string {
	tb.Helper()
	tok, _, err := e.ta.Accounts.CreateToken(systemContext(), accounts.NewToken{Name: e.newName("target"), Roles: []auth.Role{auth.Auditor}})
	if err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprint(tok.ID)
}

// apiCaller is who sends a request: anonymous, a demo API token, or a signed-in user.
type apiCaller struct {
	role     auth.Role // "" for anonymous
	token    string
	session  string
	password string // of the signed-in user
}

// caller returns a caller holding role: a fresh signed-in user when signedIn (except for
// SERVICE), else the harness's caller of the role (see testApp.caller); anonymous when role is "".
func (e *fieldEnv) caller(tb testing.TB, role auth.Role, signedIn bool) *apiCaller {
	tb.Helper()
	if signedIn && role != "" && role != auth.Service {
		return e.signIn(tb, role)
	}
	return e.ta.caller(tb, role)
}

// signIn creates a user holding roles and signs it in through POST /auth/login.
func (e *fieldEnv) signIn(tb testing.TB, roles ...auth.Role) *apiCaller {
	tb.Helper()
	name, password := e.newName(strings.ToLower(string(roles[0]))), accounts.NewPassword()
	if _, err := e.ta.Accounts.CreateUser(systemContext(), accounts.NewUser{Username: name, DisplayName: "Signed In",
		Password: password, Roles: roles}); err != nil {
		tb.Fatal(err)
	}
	return e.logIn(tb, name, password, roles[0])
}

// logIn opens a new session of user name through POST /auth/login; role is the role the caller
// is sampled for.
func (e *fieldEnv) logIn(tb testing.TB, name, password string, role auth.Role) *apiCaller {
	tb.Helper()
	body, _ := json.Marshal(map[string]string{"username": name, "password": password})
	req, err := http.NewRequest(http.MethodPost, e.ta.Server.URL+"/auth/login", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", e.ta.Server.URL)
	resp, err := e.ta.Server.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("login %s: status %d: %s", name, resp.StatusCode, b)
	}
	for _, c := range resp.Cookies() {
		if c.Name == auth.SessionCookieName && c.Value != "" {
			return &apiCaller{role: role, session: c.Value, password: password}
		}
	}
	tb.Fatalf("login %s: no session cookie", name)
	return nil
}

// send posts a GraphQL request as c with a fresh X-Request-ID, and returns the answer and that id.
func (e *fieldEnv) send(tb testing.TB, c *apiCaller, query string, vars map[string]any) (*gqlResponse, string) {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, e.ta.Server.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	id := fmt.Sprintf("test-%d", e.seq.Add(1))
	req.Header.Set(httpapi.RequestIDHeader, id)
	c.authorize(req, e.ta.Server.URL)
	resp, err := e.ta.Server.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	out := &gqlResponse{Status: resp.StatusCode}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		tb.Fatalf("decode response (status %d): %v", resp.StatusCode, err)
	}
	checkNoSQL(tb, out)
	return out, id
}

// proposalOf is the default threshold set of market as a simulate proposal.
func proposalOf(code string) []map[string]any {
	m, _ := market.Lookup(code)
	set := engine.DefaultSet(m)
	out := make([]map[string]any, len(set.Rules))
	for i, r := range set.Rules {
		out[i] = map[string]any{"measuredValue": r.Measure.String(), "comparator": r.Comparator.String(), "cutoff": r.Cutoff, "enabled": r.Enabled}
	}
	return out
}

// analyticsRange is the variables of an analytics sample: the demo's last 30 days.
func analyticsRange(testing.TB, *fieldEnv, *apiCaller) map[string]any {
	return map[string]any{"f": map[string]any{"from": testEnd.Add(-30 * 24 * time.Hour), "to": testEnd}}
}
