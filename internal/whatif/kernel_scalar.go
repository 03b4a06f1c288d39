//go:build !(goexperiment.simd && amd64)

package whatif

// Kernel names the comparison kernels of this build: "scalar" here; the build with
// GOEXPERIMENT=simd on amd64 uses AVX2 when the processor has it.
const Kernel = "scalar"

func fail4(c0, c1, c2, c3 []float32, js []job, mask []uint32, fails []uint64) {
	fail4Scalar(c0, c1, c2, c3, js, mask, fails)
}

func fail1(col []float32, j *job, mask []uint32) uint64 { return fail1Scalar(col, j, mask) }

func failBits(col []float32, j *job, out []uint64) uint64 { return failBitsScalar(col, j, out) }
