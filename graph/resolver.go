// Package graph is the GraphQL API: the schema under schema/, thin resolvers that call one
// service each, the @hasRole directive, per-request dataloaders and the one error presenter.
package graph

import (
	"riskconsole/internal/accounts"
	"riskconsole/internal/analytics"
	"riskconsole/internal/auditlog"
	"riskconsole/internal/catalog"
	"riskconsole/internal/decisions"
	"riskconsole/internal/erasure"
	"riskconsole/internal/experiments"
	"riskconsole/internal/outcomes"
	"riskconsole/internal/retention"
	"riskconsole/internal/reviews"
	"riskconsole/internal/thresholds"
	"riskconsole/internal/whatif"
)

// Resolver is the one place dependencies are injected.
type Resolver struct {
	DecisionService *decisions.Service
	// Catalog is the current reason catalog, for previews.
	Catalog *catalog.Current
	// CatalogLifecycle runs catalog drafts, approvals and publications.
	CatalogLifecycle *catalog.Lifecycle
	// AgentService answers support agents' decision look-ups and records each one.
	AgentService *decisions.AgentService
	// Explainer explains decisions to shoppers and records each request.
	Explainer        *decisions.Explainer
	ThresholdService *thresholds.Service
	// ThresholdLifecycle runs threshold drafts, approvals, activations and rollbacks.
	ThresholdLifecycle *thresholds.Lifecycle
	// Experiments starts and stops shadows and runs challenger split requests.
	Experiments    *thresholds.ExperimentLifecycle
	AuditService   *auditlog.Service
	AccountService *accounts.Service
	// AnalyticsService answers decline-rate questions from the rollups.
	AnalyticsService *analytics.Service
	// ComparisonService compares shadow runs with the live decisions and reports a split's arms.
	ComparisonService *experiments.Service
	// WhatIfService replays proposed threshold sets over the in-memory history.
	WhatIfService *whatif.Service
	// BadDefinitionService answers which bad definition is in force in each market and runs its
	// drafts through maker-checker.
	BadDefinitionService *outcomes.DefinitionService
	// OutcomeService records repayment events and reads a decision's repayment.
	OutcomeService *outcomes.Ingest
	// ReviewService runs review cases: requests, claims, decisions and second reviews.
	ReviewService *reviews.Service
	// Retention runs retention policies and legal holds, and answers the retention plan.
	Retention *retention.Service
	// Erasure records and carries out the erasure of shoppers.
	Erasure *erasure.Service
}
