#ifndef TEQUIO_CQPDF_SHIM_H
#define TEQUIO_CQPDF_SHIM_H
// libqpdf's C API: reads back the PDFs Tequio writes (the output stage's self-check, and what the tests
// check as `qpdf --check` does). PDFSupport is the only Swift code that imports it.
#include <qpdf/qpdf-c.h>
#endif
