package whatif

import (
	"encoding/binary"
	"math/bits"
	"sync/atomic"
	"unsafe"

	"riskconsole/internal/engine"
)

// maxFastRules is the most rules a proposal may change against the cached base set for Simulate
// to take the fast path: it reads one column per changed rule instead of one per enabled rule.
const maxFastRules = 4

// baseCache is what lets Simulate answer a proposal that changes few rules of one threshold set
// (the base, normally the set in force) by reading only the changed rules' columns: per decision
// the number of base rules it fails, and per block of blockSize decisions a summary (rows failing
// each base rule, declines, rows per category). A decision's outcome under the proposal is then
// its base count, less the changed rules it fails under the base, plus those it fails under the
// proposal. It costs 0.56 byte per decision (half a byte and the summaries), and a history keeps
// one.
type baseCache struct {
	base rules
	segs atomic.Pointer[[]*baseSeg] // one per chunk; replaced, never modified, when it grows
	n    atomic.Int64               // rows covered; published after their segment entries
}

// baseSeg is the cache of one chunk's rows.
type baseSeg struct {
	// nib holds the number of base rules each row fails, two rows a byte (row 2i in the low
	// half). A byte is written while its block fills, so readers unpack only the blocks that are
	// complete in their view (see counts) and count the others from the values.
	// It is allocated on its own: 8 KB is a size class of the allocator, where the segment in
	// one piece (8.5 KB) would be rounded up to 9.25 KB.
	nib *[chunkSize / 2]uint8
	blk [chunkSize / blockSize]blockSummary
}

// blockSummary sums a block of blockSize rows under the base set. Only fails is kept current
// while the block fills; the rest is written once the block is complete.
type blockSummary struct {
	fails    [engine.NumMeasures]uint16 // rows failing each base rule
	stored   uint16                     // rows declined as decided
	declined uint16                     // rows failing any base rule
	done     bool                       // the fields above are complete
	// cats holds the assessed and declined rows of each category in the block, nil when the
	// block has more than maxBlockCats categories (its rows are then tallied one by one).
	cats []catCount
}

type catCount struct {
	cat                uint8
	assessed, declined uint16
}

// maxBlockCats bounds the category summary of a block: 32 entries of 6 bytes per 2,048 rows,
// 0.1 byte per decision at most.
const maxBlockCats = 32

// bytes returns the memory the segment holds.
func (sg *baseSeg) bytes() int64 {
	b := int64(unsafe.Sizeof(*sg)) + int64(len(sg.nib))
	for i := range sg.blk {
		b += int64(cap(sg.blk[i].cats)) * int64(unsafe.Sizeof(catCount{}))
	}
	return b
}

// counts unpacks the base counts of block bi into dst.
func (sg *baseSeg) counts(bi int, dst *[blockSize]uint8) {
	src := sg.nib[bi*blockSize/2 : (bi+1)*blockSize/2]
	for j, b := range src {
		dst[2*j] = b & 15
		dst[2*j+1] = b >> 4
	}
}

// setCount stores the base count n of row off of the segment (the writer's only).
func (sg *baseSeg) setCount(off int, n uint8) {
	if off&1 == 0 {
		sg.nib[off>>1] = n
	} else {
		sg.nib[off>>1] |= n << 4
	}
}

// summarize completes the summary of block bi of chunk c from the cached counts.
func (sg *baseSeg) summarize(c *chunk, bi int) {
	off := bi * blockSize
	bs := &sg.blk[bi]
	var per [MaxCategories]catCount
	var seen [MaxCategories / 64]uint64
	var stored, declined int
	var buf [blockSize]uint8
	sg.counts(bi, &buf)
	cnt, cat, dec := buf[:], c.category[off:off+blockSize], c.declined[off:off+blockSize]
	for j, n := range cnt {
		g := cat[j]
		seen[g>>6] |= 1 << (g & 63)
		per[g].assessed++
		stored += int(dec[j])
		if n != 0 {
			per[g].declined++
			declined++
		}
	}
	bs.stored, bs.declined = uint16(stored), uint16(declined)
	bs.cats = nil
	ncat := 0
	for _, w := range seen {
		ncat += bits.OnesCount64(w)
	}
	if ncat <= maxBlockCats {
		bs.cats = make([]catCount, 0, ncat)
		for g := range per {
			if seen[g>>6]&(1<<(g&63)) != 0 {
				per[g].cat = uint8(g)
				bs.cats = append(bs.cats, per[g])
			}
		}
	}
	bs.done = true
}

