package model

// AgreementCell is one cell of a shadow comparison's agreement table. The unexported fields say
// which decisions its samples are: the shadow run and the arm the comparison was asked for.
type AgreementCell struct {
	Agreement Agreement `json:"agreement"`
	Decisions int       `json:"decisions"`
	Share     float64   `json:"share"`
	Mature    *int      `json:"mature,omitempty"`
	Bad       *int      `json:"bad,omitempty"`
	BadRate   *float64  `json:"badRate,omitempty"`

	ShadowID int64
	Arm      *Arm
}
