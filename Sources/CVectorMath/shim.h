// glibc's vector math library (libmvec, part of libc6): exp and log of four
// doubles at once in AVX2 registers, named by the x86-64 vector function ABI.
// Sources/Autodiff/VectorMath.swift is the only file that imports this module.
#include <immintrin.h>

__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_exp(__m256d x);
__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_log(__m256d x);

/// y[0..<4] = exp(x[0..<4])
static inline __attribute__((target("avx2,fma"))) void gradbook_exp4(const double *x, double *y) {
    _mm256_storeu_pd(y, _ZGVdN4v_exp(_mm256_loadu_pd(x)));
}

/// y[0..<4] = log(x[0..<4])
static inline __attribute__((target("avx2,fma"))) void gradbook_log4(const double *x, double *y) {
    _mm256_storeu_pd(y, _ZGVdN4v_log(_mm256_loadu_pd(x)));
}
