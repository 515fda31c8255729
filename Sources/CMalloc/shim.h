// glibc's malloc tuning, mallopt (see Sources/gradbook/MemoryReuse.swift, the
// only file that imports this module).
#include <malloc.h>
