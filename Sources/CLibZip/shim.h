#ifndef TEQUIO_CLIBZIP_SHIM_H
#define TEQUIO_CLIBZIP_SHIM_H
#include <zip.h>
#endif