// The count must fit half a byte (a 16th measured value needs a wider count) and the per-block
// counts a uint16.
var (
	_ = [1]struct{}{}[15-engine.NumMeasures]
	_ = uint16(blockSize)
)

// ruleFails reports whether value v fails rule m of p, with the kernels' exact arithmetic.
func ruleFails(p *rules, m int, v float32) bool {
	sign := float32(1)
	if p.lte&(1<<m) != 0 {
		sign = -1
	}
	return !(v*sign >= sign*p.cut[m])
}

// rowFailed returns the mask of p's enabled rules that the values of row off of c fail.
func rowFailed(p *rules, c *chunk, off int) uint16 {
	var f uint16
	for e := p.enabled; e != 0; e &= e - 1 {
		m := bits.TrailingZeros16(e)
		if ruleFails(p, m, c.value(m, off)) {
			f |= 1 << m
		}
	}
	return f
}

// seg returns the segment of chunk ci, adding segments up to it (callers hold the history's
// append lock or own the cache alone).
func (bc *baseCache) seg(ci int) *baseSeg {
	dir := *bc.segs.Load()
	if ci < len(dir) {
		return dir[ci]
	}
	grown := dir[:len(dir):len(dir)]
	for len(grown) <= ci {
		grown = append(grown, &baseSeg{nib: new([chunkSize / 2]uint8)})
	}
	bc.segs.Store(&grown)
	return grown[ci]
}

// addRow caches row i (the next one) of dir; its values are already stored.
func (bc *baseCache) addRow(dir []*chunk, i int) {
	c, off := dir[i>>chunkBits], i&chunkMask
	sg := bc.seg(i >> chunkBits)
	f := rowFailed(&bc.base, c, off)
	sg.setCount(off, uint8(bits.OnesCount16(f)))
	bs := &sg.blk[off/blockSize]
	if off%blockSize == 0 {
		*bs = blockSummary{}
	}
	for ; f != 0; f &= f - 1 {
		bs.fails[bits.TrailingZeros16(f)]++
	}
	if off%blockSize == blockSize-1 {
		sg.summarize(c, off/blockSize)
	}
	bc.n.Store(int64(i + 1))
}

// fill caches rows [0, n) of dir, block by block across the cores.
func (bc *baseCache) fill(dir []*chunk, n int) {
	if n == 0 {
		return
	}
	for ci := 0; ci <= (n-1)>>chunkBits; ci++ {
		bc.seg(ci)
	}
	segs := *bc.segs.Load()
	js := jobs(&bc.base, nil, bc.base.enabled)
	nblk := (n + blockSize - 1) / blockSize
	parallel(0, nblk, workers(n), func(_, blo, bhi int) {
		var mask [blockSize]uint32
		var buf [4][blockSize]float32
		fails := make([]uint64, len(js))
		for bi := blo; bi < bhi; bi++ {
			i := bi * blockSize
			k := min(n-i, blockSize)
			c, sg, off := dir[i>>chunkBits], segs[i>>chunkBits], i&chunkMask
			clear(fails)
			blockMasks(c, off, k, js, mask[:], fails, &buf)
			for j, mj := range mask[:k] {
				sg.setCount(off+j, uint8(bits.OnesCount16(uint16(mj))))
			}
			bs := &sg.blk[off/blockSize]
			*bs = blockSummary{}
			for q, j := range js {
				bs.fails[j.m] = uint16(fails[q])
			}
			if k == blockSize {
				sg.summarize(c, off/blockSize)
			}
		}
	})
	bc.n.Store(int64(n))
}

