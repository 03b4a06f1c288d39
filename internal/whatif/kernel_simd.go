//go:build goexperiment.simd && amd64

package whatif

import (
	"math/bits"
	"simd/archsimd"
)

// Kernel names the comparison kernels of this build: AVX2 vectors of eight values when the
// processor has AVX2, else the portable scalar loops.
var Kernel = kernelName()

var useAVX2 = archsimd.X86.AVX2()

func kernelName() string {
	if useAVX2 {
		return "avx2"
	}
	return "scalar"
}

// fail4 compares eight rows at a time with AVX2 and leaves the last few rows to the scalar
// kernel. The results are bit-identical to the scalar kernel's: VCMPPS with an ordered
// greater-or-equal predicate is false for NaN, exactly like !(v >= c) being true in Go, and the
// multiplication by ±1 is exact. kernel_test.go checks it on edge values.
func fail4(c0, c1, c2, c3 []float32, js []job, mask []uint32, fails []uint64) {
	n := 0
	if useAVX2 {
		n = len(mask) &^ 7
		fail4AVX2(c0[:n], c1[:n], c2[:n], c3[:n], js, mask[:n], fails)
	}
	if n < len(mask) {
		fail4Scalar(c0[n:], c1[n:], c2[n:], c3[n:], js, mask[n:], fails)
	}
}

func fail1(col []float32, j *job, mask []uint32) uint64 {
	n := 0
	var failed uint64
	if useAVX2 {
		n = len(mask) &^ 7
		failed = fail1AVX2(col[:n], j, mask[:n])
	}
	if n < len(mask) {
		failed += fail1Scalar(col[n:], j, mask[n:])
	}
	return failed
}

// failBits compares eight rows at a time with AVX2 (a mask of eight lanes is a byte of the
// bitmap) and leaves the last few rows to the scalar kernel.
func failBits(col []float32, j *job, out []uint64) uint64 {
	if !useAVX2 {
		return failBitsScalar(col, j, out)
	}
	full := len(col) / 64
	s, k := archsimd.BroadcastFloat32x8(j.sign), archsimd.BroadcastFloat32x8(j.cut)
	var n uint64
	for w := range full {
		var x uint64
		for g := 0; g < 64; g += 8 {
			pass := archsimd.LoadFloat32x8Slice(col[w*64+g : w*64+g+8]).Mul(s).GreaterEqual(k)
			x |= uint64(pass.ToBits()) << g
		}
		out[w] = ^x
		n += uint64(bits.OnesCount64(^x))
	}
	return n + failBitsScalar(col[full*64:], j, out[full:])
}

// passes sums the lanes of a vector of per-lane pass counts.
func passes(v archsimd.Uint32x8) uint64 {
	var a [8]uint32
	v.Store(&a)
	var n uint64
	for _, x := range a {
		n += uint64(x)
	}
	return n
}

// fail4AVX2 requires len(mask) to be a multiple of 8 and each column at least as long. A block
// has at most blockSize rows, so the per-lane pass counts cannot overflow.
func fail4AVX2(c0, c1, c2, c3 []float32, js []job, mask []uint32, fails []uint64) {
	s0, s1 := archsimd.BroadcastFloat32x8(js[0].sign), archsimd.BroadcastFloat32x8(js[1].sign)
	s2, s3 := archsimd.BroadcastFloat32x8(js[2].sign), archsimd.BroadcastFloat32x8(js[3].sign)
	k0, k1 := archsimd.BroadcastFloat32x8(js[0].cut), archsimd.BroadcastFloat32x8(js[1].cut)
	k2, k3 := archsimd.BroadcastFloat32x8(js[2].cut), archsimd.BroadcastFloat32x8(js[3].cut)
	b0, b1 := archsimd.BroadcastUint32x8(js[0].bit), archsimd.BroadcastUint32x8(js[1].bit)
	b2, b3 := archsimd.BroadcastUint32x8(js[2].bit), archsimd.BroadcastUint32x8(js[3].bit)
	var p0, p1, p2, p3 archsimd.Uint32x8
	for i := 0; i+8 <= len(mask); i += 8 {
		// A pass lane is all ones; subtracting it counts one pass.
		q0 := archsimd.LoadFloat32x8Slice(c0[i : i+8]).Mul(s0).GreaterEqual(k0).ToInt32x8().AsUint32x8()
		q1 := archsimd.LoadFloat32x8Slice(c1[i : i+8]).Mul(s1).GreaterEqual(k1).ToInt32x8().AsUint32x8()
		q2 := archsimd.LoadFloat32x8Slice(c2[i : i+8]).Mul(s2).GreaterEqual(k2).ToInt32x8().AsUint32x8()
		q3 := archsimd.LoadFloat32x8Slice(c3[i : i+8]).Mul(s3).GreaterEqual(k3).ToInt32x8().AsUint32x8()
		m := archsimd.LoadUint32x8Slice(mask[i : i+8])
		m = m.Or(b0.AndNot(q0)).Or(b1.AndNot(q1)).Or(b2.AndNot(q2)).Or(b3.AndNot(q3))
		m.StoreSlice(mask[i : i+8])
		p0, p1, p2, p3 = p0.Sub(q0), p1.Sub(q1), p2.Sub(q2), p3.Sub(q3)
	}
	n := uint64(len(mask))
	fails[0] += n - passes(p0)
	fails[1] += n - passes(p1)
	fails[2] += n - passes(p2)
	fails[3] += n - passes(p3)
}

func fail1AVX2(col []float32, j *job, mask []uint32) uint64 {
	s, k, b := archsimd.BroadcastFloat32x8(j.sign), archsimd.BroadcastFloat32x8(j.cut), archsimd.BroadcastUint32x8(j.bit)
	var p archsimd.Uint32x8
	for i := 0; i+8 <= len(mask); i += 8 {
		q := archsimd.LoadFloat32x8Slice(col[i : i+8]).Mul(s).GreaterEqual(k).ToInt32x8().AsUint32x8()
		m := archsimd.LoadUint32x8Slice(mask[i : i+8])
		m.Or(b.AndNot(q)).StoreSlice(mask[i : i+8])
		p = p.Sub(q)
	}
	return uint64(len(mask)) - passes(p)
}
