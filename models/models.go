// Package models holds the gorm row structs: the shape of the tables and nothing else, one struct
// per table (internal/store's TestModelsMatchTables checks it against the migrated tables of both
// databases). They never leave internal/store; services and GraphQL see domain values mapped
// explicitly.
package models

import "time"

// ThresholdVersion is an immutable threshold set version of a market. Rules is the JSON list of
// rules.
type ThresholdVersion struct {
	ID        int64
	Market    string
	Version   int
	Rules     string
	Author    string
	Approver  string
	Rationale string
	CreatedAt time.Time
}

// ThresholdActivation puts a threshold version in force for its market from ActivatedAt on.
// Emergency marks a rollback that activated an earlier version without a new approval.
type ThresholdActivation struct {
	ID                 int64
	Market             string
	ThresholdVersionID int64
	ActivatedAt        time.Time
	ActivatedBy        string
	Emergency          bool
	CreatedAt          time.Time
}

// ApprovalColumns are the columns of an item under the maker-checker workflow
// (internal/approval), which every such table (threshold_drafts, catalog_drafts) holds; its row
// embeds them. AuthorPerson and ReviewerPerson name the people maker-checker compares, Author and
// Reviewer the subjects (login or token) they acted through.
type ApprovalColumns struct {
	ID             int64 `gorm:"primaryKey"`
	Status         string
	Revision       int
	Author         string
	AuthorPerson   string
	Reviewer       string
	ReviewerPerson string
	ReviewComment  string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// ThresholdDraft is a proposed threshold set of a market on its way through maker-checker. Rules
// is the JSON list of rules, Impact the JSON what-if impact stored when it was submitted.
type ThresholdDraft struct {
	Approval           ApprovalColumns `gorm:"embedded"`
	Market             string
	BaseVersionID      int64
	Rules              string
	Rationale          string
	Impact             *string
	PublishedVersionID *int64
	SubmittedAt        *time.Time
	ReviewedAt         *time.Time
}

// ReasonCode is a principal-reason code of the catalog.
type ReasonCode struct {
	Code     string `gorm:"primaryKey"`
	Factor   string
	Severity string
	Rank     int
}

// CatalogVersion is a published, immutable version of the reason catalog.
type CatalogVersion struct {
	ID          int64
	Version     int
	Author      string
	PublishedAt time.Time
}

// CatalogDraft is a proposed catalog version on its way through maker-checker. Texts is the JSON
// list of its texts.
type CatalogDraft struct {
	Approval         ApprovalColumns `gorm:"embedded"`
	BaseVersion      int
	Texts            string
	PublishedVersion *int
}

// CatalogMessage is one text of a catalog version: a reason code's message for one locale and
// audience (SHOPPER or AGENT). Steps is a JSON array of strings.
type CatalogMessage struct {
	CatalogVersionID int64  `gorm:"primaryKey"`
	ReasonCode       string `gorm:"primaryKey"`
	Locale           string `gorm:"primaryKey"`
	Audience         string `gorm:"primaryKey"`
	Title            string
	Body             string
	Steps            string
}

// CatalogFrame is one part (TITLE, INTRO, HUMAN_REVIEW, FCRA …) of a catalog version's pop-up
// frame in one locale.
type CatalogFrame struct {
	CatalogVersionID int64  `gorm:"primaryKey"`
	Locale           string `gorm:"primaryKey"`
	Part             string `gorm:"primaryKey"`
	Text             string
}

// Decision is one immutable assessment.
type Decision struct {
	ID                 string `gorm:"primaryKey"`
	Reference          string
	IdempotencyKey     string
	RequestHash        string
	CreatedAt          time.Time
	Market             string
	Currency           string
	AmountMinor        int64
	MerchantID         string
	MerchantName       string
	MerchantCategory   string
	ShopperID          string
	ShopperLocale      string
	Channel            string
	MeasuredValues     // bureau_score … (generated: measures_gen.go)
	Outcome            string
	Reasons            string
	ReasonMask         int
	ThresholdVersionID int64
	CatalogVersionID   int64
	MessageLocale      string
	MessageTitle       string
	MessageBody        string
	MessageSteps       string
	BureauReport       string // JSON of the bureau's answer the notices used; '' when none was sent
	Kind               string // AUTOMATED or MANUAL_REVIEW
	Overturns          string // the id of the decision a MANUAL_REVIEW one overturned; '' otherwise
	Reviewer           string // the reviewer of a MANUAL_REVIEW decision
	ReviewReason       string // the reviewer's reason of a MANUAL_REVIEW decision
	Arm                string // CHAMPION or CHALLENGER while a split ran; '' otherwise
	ShadowResults      string // the shadows' outcomes (decisions.EncodeShadowResults); '' when none ran
	Seal               string // "<key id>:<MAC of the content>"; '' for a decision stored before the console had a key
}

// APIToken is a hashed API token with its roles (comma separated).
type APIToken struct {
	ID         int64
	Name       string
	TokenHash  string
	Roles      string
	CreatedAt  time.Time
	ExpiresAt  *time.Time
	RevokedAt  *time.Time
	LastUsedAt *time.Time
	CreatedBy  string
	Owner      string
}

// User is a staff account. Roles is comma separated; PasswordHash is an argon2id PHC string.
type User struct {
	ID           int64
	Username     string
	DisplayName  string
	PasswordHash string
	Roles        string
	CreatedAt    time.Time
	CreatedBy    string
	DisabledAt   *time.Time
	// Person is set for a user signed in through an OpenID Connect provider ("oidc:…"); nil for
	// a local account.
	Person *string
}

// OIDCFlow is a sign-in through an OpenID Connect provider under way (migration 20).
type OIDCFlow struct {
	StateHash   string `gorm:"primaryKey"`
	BrowserHash string
	Nonce       string
	Verifier    string
	ExpiresAt   time.Time
	// NextPath is the console path the callback sends the browser to (migration 21); '' for "/".
	NextPath string
}

// Setting is a setting an ADMIN changes in the console (migration 20).
type Setting struct {
	Name      string `gorm:"primaryKey"`
	Value     string
	UpdatedAt time.Time
	UpdatedBy string
}

// TableName is oidc_flows.
func (OIDCFlow) TableName() string { return "oidc_flows" }

// Session is a console session; ID is the SHA-256 of the cookie's secret.
type Session struct {
	ID         string `gorm:"primaryKey"`
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	RevokedAt  *time.Time
	ClientAddr string
	UserAgent  string
}

// AuditEvent is one entry of the tamper-evident audit log. Before and After are JSON or nil.
type AuditEvent struct {
	ID         int64
	At         time.Time
	Actor      string
	ActorRoles string
	Action     string
	EntityType string
	EntityID   string
	Before     *string
	After      *string
	RequestID  string
	ClientAddr string
	Outcome    string
	PrevHash   string
	Hash       string
	KeyID      string // id of the key of Hash; '' for a plain SHA-256 hash
}

// RollupMarketHour counts the decisions of one market in one hour (Hour: hours since the Unix
// epoch, UTC). Like the other rollups it is written and read by aggregate statements only
// (internal/store/rollups.go).
type RollupMarketHour struct {
	Hour     int64
	Market   string
	Assessed int64
	Declined int64
}

// TableName is the table's name, which is singular.
func (RollupMarketHour) TableName() string { return "rollup_market_hour" }

// RollupReasonHour counts the decisions of one market in one hour by principal reason ("" for
// approvals).
type RollupReasonHour struct {
	Hour            int64
	Market          string
	PrincipalReason string
	Assessed        int64
	Declined        int64
}

// TableName is the table's name, which is singular.
func (RollupReasonHour) TableName() string { return "rollup_reason_hour" }

// RollupMerchantHour counts the decisions of one merchant and channel in one hour.
type RollupMerchantHour struct {
	Hour             int64
	Market           string
	MerchantCategory string
	MerchantID       string
	Channel          string
	Assessed         int64
	Declined         int64
}

// TableName is the table's name, which is singular.
func (RollupMerchantHour) TableName() string { return "rollup_merchant_hour" }

// RollupHour counts the decisions of one hour at the full grain: market, category, channel,
// principal reason and threshold version.
type RollupHour struct {
	Hour               int64
	Market             string
	MerchantCategory   string
	Channel            string
	PrincipalReason    string
	ThresholdVersionID int64
	Arm                string // the split's arm; '' for decisions made while none ran
	Assessed           int64
	Declined           int64
}

// TableName is the table's name, which is singular.
func (RollupHour) TableName() string { return "rollup_hour" }

// RollupState is the rollups' one row: the watermark up to which decisions are counted (a
// transaction id on PostgreSQL, a row id on SQLite) and when a pass last moved it.
type RollupState struct {
	ID         int64
	Watermark  int64
	AdvancedAt *time.Time
	// OutcomeWatermark is the same position in outcome_events, for the vintage rollups.
	OutcomeWatermark int64
}

// TableName is the table's name, which is singular.
func (RollupState) TableName() string { return "rollup_state" }

// OutcomeEvent is one append-only repayment event of an approved decision (internal/outcomes).
// (DecisionID, EventID) is the key. The table also has a column per database for the vintage
// aggregator's watermark, which no model field carries: xid (the writing transaction) on
// PostgreSQL, id (the rowid, in insertion order) on SQLite. DecisionCreatedAt is the decision's
// created_at, the events' partition key on PostgreSQL (migration 13).
type OutcomeEvent struct {
	DecisionID        string `gorm:"primaryKey"`
	EventID           string `gorm:"primaryKey"`
	ObservedAt        time.Time
	Status            string
	OutstandingMinor  int64
	WrittenOffMinor   int64
	Currency          string
	RecordedAt        time.Time
	DecisionCreatedAt time.Time
}

// BadDefinition is an immutable version of a market's definition of a bad decision. Level is the
// least severe status that counts (LATE_60_89: ever 60 or more days late).
type BadDefinition struct {
	ID           int64
	Market       string
	Version      int
	Level        string
	WindowMonths int
	Author       string
	Approver     string
	Rationale    string
	CreatedAt    time.Time
}

// BadDefinitionDraft is a proposed bad definition on its way through maker-checker.
type BadDefinitionDraft struct {
	Approval           ApprovalColumns `gorm:"embedded"`
	Market             string
	BaseVersionID      *int64
	Level              string
	WindowMonths       int
	Rationale          string
	PublishedVersionID *int64
}

// RollupVintage counts the approvals of a vintage (the UTC month of the decisions, Unix seconds).
type RollupVintage struct {
	Month              int64
	Market             string
	MerchantCategory   string
	ThresholdVersionID int64
	Approved           int64
	ApprovedMinor      int64
}

// TableName is the table's name, which is singular.
func (RollupVintage) TableName() string { return "rollup_vintage" }

// RollupVintageOutcome counts, for a vintage and a month since the decision (Mob), the decisions
// that first reached each level in that month and the change of the amount written off in it.
type RollupVintageOutcome struct {
	Month              int64
	Market             string
	MerchantCategory   string
	ThresholdVersionID int64
	Mob                int
	Reached30          int64 `gorm:"column:reached_30"`
	Reached60          int64 `gorm:"column:reached_60"`
	Reached90          int64 `gorm:"column:reached_90"`
	ChargedOff         int64
	WrittenOffMinor    int64
}

// TableName is the table's name, which is singular.
func (RollupVintageOutcome) TableName() string { return "rollup_vintage_outcome" }

// ReviewPolicy is a market's rules for human review of automated decisions.
type ReviewPolicy struct {
	Market                 string `gorm:"primaryKey"`
	Offered                bool
	Required               bool
	WindowDays             int
	AnswerDays             int
	SecondReviewAboveMinor int64
	UpdatedAt              time.Time
}

// ReviewCase is a shopper's request for a human review of a decision, and its review.
type ReviewCase struct {
	ID                   int64
	DecisionID           string
	DecisionReference    string
	Market               string
	PrincipalReason      string
	AmountMinor          int64
	Currency             string
	Locale               string
	Statement            string
	IdempotencyKey       string
	RequestedBy          string
	RequestedByPerson    string
	RequestedAt          time.Time
	DueAt                time.Time
	SecondReviewRequired bool
	Status               string
	Reviewer             string
	ReviewerPerson       string
	ClaimedAt            *time.Time
	Outcome              string
	Reason               string
	DecidedAt            *time.Time
	SecondReviewer       string
	SecondReviewerPerson string
	SecondComment        string
	SecondReviewedAt     *time.Time
	NewDecisionID        *string
	UpdatedAt            time.Time
}

// ReviewNotice is a notice sent to the shopper about a review case, exactly as sent.
type ReviewNotice struct {
	CaseID    int64  `gorm:"primaryKey"`
	Kind      string `gorm:"primaryKey"`
	Locale    string
	Title     string
	Body      string
	CreatedAt time.Time
}

// StaffShopperLink ties a staff account to a pseudonymous shopper id of its own.
type StaffShopperLink struct {
	UserID    int64  `gorm:"primaryKey"`
	ShopperID string `gorm:"primaryKey"`
	CreatedBy string
	CreatedAt time.Time
}

// ThresholdShadow is one run of an approved version in shadow in its market.
type ThresholdShadow struct {
	ID        int64
	Market    string
	VersionID int64
	StartedAt time.Time
	StartedBy string
	EndsAt    *time.Time
	StoppedAt *time.Time
	StoppedBy string
}

// ThresholdSplitRequest asks to start, change or end a market's challenger split.
type ThresholdSplitRequest struct {
	Approval  ApprovalColumns `gorm:"embedded"`
	Market    string
	VersionID int64
	Percent   int
	Rationale string
}

// ThresholdSplit is one period of a market's challenger split.
type ThresholdSplit struct {
	ID        int64
	Market    string
	VersionID int64
	Percent   int
	RequestID *int64
	StartedAt time.Time
	StartedBy string
	EndedAt   *time.Time
	EndedBy   string
}

// RollupShadowHour counts a shadow version's decisions of one UTC hour by arm and by the principal
// reasons the live decision and the shadow named (” for an approval).
type RollupShadowHour struct {
	VersionID    int64
	Hour         int64
	Market       string
	Arm          string
	LiveReason   string
	ShadowReason string
	Assessed     int64
}

// TableName is the table's name, which is singular.
func (RollupShadowHour) TableName() string { return "rollup_shadow_hour" }

// RetentionPolicyRequest proposes a new retention policy of a market (issue 18).
type RetentionPolicyRequest struct {
	Approval           ApprovalColumns `gorm:"embedded"`
	Market             string
	KeepMonths         int
	AfterRetention     string
	Rationale          string
	BaseVersion        int
	PublishedVersionID *int64
}

// RetentionPolicy is one immutable version of a market's retention policy.
type RetentionPolicy struct {
	ID             int64
	Market         string
	Version        int
	KeepMonths     int
	AfterRetention string
	RequestID      int64
	Author         string
	Approver       string
	Rationale      string
	CreatedAt      time.Time
}

// LegalHold keeps the decisions its filter selects until it is lifted; it carries the approval
// workflow's columns (placed: SUBMITTED by its author; lifted: APPROVED by its reviewer).
type LegalHold struct {
	Approval   ApprovalColumns `gorm:"embedded"`
	Market     string
	FromAt     *time.Time
	ToAt       *time.Time
	ShopperID  string
	MerchantID string
	Reason     string
}

// DecisionKey is a decision's id, idempotency key and reference, unique across the monthly
// partitions of decisions, with the time that names its partition (PostgreSQL; on SQLite a view of
// decisions).
type DecisionKey struct {
	DecisionID     string `gorm:"primaryKey"`
	IdempotencyKey string
	Reference      string
	CreatedAt      time.Time
}

// PurgedMonth is a month whose decisions and outcome events the retention path removed: how many,
// and the digest of the decisions' ids (store.MonthDigest). On SQLite it also has the purge's state
// (PURGING until its last batch).
type PurgedMonth struct {
	Month         time.Time `gorm:"primaryKey"`
	Decisions     int64
	OutcomeEvents int64
	Digest        string
	PurgedAt      time.Time
}

// PurgePermit lets the DELETEs of a purge through SQLite's append-only triggers for one month,
// inside the purge's own transaction only.
type PurgePermit struct {
	MonthStart time.Time
	MonthEnd   time.Time
}

// AnonymisedDecision is a decision kept for statistics after its market's retention ended under
// ANONYMISE (migration 15): no id, reference, shopper or factor values; the month, not the
// instant; the amount as a band of AmountBand. Written by the retention path only.
type AnonymisedDecision struct {
	ID               int64 `gorm:"primaryKey"`
	Market           string
	DecisionMonth    time.Time
	Kind             string
	Channel          string
	MerchantID       string
	MerchantName     string
	MerchantCategory string
	Currency         string
	AmountBand       string
	Outcome          string
	Reasons          string
	AnonymisedAt     time.Time
}

// AmountBand is a band of amounts of anonymised decisions: from LowerMinor (minor units of the
// decision's currency) to the next band's.
type AmountBand struct {
	LowerMinor int64 `gorm:"primaryKey"`
	Label      string
}

// RetentionJobState is the retention job's turn (Holder until LeaseUntil, the next from NextRunAt)
// and its last run; one row.
type RetentionJobState struct {
	ID             int `gorm:"primaryKey"`
	Holder         string
	LeaseUntil     *time.Time
	NextRunAt      *time.Time
	LastStartedAt  *time.Time
	LastFinishedAt *time.Time
	LastSuccessAt  *time.Time
	LastError      string
	// LastRemoved is the last run's removals, JSON (retention.Removal).
	LastRemoved string
}

// TableName keeps the table's singular name.
func (RetentionJobState) TableName() string { return "retention_job_state" }

// RetentionPermit lets retention_remove's DELETEs through the triggers for one market's month,
// inside its own transaction (TxID) only (PostgreSQL).
type RetentionPermit struct {
	TxID       string `gorm:"column:txid"`
	Market     string
	MonthStart time.Time
	MonthEnd   time.Time
}

// RetentionClock shifts the clock of the retention path's own checks of due dates (PostgreSQL,
// migration 18): a row only the owner writes, which tests that play the retention job years
// ahead set. The console never reads or writes it.
type RetentionClock struct {
	ID    int64
	Shift string
}

// TableName keeps the table's singular name.
func (RetentionClock) TableName() string { return "retention_clock" }

// ErasureRequest is a request to unlink a shopper from their decisions (issue 18). ShopperRef is
// the keyed hash of the shopper id; ShopperID the plain id, only while the request waits.
type ErasureRequest struct {
	ID          int64
	ShopperRef  string
	ShopperID   *string
	Reference   string
	RequestedBy string
	RequestedAt time.Time
	State       string
	DueAt       *time.Time
	ErasedNow   int64
	ErasedLater int64
	DoneAt      *time.Time
}

// ErasurePermit lets the UPDATE of an erasure through SQLite's append-only trigger for one
// shopper's decisions, inside the erasure's own transaction only.
type ErasurePermit struct {
	ShopperID string
}