// SetBase makes set the base of the history's fast path: Simulate against a baseline equal to set
// then reads only the columns of the rules a proposal changes. Building the cache for a new base
// reads the whole history once (about one full simulation) while the old cache stays in use;
// setting the same base again costs nothing. Appends keep the cache current.
func (h *History) SetBase(set *engine.ThresholdSet) {
	p := prepare(set)
	h.baseMu.Lock()
	defer h.baseMu.Unlock()
	if old := h.base.Load(); old != nil && old.base == p {
		return
	}
	bc := &baseCache{base: p}
	bc.segs.Store(new([]*baseSeg))
	n0 := int(h.n.Load())
	bc.fill(*h.chunks.Load(), n0)
	// The rows appended meanwhile are added under the append lock, so that every row after the
	// cache is published is added by Append.
	h.mu.Lock()
	defer h.mu.Unlock()
	dir := *h.chunks.Load()
	for i := n0; i < int(h.n.Load()); i++ {
		bc.addRow(dir, i)
	}
	h.base.Store(bc)
}

// PrepareBase makes set the base in the background (see SetBase) unless it already is or is
// being made so, and returns at once: a simulation against a new set in force takes the full
// path until the cache is built.
func (h *History) PrepareBase(set *engine.ThresholdSet) {
	p := prepare(set)
	if bc := h.base.Load(); bc != nil && bc.base == p {
		return
	}
	h.pendingMu.Lock()
	defer h.pendingMu.Unlock()
	if h.pending != nil && *h.pending == p {
		return
	}
	h.pending = &p
	cp := *set
	go func() {
		h.SetBase(&cp)
		h.pendingMu.Lock()
		if h.pending != nil && *h.pending == p {
			h.pending = nil
		}
		h.pendingMu.Unlock()
	}()
}

// baseView is a snapshot's view of the base cache.
type baseView struct {
	c    *baseCache
	segs []*baseSeg
	n    int
}

// view returns the cache as it is now (the zero view for nil).
func (bc *baseCache) view() baseView {
	if bc == nil {
		return baseView{}
	}
	n := int(bc.n.Load()) // first: the segments it covers were published before it
	return baseView{c: bc, segs: *bc.segs.Load(), n: n}
}

// changedRules returns the rules whose failures differ between a and b.
func changedRules(a, b *rules) uint16 {
	var ch uint16
	for m := 0; m < engine.NumMeasures; m++ {
		if (a.enabled|b.enabled)&(1<<m) != 0 && !same(a, b, m) {
			ch |= 1 << m
		}
	}
	return ch
}

// fastPath reports whether rows [lo, hi) of s under baseline a can be replayed from the base
// cache, and the rules the proposal b changes.
func (s *Snapshot) fastPath(hi int, a, b *rules) (uint16, bool) {
	if s.base.c == nil || s.base.n < hi || s.base.c.base != *a {
		return 0, false
	}
	ch := changedRules(a, b)
	return ch, bits.OnesCount16(ch) <= maxFastRules
}

