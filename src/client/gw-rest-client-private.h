/* Internals shared by the REST client's files: the client state and the one request function
 * every call goes through. */
#pragma once

#include "gw-rest-client.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

struct _GwRestClient {
  gchar         *base_url;          /* owned: "http://host:port[/path]", no trailing slash */
  SoupSession   *session;           /* owned: statements, results, session calls (main thread) */
  SoupSession   *heartbeat_session; /* owned: used only by the heartbeat thread */
  GwRestVersion  version;
  gchar         *version_prefix;    /* owned: "/v4" */
  gchar         *session_handle;    /* owned, NULL until a session is open */
  gchar         *last_error_detail; /* owned */
};

/* One request on session (client->session or the heartbeat's); the parsed JSON root of a 2xx
 * answer (an empty body is {}), else NULL with GW_CLIENT_ERROR. */
JsonNode   *gw_rest_request (GwRestClient *client, SoupSession *session, const char *method,
                             const char *path, const char *body, GCancellable *cancellable,
                             GError **error);
/* The same, returning the raw 2xx body (callers that parse it themselves: result pages). */
GBytes     *gw_rest_request_bytes (GwRestClient *client, SoupSession *session, const char *method,
                                   const char *path, const char *body, GCancellable *cancellable,
                                   GError **error);
void        gw_rest_set_not_json (GwRestClient *client, const char *reason, GError **error);
/* Parses a fetch-results body (§4) without a DOM: the hot path of big results. */
GwRestPage *gw_rest_page_parse (const char *data, gsize len, GError **error);
/* The string member name of obj, NULL when absent or not a string. */
const char *gw_rest_get_string (JsonObject *obj, const char *name);
/* {"statement": …[, "position": …]} (position < 0: none). */
gchar      *gw_rest_statement_body (const char *statement, int position);
gboolean    gw_rest_require_session (GwRestClient *client, GError **error);
/* "/vN/sessions/<handle><suffix>". */
gchar      *gw_rest_session_path (GwRestClient *client, const char *suffix);

G_END_DECLS
