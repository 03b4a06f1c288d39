package whatif

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sync/atomic"
	"unsafe"
)

// dictSize is the number of distinct values of one measure that a chunk keeps as one-byte codes.
// Most measures are whole numbers in a narrow range (flags, months, counts, years): a chunk of
// theirs holds a few dozen distinct values, and a byte per row is a quarter of the float32
// column's memory and of the bytes a simulation reads.
const dictSize = 256

// column holds one measure's values in a chunk: while the chunk has seen at most dictSize distinct
// values of the measure, a byte per row indexing a dictionary of the exact float32 values (codes,
// dict); from the first value past that, the float32 values themselves (f). The dictionary keeps
// every value bit for bit (NaN payloads and the sign of zero included), so comparing dict[code]
// is comparing the value: the encoding changes no answer. A column's codes and dictionary entries
// are written once, before the rows using them are published; a column turns into float32 values
// by being replaced (chunk.cols), so a reader that loaded the coded column may go on using it for
// the rows it covers.
type column struct {
	f     *[chunkSize]float32 // the values; nil while coded
	codes *[chunkSize]uint8
	dict  *[dictSize]float32
	n     atomic.Int32 // dictionary entries written, published after them
	// ranked is set on a full chunk's coded column without NaN, whose dictionary is sorted: a
	// code is then its value's rank, and the rows failing a rule are those whose code is below
	// (GTE) or at or above (LTE) one code, compared eight codes at once (failRanks).
	ranked bool
	// idx finds a value's code from its bits while the chunk fills (open addressing, code+1; 0
	// is empty); only the writer uses it, and it is dropped once the chunk is full.
	idx *[2 * dictSize]uint16
}

// columnBytes is what a column takes apart from its arrays.
const columnBytes = int64(unsafe.Sizeof(column{}))

// bytes returns the memory the column holds.
func (col *column) bytes(withIdx bool) int64 {
	b := columnBytes
	if col.f != nil {
		return b + 4*chunkSize
	}
	b += chunkSize + 4*dictSize
	if withIdx {
		b += 2 * 2 * dictSize
	}
	return b
}

func newCodedColumn() *column {
	return &column{codes: new([chunkSize]uint8), dict: new([dictSize]float32), idx: new([2 * dictSize]uint16)}
}

// setValue stores value v of measure m at offset off (called by set only, under the history's
// append lock).
func (c *chunk) setValue(m, off int, v float32) {
	col := c.cols[m].Load()
	if col == nil {
		col = newCodedColumn()
		c.cols[m].Store(col)
	}
	if col.f == nil {
		if code, ok := col.code(v); ok {
			col.codes[off] = code
			if off == chunkSize-1 {
				col.idx = nil
				if r := col.rank(); r != nil {
					c.cols[m].Store(r)
				}
			}
			return
		}
		col = col.widen(off)
		c.cols[m].Store(col)
	}
	col.f[off] = v
}

// code returns the code of v, adding it to the dictionary when it is new; ok is false when the
// dictionary is full.
func (col *column) code(v float32) (uint8, bool) {
	b := math.Float32bits(v)
	h := b * 0x9e3779b1 >> (32 - bits.Len(2*dictSize-1))
	for ; ; h = (h + 1) & (2*dictSize - 1) {
		e := col.idx[h]
		if e == 0 {
			break
		}
		if math.Float32bits(col.dict[e-1]) == b {
			return uint8(e - 1), true
		}
	}
	n := col.n.Load()
	if n == dictSize {
		return 0, false
	}
	col.dict[n] = v
	col.idx[h] = uint16(n + 1)
	col.n.Store(n + 1)
	return uint8(n), true
}

// rank returns the column with its dictionary sorted and its codes renumbered to match (nil when
// a value is NaN, which no order places: it fails every comparison).
func (col *column) rank() *column {
	n := int(col.n.Load())
	var order [dictSize]uint8
	for e := range n {
		if col.dict[e] != col.dict[e] {
			return nil
		}
		order[e] = uint8(e)
	}
	slices.SortFunc(order[:n], func(x, y uint8) int { return cmp.Compare(col.dict[x], col.dict[y]) })
	r := &column{codes: new([chunkSize]uint8), dict: new([dictSize]float32), ranked: true}
	var to [dictSize]uint8
	for k, e := range order[:n] {
		r.dict[k] = col.dict[e]
		to[e] = uint8(k)
	}
	for i, x := range col.codes {
		r.codes[i] = to[x]
	}
	r.n.Store(int32(n))
	return r
}

// widen returns a float32 column holding the decoded values of rows [0, off).
func (col *column) widen(off int) *column {
	f := new([chunkSize]float32)
	for i, x := range col.codes[:off] {
		f[i] = col.dict[x]
	}
	return &column{f: f}
}

// value returns measure m of row off of c.
func (c *chunk) value(m, off int) float32 {
	col := c.cols[m].Load()
	if col.f != nil {
		return col.f[off]
	}
	return col.dict[col.codes[off]]
}