// runFast is run for the fast path: it builds each block's bitmaps from the base counts and the
// changed rules' columns (cjs, the jobs of the changed rules) instead of every column. Whole
// blocks are tallied from their summaries and the rows that flip (see classify). t.ufails
// receives the rows failing each job of ujs, the base rules the proposal leaves unchanged: from
// the summaries, and from the columns for the blocks the window cuts.
func (t *tally) runFast(s *Snapshot, lo, hi int, a, b *rules, cjs, ujs []job) {
	t.fails = make([]uint64, len(cjs))
	ufails := make([]uint64, len(ujs))
	var bb blockBits
	var scratch [blockSize]uint32
	var buf [4][blockSize]float32
	var idx [2 * blockSize]uint16
	var cnt [blockSize]uint8
	nch := bits.OnesCount16(changedOf(cjs))
	one := oneRule(cjs)
	t.setDay(s.At(lo))
	for i := lo; i < hi; {
		c, sg, off := s.chunks[i>>chunkBits], s.base.segs[i>>chunkBits], i&chunkMask
		k := min(hi-i, blockSize-off%blockSize)
		bs := &sg.blk[off/blockSize]
		if k == blockSize {
			for q := range ujs {
				ufails[q] += uint64(bs.fails[ujs[q].m])
			}
		} else {
			blockMasks(c, off, k, ujs, scratch[:], ufails, &buf)
		}
		if k == blockSize && t.out == nil && bs.done && bs.cats != nil {
			nib := sg.nib[off/2 : (off+blockSize)/2]
			var n, heavy int
			switch {
			case one != nil:
				n, heavy = classify1(c, off, k, nib, one, t.fails, &idx)
			case nch == 0: // nothing changes: no row flips
				heavy = heavyRows(nib, engine.MaxReasons, &idx)
			default:
				sg.counts(off/blockSize, &cnt)
				blockMasks(c, off, k, cjs, scratch[:], t.fails, &buf)
				n, heavy = classify(scratch[:k], cnt[:], engine.MaxReasons-nch, &idx)
			}
			t.flips(idx[:n], idx[blockSize:heavy], c, off, i, a, b, bs, nib)
			i += k
			continue
		}
		blockMasks(c, off, k, cjs, scratch[:], t.fails, &buf)
		bb.fromCounts(t.blockCounts(s, sg, c, i, off, k, a, &cnt), scratch[:k])
		t.block(&bb, c, off, k, i, a, b)
		i += k
	}
	t.flush()
	t.ufails = ufails
}

// fromCounts builds the bitmaps of a block on the fast path from its rows' base counts (count)
// and the changed rules' failures under the base (low half of chg) and the proposal (high): a
// row failing n base rules fails n, less the changed ones it fails under the base, plus those it
// fails under the proposal. many gets the rows failing more than MaxReasons rules of either set.
func (bb *blockBits) fromCounts(count []uint8, chg []uint32) {
	count = count[:len(chg)]
	nw := (len(chg) + 63) / 64
	clear(bb.a[:nw])
	clear(bb.b[:nw])
	clear(bb.many[:nw])
	for j, cj := range chg {
		nb := int(count[j])
		np := nb - bits.OnesCount16(uint16(cj)) + bits.OnesCount16(uint16(cj>>16))
		w, z := j>>6, uint(j&63)
		bb.a[w] |= b2u(nb > 0) << z
		bb.b[w] |= b2u(np > 0) << z
		bb.many[w] |= b2u(nb > engine.MaxReasons || np > engine.MaxReasons) << z
	}
}

// simulateFast is SimulateOutcomes over the base cache, for proposals changing the rules ch.
func simulateFast(s *Snapshot, lo, hi int, a, b *rules, ch uint16, o *OutcomeParams, res *Result) {
	cjs := jobs(a, b, ch)
	ujs := jobs(a, nil, a.enabled&^ch)
	parts, ndays := tallies(s, lo, hi, o, res, func(t *tally, plo, phi int) {
		t.runFast(s, plo, phi, a, b, cjs, ujs)
	})
	// The unchanged rules fail the same rows under both sets.
	for p := range parts {
		t := &parts[p]
		for q, j := range ujs {
			n := int(t.ufails[q])
			res.BaselineReasons[a.reason[j.m]] += n
			res.ProposedReasons[b.reason[j.m]] += n
		}
	}
	merge(s, lo, hi, a, b, cjs, parts, ndays, res)
}

// changedOf returns the measures the jobs compare.
func changedOf(js []job) uint16 {
	var ch uint16
	for _, j := range js {
		ch |= 1 << j.m
	}
	return ch
}

