// zlib's C interface, for its CRC-32. Only Sources/gradbook/Checksum.swift imports this module.
#include <zlib.h>