// floats returns measure m of rows [off, off+k) of c (k at most blockSize) as float32 values: the
// column itself, or its codes decoded into buf.
func (c *chunk) floats(m, off, k int, buf *[blockSize]float32) []float32 {
	col := c.cols[m].Load()
	if col.f != nil {
		return col.f[off : off+k]
	}
	d := col.dict
	for j, x := range col.codes[off : off+k] {
		buf[j] = d[x]
	}
	return buf[:k]
}

// failBits writes into out the bitmap of rows [off, off+k) of c failing job j and returns how
// many fail, as failBits does for a float32 column; a coded column compares each dictionary
// entry once and looks its rows' answers up.
func (c *chunk) failBits(off, k int, j *job, out []uint64) uint64 {
	col := c.cols[j.m].Load()
	if col.f != nil {
		return failBits(col.f[off:off+k], j, out)
	}
	// The entries past n are not read: every code of a published row is below n.
	dict := col.dict[:col.n.Load()]
	if col.ranked {
		// The failing values are a prefix of the sorted dictionary (GTE) or a suffix (LTE).
		t := 0
		for t < len(dict) && !(dict[t]*j.sign >= j.cut) == (j.sign > 0) {
			t++
		}
		return failRanks(col.codes[off:off+k], t, j.sign < 0, out)
	}
	var fail [dictSize]uint64
	for e, v := range dict {
		fail[e] = b2u(!(v*j.sign >= j.cut))
	}
	return failCodes(col.codes[off:off+k], &fail, out)
}

// failCodes is failBits over coded values: fail[code] is 1 for the codes whose value fails.
func failCodes(codes []uint8, fail *[dictSize]uint64, out []uint64) uint64 {
	full := len(codes) / 64
	for w := range full {
		v := (*[64]uint8)(codes[w*64:])
		var x uint64
		for g := 0; g < 64; g += 8 {
			// Sums weighted by powers of two, as in passGTE64.
			lo := fail[v[g]] + 2*fail[v[g+1]] + 4*(fail[v[g+2]]+2*fail[v[g+3]])
			hi := fail[v[g+4]] + 2*fail[v[g+5]] + 4*(fail[v[g+6]]+2*fail[v[g+7]])
			x |= (lo + 16*hi) << g
		}
		out[w] = x
	}
	var x uint64
	for i, code := range codes[full*64:] {
		x |= fail[code] << i
	}
	return tailCount(out, full, x)
}

// failRanks is failBits over ranked codes: the failing rows are those whose code is below t, or at
// or above t when above is set (t at most dictSize). Eight codes are compared at once in a word,
// byte by byte without borrows between bytes, and their eight answers gathered into a byte by one
// multiplication: a few instructions for eight rows, where a float32 column takes a comparison a
// row.
func failRanks(codes []uint8, t int, above bool, out []uint64) uint64 {
	const lo7, hi1 = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	if t == dictSize { // no code is at or above t
		if above {
			clear(out)
			return 0
		}
		t, above = 0, true
	}
	// flip turns "at or above t" into the failures.
	var flip uint64 = hi1
	if above {
		flip = 0
	}
	tt := uint64(t) * 0x0101010101010101
	ntt, tl := ^tt, tt&lo7
	full := len(codes) / 64
	for w := range full {
		v := (*[64]uint8)(codes[w*64:])
		out[w] = ranksBelow(v[0:], ntt, tl, flip) | ranksBelow(v[8:], ntt, tl, flip)<<8 |
			ranksBelow(v[16:], ntt, tl, flip)<<16 | ranksBelow(v[24:], ntt, tl, flip)<<24 |
			ranksBelow(v[32:], ntt, tl, flip)<<32 | ranksBelow(v[40:], ntt, tl, flip)<<40 |
			ranksBelow(v[48:], ntt, tl, flip)<<48 | ranksBelow(v[56:], ntt, tl, flip)<<56
	}
	var x uint64
	for i, code := range codes[full*64:] {
		x |= b2u(int(code) >= t != !above) << i
	}
	return tailCount(out, full, x)
}

// ranksBelow returns the answers of failRanks for the eight codes at the start of v, one bit each:
// ntt is the complement of the bound in every byte, tl its low seven bits.
func ranksBelow(v []uint8, ntt, tl, flip uint64) uint64 {
	const hi1 = 0x8080808080808080
	y := binary.LittleEndian.Uint64(v)
	d := (y | hi1) - tl // a byte's high bit: its low seven bits at or above the bound's
	ge := (y&ntt | (y^ntt)&d) & hi1
	// Byte i's answer, moved to bit 0 of the byte, lands on bit 56+i of the product.
	return ((ge ^ flip) >> 7) * 0x0102040810204080 >> 56
}

// measureBytes returns the memory the measure columns of c hold; open says whether c is still
// filling (its coded columns keep their writer's index).
func (c *chunk) measureBytes(open bool) int64 {
	var b int64
	for m := range c.cols {
		if col := c.cols[m].Load(); col != nil {
			b += col.bytes(open)
		}
	}
	return b
}
