/* SASL PLAIN server negotiation for HiveServer2 binary mode. The messages sent back mirror
 * Thrift's Java TSaslTransport and Hive's PlainSaslServer, so clients print familiar errors
 * ("Peer indicated failure: ..."). */
#include "gw-hs2-sasl.h"

#include <string.h>

G_DEFINE_QUARK (gw-hs2-sasl-error-quark, gw_hs2_sasl_error)

#define HEADER_SIZE 5
/* How much of a client-sent name goes into an error message. */
#define QUOTE_MAX   64

typedef struct {
  guint8  status;
  guint32 length;
  gchar  *payload; /* owned, NUL-terminated after length bytes */
} SaslFrame;

static void
sasl_frame_clear (SaslFrame *frame)
{
  g_clear_pointer (&frame->payload, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaslFrame, sasl_frame_clear)

/* Client text for a log line or error message: at most QUOTE_MAX bytes, escaped. */
static gchar *
quote (const gchar *text, gsize length)
{
  g_autofree gchar *cut = g_strndup (text, MIN (length, QUOTE_MAX));
  return g_strescape (cut, NULL);
}

gboolean
gw_hs2_sasl_send (GOutputStream *output, GwHs2SaslStatus status, const char *message,
                  GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  gsize length = message ? strlen (message) : 0;
  g_autofree guint8 *frame = g_malloc (HEADER_SIZE + length);
  frame[0] = (guint8) status;
  frame[1] = (guint8) (length >> 24);
  frame[2] = (guint8) (length >> 16);
  frame[3] = (guint8) (length >> 8);
  frame[4] = (guint8) length;
  if (length > 0)
    memcpy (frame + HEADER_SIZE, message, length);
  return g_output_stream_write_all (output, frame, HEADER_SIZE + length, NULL, cancellable, error);
}

/* Sends status + the reason to the client (best effort), then fails with the reason. */
static gboolean
refuse (GOutputStream *output, GwHs2SaslStatus status, GCancellable *cancellable, GError *reason,
        GError **error)
{
  gw_hs2_sasl_send (output, status, reason->message, cancellable, NULL);
  g_propagate_error (error, reason);
  return FALSE;
}

/* Reads one frame. A malformed header is a GW_HS2_SASL_ERROR_PROTOCOL error. */
static gboolean
read_frame (GInputStream *input, guint32 max_payload, GCancellable *cancellable, SaslFrame *frame,
            GError **error)
{
  guint8 header[HEADER_SIZE];
  gsize got = 0;
  if (!g_input_stream_read_all (input, header, sizeof header, &got, cancellable, error))
    return FALSE;
  if (got < sizeof header) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                 "connection closed during the SASL handshake");
    return FALSE;
  }
  if (header[0] < GW_HS2_SASL_STATUS_START || header[0] > GW_HS2_SASL_STATUS_COMPLETE) {
    /* Java prints the status as a signed byte: "Invalid status -128" for a NOSASL client. */
    g_set_error (error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_PROTOCOL, "Invalid status %d",
                 (gint8) header[0]);
    return FALSE;
  }
  gint32 length = (gint32) (((guint32) header[1] << 24) | ((guint32) header[2] << 16) |
                            ((guint32) header[3] << 8) | header[4]);
  if (length < 0 || (guint32) length > max_payload) {
    g_set_error (error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_PROTOCOL,
                 "Invalid payload header length: %d", length);
    return FALSE;
  }
  frame->status = header[0];
  frame->length = (guint32) length;
  frame->payload = g_malloc ((gsize) length + 1);
  if (!g_input_stream_read_all (input, frame->payload, frame->length, &got, cancellable, error))
    return FALSE;
  if (got < frame->length) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                 "connection closed during the SASL handshake");
    return FALSE;
  }
  frame->payload[frame->length] = '\0';
  return TRUE;
}

/* Reads a frame; protocol errors are reported to the client, a client's BAD/ERROR is not
 * answered. */
static gboolean
receive (GInputStream *input, GOutputStream *output, guint32 max_payload, GCancellable *cancellable,
         SaslFrame *frame, GError **error)
{
  GError *local = NULL;
  if (!read_frame (input, max_payload, cancellable, frame, &local)) {
    if (g_error_matches (local, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_PROTOCOL))
      gw_hs2_sasl_send (output, GW_HS2_SASL_STATUS_ERROR, local->message, cancellable, NULL);
    g_propagate_error (error, local);
    return FALSE;
  }
  if (frame->status == GW_HS2_SASL_STATUS_BAD || frame->status == GW_HS2_SASL_STATUS_ERROR) {
    g_autofree gchar *text = quote (frame->payload, frame->length);
    g_set_error (error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_PEER, "client indicated failure: %s",
                 text);
    return FALSE;
  }
  return TRUE;
}

