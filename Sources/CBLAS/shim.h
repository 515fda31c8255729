// OpenBLAS's C interface: its types and constants. The library itself is not
// linked but opened on first use (see Sources/Autodiff/BLAS.swift, the only
// file that imports this module).
#include <cblas.h>
