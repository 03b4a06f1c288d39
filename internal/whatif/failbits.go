package whatif

import (
	"math/bits"

	"riskconsole/internal/engine"
)

// blockWords is the number of 64-bit words of a bitmap of a block's rows.
const blockWords = blockSize / 64

// blockBits are the bitmaps of a block's rows that tally needs (bit j%64 of word j/64 for the
// block's row j): which rows each set declines, and which may need their principal reasons
// ranked. Everything Simulate counts is then a population count over words, and only the
// per-category counts and the rare rows are visited one by one.
type blockBits struct {
	a, b [blockWords]uint64 // rows declined under the baseline and under the proposal
	// many holds the rows that may fail more than MaxReasons rules of either set (a superset:
	// on the full path, the rows failing more than MaxReasons jobs), which rare ranks.
	many [blockWords]uint64
}

// The at-least counters of fill are written for MaxReasons == 4.
var _ = [1]struct{}{}[engine.MaxReasons-4]

// fill builds the bitmaps of rows [off, off+k) of c from the jobs js, one column at a time, and
// adds the rows failing job q to fails[q].
func (bb *blockBits) fill(c *chunk, off, k int, js []job, fails []uint64) {
	nw := (k + 63) / 64
	a, b, many := bb.a[:nw], bb.b[:nw], bb.many[:nw]
	clear(a)
	clear(b)
	clear(many)
	// ge1..ge4 hold the rows failing at least 1..4 of the jobs so far.
	var x, ge1, ge2, ge3, ge4 [blockWords]uint64
	for q := range js {
		j := &js[q]
		fails[q] += c.failBits(off, k, j, x[:nw])
		if j.bit&0xffff != 0 {
			for w, xw := range x[:nw] {
				a[w] |= xw
			}
		}
		if j.bit>>16 != 0 {
			for w, xw := range x[:nw] {
				b[w] |= xw
			}
		}
		for w, xw := range x[:nw] {
			many[w] |= ge4[w] & xw
			ge4[w] |= ge3[w] & xw
			ge3[w] |= ge2[w] & xw
			ge2[w] |= ge1[w] & xw
			ge1[w] |= xw
		}
	}
}

// wordRange returns the bits of word w that lie in rows [j0, j1) of a block.
func wordRange(w, j0, j1 int) uint64 {
	m := ^uint64(0)
	if lo := j0 - w*64; lo > 0 {
		m <<= uint(lo)
	}
	if hi := j1 - w*64; hi < 64 {
		m &= 1<<uint(hi) - 1
	}
	return m
}

// rows tallies rows [j0, j1) of a block of one day (rows [off, ...) of c, numbered from first in
// the snapshot) from its bitmaps. The rare work (sampling flips until the samples are full,
// ranking rows failing more than MaxReasons rules) visits only the rows that need it.
func (t *tally) rows(bb *blockBits, j0, j1 int, c *chunk, off, first int, d *Counts, a, b *rules) {
	cat := c.category[off : off+j1]
	var na, nb, a2d int
	var slow bool
	wantA2D, wantD2A := len(t.sampleA2D) < MaxSamples, len(t.sampleD2A) < MaxSamples
	for w := j0 >> 6; w <= (j1-1)>>6; w++ {
		m := wordRange(w, j0, j1)
		aw, bw := bb.a[w]&m, bb.b[w]&m
		na += bits.OnesCount64(aw)
		nb += bits.OnesCount64(bw)
		a2d += bits.OnesCount64(bw &^ aw)
		for x := aw; x != 0; x &= x - 1 {
			t.catAcc[cat[w*64+bits.TrailingZeros64(x)]] += 1 << packBits
		}
		for x := bw; x != 0; x &= x - 1 {
			t.catAcc[cat[w*64+bits.TrailingZeros64(x)]] += 1 << (2 * packBits)
		}
		slow = slow || bb.many[w]&m != 0 || wantA2D && bw&^aw != 0 || wantD2A && aw&^bw != 0
	}
	if !t.catsDone {
		for _, g := range cat[j0:j1] {
			t.catAcc[g]++
		}
	}
	d.add(&Counts{Assessed: j1 - j0, BaselineDeclined: na, ProposedDeclined: nb})
	t.a2d += a2d
	if slow {
		t.rare(bb, j0, j1, c, off, first, a, b)
	}
}

