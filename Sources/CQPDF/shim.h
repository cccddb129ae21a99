#ifndef TEQUIO_CQPDF_SHIM_H
#define TEQUIO_CQPDF_SHIM_H
// libqpdf's C API: rewrites the PDF cairo wrote (repairs cairo 1.16's cross-reference table, sets the
// catalogue's language, gives a deterministic /ID). PDFSupport is the only Swift code that imports it.
#include <qpdf/qpdf-c.h>
#endif
