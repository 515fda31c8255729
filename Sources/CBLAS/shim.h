// OpenBLAS's C interface. Only Sources/Autodiff/BLAS.swift imports this module.
#include <cblas.h>
