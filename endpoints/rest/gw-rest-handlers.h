/* REST request handlers: one function per route, run on the endpoint's worker threads (they may
 * block on the service). Each fills a status and a JSON body. */
#pragma once

#include "gw-rest-router.h"
#include "gw-service.h"

G_BEGIN_DECLS

typedef struct {
  guint    status;
  GString *body;   /* owned by the caller */
} GwRestReply;

/* query is the raw URL query string (may be NULL); body may be NULL or empty. */
void gw_rest_handle (GwService *service, const GwRestRoute *route, GBytes *body,
                     const char *query, GwRestReply *reply);

G_END_DECLS