// classify lists in idx[:n] the rows of a block that flip, and in idx[blockSize:heavy] those
// that may fail more than MaxReasons rules under either set (a base count above limit). A row
// flips only when it fails no unchanged rule (its base count is the changed rules it fails under
// the base) and the changed rules decline it under one set only; its entry has bit 15 set when it
// flips to declined. chg holds the changed rules' failures (base low, proposal high), count the
// base counts.
func classify(chg []uint32, count []uint8, limit int, idx *[2 * blockSize]uint16) (n, heavy int) {
	count = count[:len(chg)]
	heavy = blockSize
	for j, cj := range chg {
		var fa, fb, only, many int
		if uint16(cj) != 0 {
			fa = 1
		}
		if cj>>16 != 0 {
			fb = 1
		}
		if int(count[j]) == bits.OnesCount16(uint16(cj)) {
			only = 1
		}
		if int(count[j]) > limit {
			many = 1
		}
		idx[n] = uint16(j | fb<<15)
		n += only & (fa ^ fb)
		idx[heavy] = uint16(j)
		heavy += many
	}
	return n, heavy
}

// oneJob is the comparison of the one rule a proposal changes, under the base and the proposal.
type oneJob struct {
	m              int
	a, b           *job // nil for a side where the rule is disabled (it fails nothing)
	failsA, failsB int  // indexes of a and b in the jobs (and so in t.fails)
}

// oneRule returns the comparison of cjs when they compare a single rule, else nil.
func oneRule(cjs []job) *oneJob {
	if bits.OnesCount16(changedOf(cjs)) != 1 {
		return nil
	}
	o := &oneJob{m: cjs[0].m}
	for q := range cjs {
		if cjs[q].bit&0xffff != 0 {
			o.a, o.failsA = &cjs[q], q
		}
		if cjs[q].bit>>16 != 0 {
			o.b, o.failsB = &cjs[q], q
		}
	}
	return o
}

// classify1 is classify for one changed rule over a whole block: it compares the rule's column
// (rows [off, off+k) of c) under each set into a bitmap, adding the rows failing it to fails, and visits only the
// rows failing it under one set only (the rows between the two cut-offs) and, through
// heavyRows, those whose base count (nib, the block's packed counts) exceeds MaxReasons-1.
func classify1(c *chunk, off, k int, nib []uint8, o *oneJob, fails []uint64, idx *[2 * blockSize]uint16) (n, heavy int) {
	var fa, fb [blockWords]uint64
	if o.a != nil {
		fails[o.failsA] += c.failBits(off, k, o.a, fa[:])
	}
	if o.b != nil {
		fails[o.failsB] += c.failBits(off, k, o.b, fb[:])
	}
	for w := range blockWords {
		for x := fa[w] ^ fb[w]; x != 0; x &= x - 1 {
			z := bits.TrailingZeros64(x)
			j := w*64 + z
			inB := int(fb[w] >> z & 1)
			// The row flips when the changed rule is the only base rule it fails under the base:
			// its count is 1 when it fails the rule under the base (not under the proposal).
			if int(nib[j>>1]>>(4*(j&1))&15) == 1-inB {
				idx[n] = uint16(j | inB<<15)
				n++
			}
		}
	}
	return n, heavyRows(nib, engine.MaxReasons-1, idx)
}

// heavyRows lists in idx[blockSize:heavy] the rows of a block whose packed base count (nib) is
// above limit (at most 7), sixteen counts a word: a count is above limit when its high bit is set
// or its low three bits plus 7-limit carry into it, which no count carries past its own nibble.
func heavyRows(nib []uint8, limit int, idx *[2 * blockSize]uint16) (heavy int) {
	const _ = uint8(7 - engine.MaxReasons) // the largest limit asked fits the carry
	add := uint64(7-limit) * 0x1111111111111111
	heavy = blockSize
	for i := 0; i < len(nib); i += 8 {
		x := binary.LittleEndian.Uint64(nib[i:])
		for h := (x&0x7777777777777777 + add | x) & 0x8888888888888888; h != 0; h &= h - 1 {
			idx[heavy] = uint16(2*i + bits.TrailingZeros64(h)/4)
			heavy++
		}
	}
	return heavy
}

