#ifndef TEQUIO_CLIBXML2_SHIM_H
#define TEQUIO_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; its headers then pull in <unicode/*.h>, which clash with
// Foundation's copy of ICU. We never use libxml2's ICU encoders, so switch them off first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/SAX2.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/relaxng.h>

// xmlFree is a mutable global function pointer: Swift 6 rejects touching it directly.
static inline void tequio_xmlFree(void *p) { xmlFree(p); }
#endif
