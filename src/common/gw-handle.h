/* Session and operation handles: random (version 4) UUIDs, as Flink's SessionHandle and
 * OperationHandle, plus a random secret for HiveServer2's THandleIdentifier. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint8 guid[16];
  guint8 secret[16];
} GwHandle;

void      gw_handle_generate (GwHandle *handle);
/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", lower-case; buf must hold 37 bytes. */
void      gw_handle_to_string (const GwHandle *handle, char buf[37]);
gchar    *gw_handle_dup_string (const GwHandle *handle);
/* Accepts the forms java.util.UUID.fromString accepts for canonical input (8-4-4-4-12 hex). */
gboolean  gw_handle_parse (const char *text, GwHandle *handle);
guint     gw_handle_hash (gconstpointer handle);
gboolean  gw_handle_equal (gconstpointer a, gconstpointer b);
GwHandle *gw_handle_copy (const GwHandle *handle);

/* 32 lower-case hex chars, Flink's JobID text form. */
gchar    *gw_job_id_generate (void);

G_END_DECLS
