// libcmark's C interface. Only Sources/Workbook/Markdown.swift imports this module.
#include <cmark.h>
#include <stdlib.h>