// rare does the rare work of rows: it samples flips while samples are wanted, and counts the
// failed rules the ranking leaves out of rows failing more than MaxReasons rules of a set.
func (t *tally) rare(bb *blockBits, j0, j1 int, c *chunk, off, first int, a, b *rules) {
	for w := j0 >> 6; w <= (j1-1)>>6; w++ {
		m := wordRange(w, j0, j1)
		aw, bw := bb.a[w]&m, bb.b[w]&m
		x := bb.many[w] & m
		if len(t.sampleA2D) < MaxSamples {
			x |= bw &^ aw
		}
		if len(t.sampleD2A) < MaxSamples {
			x |= aw &^ bw
		}
		for ; x != 0; x &= x - 1 {
			z := bits.TrailingZeros64(x)
			j, bit := w*64+z, uint64(1)<<z
			switch {
			case aw&bit == 0 && bw&bit != 0:
				if len(t.sampleA2D) < MaxSamples {
					t.sampleA2D = append(t.sampleA2D, first+j)
				}
			case aw&bit != 0 && bw&bit == 0:
				if len(t.sampleD2A) < MaxSamples {
					t.sampleD2A = append(t.sampleD2A, first+j)
				}
			}
			if bb.many[w]&bit == 0 {
				continue
			}
			if fa := rowFailed(a, c, off+j); bits.OnesCount16(fa) > engine.MaxReasons {
				dropUnranked(&t.dropA, a, fa, c, off+j)
			}
			if fb := rowFailed(b, c, off+j); bits.OnesCount16(fb) > engine.MaxReasons {
				dropUnranked(&t.dropB, b, fb, c, off+j)
			}
		}
	}
}

// failBitsScalar is the portable kernel of fill: it writes into out the bitmap of the rows of
// col failing job j (the bits past len(col) clear) and returns how many fail. A bitmap costs a
// comparison, a shift and an or a row with nothing held across rows but the word being built,
// where a per-row mask is read, or-ed and written back for every job.
func failBitsScalar(col []float32, j *job, out []uint64) uint64 {
	full := len(col) / 64
	if j.sign > 0 {
		for w := range full {
			out[w] = ^passGTE64((*[64]float32)(col[w*64:]), j.cut)
		}
	} else {
		k := -j.cut // the cut-off itself: -v >= -cut is v <= cut, exactly
		for w := range full {
			out[w] = ^passLTE64((*[64]float32)(col[w*64:]), k)
		}
	}
	var x uint64
	for i, v := range col[full*64:] {
		if !(v*j.sign >= j.cut) {
			x |= 1 << i
		}
	}
	return tailCount(out, full, x)
}

// tailCount stores tail, the bitmap of the rows past the whole words of a kernel's bitmap, in
// out[full] when out has that word, clears the words after it, and returns the number of rows
// set in out: the end every kernel of failBits shares.
func tailCount(out []uint64, full int, tail uint64) uint64 {
	if full < len(out) {
		out[full] = tail
		clear(out[full+1:])
	}
	var n uint64
	for _, x := range out {
		n += uint64(bits.OnesCount64(x))
	}
	return n
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// passGTE64 returns the bitmap of the values of v at or above k (NaN is not), eight at a time so
// that the compiler keeps the comparisons independent.
func passGTE64(v *[64]float32, k float32) uint64 {
	var x uint64
	for g := 0; g < 64; g += 8 {
		// Sums of bits weighted by powers of two compile to LEA instructions.
		lo := b2u(v[g] >= k) + 2*b2u(v[g+1] >= k) + 4*(b2u(v[g+2] >= k)+2*b2u(v[g+3] >= k))
		hi := b2u(v[g+4] >= k) + 2*b2u(v[g+5] >= k) + 4*(b2u(v[g+6] >= k)+2*b2u(v[g+7] >= k))
		x |= (lo + 16*hi) << g
	}
	return x
}

// passLTE64 returns the bitmap of the values of v at or below k (NaN is not).
func passLTE64(v *[64]float32, k float32) uint64 {
	var x uint64
	for g := 0; g < 64; g += 8 {
		// Sums of bits weighted by powers of two compile to LEA instructions.
		lo := b2u(v[g] <= k) + 2*b2u(v[g+1] <= k) + 4*(b2u(v[g+2] <= k)+2*b2u(v[g+3] <= k))
		hi := b2u(v[g+4] <= k) + 2*b2u(v[g+5] <= k) + 4*(b2u(v[g+6] <= k)+2*b2u(v[g+7] <= k))
		x |= (lo + 16*hi) << g
	}
	return x
}
