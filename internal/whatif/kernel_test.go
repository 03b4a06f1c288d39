package whatif

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKernelsMatchScalar checks the build's comparison kernels against the portable scalar ones
// on values that probe every edge: NaN, infinities, ±0, the cut-off itself and its float32
// neighbours, for both comparators and lengths that leave a remainder. In the default build the
// kernels are the scalar ones; run it with GOEXPERIMENT=simd to check the AVX2 kernels. The
// bitmap kernel is checked against the masks of the scalar one.
func TestKernelsMatchScalar(t *testing.T) {
	t.Logf("kernel: %s", Kernel)
	rng := rand.New(rand.NewPCG(2, 2))
	edge := func(c float32) float32 {
		switch rng.IntN(9) {
		case 0:
			return float32(math.NaN())
		case 1:
			return float32(math.Inf(1 - 2*rng.IntN(2)))
		case 2:
			return float32(math.Copysign(0, float64(1-2*rng.IntN(2))))
		case 3:
			return c
		case 4:
			return math.Nextafter32(c, float32(math.Inf(1)))
		case 5:
			return math.Nextafter32(c, float32(math.Inf(-1)))
		}
		return c + float32(rng.NormFloat64())
	}
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 130, 2047, 2048} {
		for trial := 0; trial < 20; trial++ {
			var js []job
			var cols [4][]float32
			for q := range 4 {
				sign := float32(1)
				if rng.IntN(2) == 0 {
					sign = -1
				}
				c := float32(rng.NormFloat64())
				if rng.IntN(5) == 0 {
					c = 0
				}
				js = append(js, job{m: q, sign: sign, cut: sign * c, bit: 1<<q | uint32(rng.IntN(2))<<(q+16)})
				cols[q] = make([]float32, n)
				for i := range cols[q] {
					cols[q][i] = edge(c)
				}
			}
			base := make([]uint32, n)
			for i := range base {
				base[i] = rng.Uint32() & 0x00f000f0
			}
			got, want := slices.Clone(base), slices.Clone(base)
			gotF, wantF := make([]uint64, 4), make([]uint64, 4)
			fail4(cols[0], cols[1], cols[2], cols[3], js, got, gotF)
			fail4Scalar(cols[0], cols[1], cols[2], cols[3], js, want, wantF)
			if !slices.Equal(got, want) || !slices.Equal(gotF, wantF) {
				t.Fatalf("fail4 n=%d: masks or counts differ: %v %v", n, gotF, wantF)
			}
			got1, want1 := slices.Clone(base), slices.Clone(base)
			if g, w := fail1(cols[1], &js[1], got1), fail1Scalar(cols[1], &js[1], want1); g != w || !slices.Equal(got1, want1) {
				t.Fatalf("fail1 n=%d: count %d, want %d, or masks differ", n, g, w)
			}
			// The bitmap kernel against the masks of the scalar kernel, job by job, with words
			// past the rows that must come out clear.
			for q := range js {
				m := make([]uint32, n)
				want := fail1Scalar(cols[q], &js[q], m)
				out := make([]uint64, (n+63)/64+1)
				for w := range out {
					out[w] = rng.Uint64()
				}
				if got := failBits(cols[q], &js[q], out); got != want {
					t.Fatalf("failBits n=%d job %d: count %d, want %d", n, q, got, want)
				}
				for i := range n {
					if got := out[i/64]>>(i%64)&1 != 0; got != (m[i] != 0) {
						t.Fatalf("failBits n=%d job %d row %d (%v against %v): %v, want %v", n, q, i, cols[q][i], js[q].cut, got, !got)
					}
				}
				if n%64 != 0 && out[n/64]>>(n%64) != 0 || out[len(out)-1] != 0 {
					t.Fatalf("failBits n=%d job %d: bits past the rows are set", n, q)
				}
			}
		}
	}
}
