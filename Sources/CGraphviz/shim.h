// Graphviz's C interface. Only Sources/Render/Graphviz.swift imports this module.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>

// Swift 6 rejects the C global Agdirected; hand it over from a function.
static inline Agdesc_t gradbook_directed(void) { return Agdirected; }
