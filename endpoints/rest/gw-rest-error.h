/* The one place where service errors become REST statuses and error bodies
 * `{"errors":[...],"rootCause":"..."}` (reference/flink-rest.md §8). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint gw_rest_status_for_error (const GError *error);
/* Writes the error body for error; context is the handler's summary, e.g. "Failed to fetchResults."
 * The last `errors` entry carries a Java-like "Caused by: <class>: <message>" line, which Flink's
 * clients read the root cause from. */
void  gw_rest_error_body (GString *out, const char *context, const GError *error);
/* A body for errors raised by the endpoint itself (bad request, not found, too large). */
void  gw_rest_simple_error_body (GString *out, const char *message);

G_END_DECLS
