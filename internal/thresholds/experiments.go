package thresholds

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"time"
)

// Shadows and challenger splits (issue 17): besides the version in force, a market may run up to
// MaxShadows approved versions in shadow, evaluated on every assessment and stored beside the
// decision without changing it, and one challenger version that decides for a share of the
// market's shoppers.

// MaxShadows is the largest number of shadows running in one market at once.
const MaxShadows = 3

// MaxSplitPercent is the largest share of a market's shoppers a challenger may decide for.
const MaxSplitPercent = 50

// Shadow is one run of an approved version in shadow in its market: from StartedAt until it is
// stopped or reaches EndsAt, whichever comes first.
type Shadow struct {
	ID        int64
	Market    string
	VersionID int64
	StartedAt time.Time
	StartedBy string
	EndsAt    *time.Time // the planned end; nil: until stopped
	StoppedAt *time.Time
	StoppedBy string
}

// End returns when the run ends or ended: the earlier of its stop and its planned end, nil while
// neither is set.
func (s *Shadow) End() *time.Time {
	switch {
	case s.StoppedAt == nil:
		return s.EndsAt
	case s.EndsAt == nil || s.StoppedAt.Before(*s.EndsAt):
		return s.StoppedAt
	}
	return s.EndsAt
}

// RunningAt reports whether the run evaluates the assessments made at t.
func (s *Shadow) RunningAt(t time.Time) bool {
	end := s.End()
	return !t.Before(s.StartedAt) && (end == nil || t.Before(*end))
}

// Split is one period of a market's challenger split: VersionID decides for Percent % of the
// market's shoppers from StartedAt until EndedAt.
type Split struct {
	ID        int64
	Market    string
	VersionID int64
	Percent   int
	RequestID int64 // the approved request that started the period
	StartedAt time.Time
	StartedBy string // the request's author
	// ApprovedBy is the request's reviewer; empty for a period not started by a request.
	ApprovedBy string
	EndedAt    *time.Time
	EndedBy    string
}

// RunningAt reports whether the period decides the assessments made at t.
func (s *Split) RunningAt(t time.Time) bool {
	return !t.Before(s.StartedAt) && (s.EndedAt == nil || t.Before(*s.EndedAt))
}

// Arm is the arm of a challenger split that decided a decision.
type Arm string

// Arms. A decision made while no split ran has no arm (ArmNone).
const (
	ArmNone       Arm = ""
	ArmChampion   Arm = "CHAMPION"
	ArmChallenger Arm = "CHALLENGER"
)

// SplitBucket is the shopper's bucket (0-99) in a split of version in market: the first 8 bytes
// of SHA-256 over the three, modulo 100. It depends on nothing else, so a shopper stays in one arm
// while a split of the version lasts, and one in the challenger arm at a share stays there when
// the share grows (the challenger arm is the buckets below the percent).
func SplitBucket(market string, versionID int64, shopperID string) int {
	h := sha256.New()
	h.Write([]byte("riskconsole split\x00" + market + "\x00" + strconv.FormatInt(versionID, 10) + "\x00"))
	h.Write([]byte(shopperID))
	var sum [sha256.Size]byte
	return int(binary.BigEndian.Uint64(h.Sum(sum[:0])[:8]) % 100)
}

// ArmOf returns the arm split assigns the shopper to.
func (s *Split) ArmOf(shopperID string) Arm {
	if SplitBucket(s.Market, s.VersionID, shopperID) < s.Percent {
		return ArmChallenger
	}
	return ArmChampion
}

// experiments is what runs in each market besides the version in force, as last loaded.
type experiments struct {
	shadows map[string][]runningShadow
	splits  map[string]runningSplit
}

type runningShadow struct {
	Shadow
	version *Version
}

type runningSplit struct {
	Split
	version *Version
}

// Experiments is what decides and what shadows an assessment of a market at a time.
type Experiments struct {
	// Shadows are the versions running in shadow, at most MaxShadows, by run id.
	Shadows []*Version
	// Split is the challenger split period running, nil when none; Challenger its version.
	Split      *Split
	Challenger *Version
}

// Experiments returns the shadows and the split of market running at t, from memory.
func (s *Service) Experiments(market string, t time.Time) Experiments {
	e := s.experiments.Load()
	var out Experiments
	for i := range e.shadows[market] {
		r := &e.shadows[market][i]
		if r.RunningAt(t) && len(out.Shadows) < MaxShadows {
			out.Shadows = append(out.Shadows, r.version)
		}
	}
	if r, ok := e.splits[market]; ok && r.RunningAt(t) {
		out.Split, out.Challenger = &r.Split, r.version
	}
	return out
}

// dueShadows returns the open runs, as last loaded, whose planned end is at or before now.
func (s *Service) dueShadows(now time.Time) []Shadow {
	var out []Shadow
	for _, list := range s.experiments.Load().shadows {
		for _, r := range list {
			if r.EndsAt != nil && !r.EndsAt.After(now) {
				out = append(out, r.Shadow)
			}
		}
	}
	return out
}
