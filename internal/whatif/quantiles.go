package whatif

import (
	"slices"
	"strconv"

	"riskconsole/internal/engine"
)

// maxQuantileSample bounds the rows Quantiles reads: every k-th row of the window, so that a
// slider's axis costs a few milliseconds at a million decisions and stays the same for the same
// window (no randomness).
const maxQuantileSample = 1 << 16

// Quantiles returns the distinct values of measure m at n evenly spaced quantiles (0, 1/(n-1),
// …, 1, nearest rank) among rows [lo, hi) of s, ascending; NaN values are left out, and an
// empty window gives none. They are the axis of the threshold editor's slider: skewed measures
// (money, ratios with a long tail) get as much of the track where decisions are dense as where
// they are sparse. Every row counts, whatever the other rules, so the axis does not move as
// they change.
func Quantiles(s *Snapshot, lo, hi int, m engine.Measure, n int) []float64 {
	lo, hi = max(lo, 0), min(hi, s.n)
	if lo >= hi || n < 2 {
		return nil
	}
	stride := max(1, (hi-lo+maxQuantileSample-1)/maxQuantileSample)
	vals := make([]float32, 0, (hi-lo)/stride+1)
	for i := lo; i < hi; i += stride {
		if v := s.Value(i, m); v == v {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return nil
	}
	slices.Sort(vals)
	out := make([]float64, 0, n)
	for i := 0; i < n; i++ {
		v := shortest(vals[(len(vals)-1)*i/(n-1)])
		if len(out) == 0 || v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// shortest widens v to the float64 its shortest decimal form names (0.45, not
// 0.44999998807907104), so that an axis reads as the values were written; float32(shortest(v))
// is v again.
func shortest(v float32) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(float64(v), 'g', -1, 32), 64)
	return f
}

// PointsAt returns the curve's points at cutoffs, in their order.
func (cv *Curve) PointsAt(cutoffs []float64) []Point {
	pts := make([]Point, len(cutoffs))
	for i, c := range cutoffs {
		pts[i] = cv.At(c)
	}
	return pts
}

// CurvePoints returns n points of cv, a curve over w: at the window's quantiles of its measure
// when quantiles is set (the editor's slider axis), else (and for a window without values)
// evenly spaced.
func (w *Window) CurvePoints(cv *Curve, n int, quantiles bool) []Point {
	if quantiles {
		if q := Quantiles(w.Snapshot, w.Lo, w.Hi, cv.Measure, n); len(q) > 0 {
			return cv.PointsAt(q)
		}
	}
	return cv.Points(n)
}
