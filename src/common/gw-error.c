/* The gateway's error domain. */
#include "gw-error.h"

G_DEFINE_QUARK (gw-error-quark, gw_error)