// flips tallies a whole block (rows [off, off+blockSize) of c, the first numbered first in the
// snapshot) from its summary bs, the rows that flip and the rows that may fail more than
// MaxReasons rules, as classify lists them; the latter are ranked as rare ranks them. A block
// that spans days counts the declines of each day's rows from their packed base counts nib.
func (t *tally) flips(flipped, heavy []uint16, c *chunk, off, first int, a, b *rules, bs *blockSummary, nib []uint8) {
	for _, j := range heavy {
		if fa := rowFailed(a, c, off+int(j)); bits.OnesCount16(fa) > engine.MaxReasons {
			dropUnranked(&t.dropA, a, fa, c, off+int(j))
		}
		if fb := rowFailed(b, c, off+int(j)); bits.OnesCount16(fb) > engine.MaxReasons {
			dropUnranked(&t.dropB, b, fb, c, off+int(j))
		}
	}
	cat := c.category[off : off+blockSize]
	f := 0 // the next entry of flipped
	t.eachDay(c.at[off:off+blockSize], func(j0, j1 int, d *Counts) {
		a2d, d2a := 0, 0
		for ; f < len(flipped) && int(flipped[f]&(1<<15-1)) < j1; f++ {
			e := flipped[f]
			j := int(e & (1<<15 - 1))
			if e>>15 != 0 { // approved under the base, declined under the proposal
				a2d++
				t.cats[cat[j]].ProposedDeclined++
				if len(t.sampleA2D) < MaxSamples {
					t.sampleA2D = append(t.sampleA2D, first+j)
				}
			} else {
				d2a++
				t.cats[cat[j]].ProposedDeclined--
				if len(t.sampleD2A) < MaxSamples {
					t.sampleD2A = append(t.sampleD2A, first+j)
				}
			}
		}
		decl := int(bs.declined)
		if j1-j0 < blockSize {
			decl = nonZeroCounts(nib, j0, j1)
		}
		d.add(&Counts{Assessed: j1 - j0, BaselineDeclined: decl, ProposedDeclined: decl + a2d - d2a})
		t.a2d += a2d
	})
	for _, cc := range bs.cats {
		g := &t.cats[cc.cat]
		g.Assessed += int(cc.assessed)
		g.BaselineDeclined += int(cc.declined)
		g.ProposedDeclined += int(cc.declined)
	}
	t.stored += int(bs.stored)
}

// nonZeroCounts returns the number of rows [j0, j1) of a block whose packed base count (nib) is
// not zero, sixteen a word.
func nonZeroCounts(nib []uint8, j0, j1 int) int {
	n := 0
	for i := j0 / 16 * 8; i < (j1+15)/16*8; i += 8 {
		x := binary.LittleEndian.Uint64(nib[i:])
		x = (x | x>>1 | x>>2 | x>>3) & 0x1111111111111111 // bit 0 of each non-zero count
		// Only the counts of rows [j0, j1): row 2i+p is at bit 4p.
		if lo := j0 - 2*i; lo > 0 {
			x &= ^uint64(0) << (4 * lo)
		}
		if hi := j1 - 2*i; hi < 16 {
			x &= 1<<(4*hi) - 1
		}
		n += bits.OnesCount64(x)
	}
	return n
}

// blockCounts returns the base counts of rows [off, off+k) of c (snapshot rows from i): unpacked
// when their block is complete in the snapshot's view of the cache, else (the block appends are
// filling) counted from the values.
func (t *tally) blockCounts(s *Snapshot, sg *baseSeg, c *chunk, i, off, k int, a *rules, buf *[blockSize]uint8) []uint8 {
	o := off % blockSize
	if i-o+blockSize <= s.base.n {
		sg.counts(off/blockSize, buf)
		return buf[o : o+k]
	}
	for j := range k {
		buf[j] = uint8(bits.OnesCount16(rowFailed(a, c, off+j)))
	}
	return buf[:k]
}