/* Splits "[authzid]\0authcid\0password" as Hive's PlainSaslServer does: 2 or 3 tokens, the
 * last two are user and password; the authzid is not used. */
static gboolean
parse_plain (const SaslFrame *frame, const gchar **user, const gchar **password, GError **error)
{
  const gchar *tokens[4];
  guint count = 0;
  const gchar *start = frame->payload, *end = frame->payload + frame->length;
  for (const gchar *p = start; count < G_N_ELEMENTS (tokens); p++) {
    if (p == end || *p == '\0') {
      tokens[count++] = start;
      if (p == end)
        break;
      start = p + 1;
    }
  }
  if (count < 2 || count > 3) {
    g_set_error (error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_AUTHENTICATION, "Invalid message format");
    return FALSE;
  }
  *user = tokens[count - 2];
  *password = tokens[count - 1];
  if (!g_utf8_validate (*user, -1, NULL)) {
    g_set_error (error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_AUTHENTICATION,
                 "The user name is not valid UTF-8");
    return FALSE;
  }
  return TRUE;
}

static gboolean
check_credentials (const gchar *user, const gchar *password, GwHs2Authenticate authenticate,
                   gpointer auth_data, GError **error)
{
  if (authenticate == NULL)
    return TRUE; /* authentication NONE */
  if (*user == '\0') {
    g_set_error (error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_AUTHENTICATION, "No user name provided");
    return FALSE;
  }
  if (*password == '\0') {
    g_set_error (error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_AUTHENTICATION, "No password provided");
    return FALSE;
  }
  GError *local = NULL;
  if (authenticate (user, password, auth_data, &local))
    return TRUE;
  g_set_error (error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_AUTHENTICATION,
               "Error validating the login: %s", local ? local->message : "refused");
  g_clear_error (&local);
  return FALSE;
}

gboolean
gw_hs2_sasl_plain_handshake (GInputStream *input, GOutputStream *output, guint32 max_payload,
                             GwHs2Authenticate authenticate, gpointer auth_data,
                             GCancellable *cancellable, gchar **user, GError **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  if (max_payload == 0)
    max_payload = GW_HS2_SASL_DEFAULT_MAX_PAYLOAD;

  /* 1. START with the mechanism name. */
  g_auto (SaslFrame) start = { 0 };
  GError *reason = NULL;
  if (!receive (input, output, max_payload, cancellable, &start, error))
    return FALSE;
  if (start.status != GW_HS2_SASL_STATUS_START) {
    reason = g_error_new (GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_PROTOCOL,
                          "Expecting START status, received %d", start.status);
    return refuse (output, GW_HS2_SASL_STATUS_ERROR, cancellable, reason, error);
  }
  if (start.length != 5 || memcmp (start.payload, "PLAIN", 5) != 0) {
    g_autofree gchar *mechanism = quote (start.payload, start.length);
    reason = g_error_new (GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_MECHANISM,
                          "Unsupported mechanism type %s", mechanism);
    return refuse (output, GW_HS2_SASL_STATUS_BAD, cancellable, reason, error);
  }

  /* 2. The PLAIN response: OK from Python/node clients, COMPLETE from Java ones. */
  g_auto (SaslFrame) response = { 0 };
  if (!receive (input, output, max_payload, cancellable, &response, error))
    return FALSE;
  if (response.status != GW_HS2_SASL_STATUS_OK && response.status != GW_HS2_SASL_STATUS_COMPLETE) {
    reason = g_error_new (GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_PROTOCOL,
                          "Expecting COMPLETE or OK status, received %d", response.status);
    return refuse (output, GW_HS2_SASL_STATUS_ERROR, cancellable, reason, error);
  }
  const gchar *name = NULL, *password = NULL;
  if (!parse_plain (&response, &name, &password, &reason) ||
      !check_credentials (name, password, authenticate, auth_data, &reason))
    return refuse (output, GW_HS2_SASL_STATUS_BAD, cancellable, reason, error);

  /* 3. PLAIN is done after one response: COMPLETE with an empty payload. */
  if (!gw_hs2_sasl_send (output, GW_HS2_SASL_STATUS_COMPLETE, NULL, cancellable, error))
    return FALSE;
  *user = g_strdup (name);
  return TRUE;
}
