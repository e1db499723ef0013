/* Keeps the client's gateway session alive: a thread that sends a heartbeat every interval
 * (sql-client.session.heartbeat-interval; Flink's client sends one every 60 s). */
#pragma once

#include "gw-rest-client.h"

G_BEGIN_DECLS

typedef struct _GwClientHeartbeat GwClientHeartbeat;

/* client: borrowed, must outlive the heartbeat. interval_ms <= 0 disables it (returns NULL). */
GwClientHeartbeat *gw_client_heartbeat_start (GwRestClient *client, gint64 interval_ms);
/* Stops the thread and waits for it. NULL is ignored. */
void               gw_client_heartbeat_stop (GwClientHeartbeat *heartbeat);

G_END_DECLS
