/* Server side of the SASL PLAIN negotiation of Thrift's TSaslServerTransport, as HiveServer2
 * clients run it before any Thrift message (reference/hiveserver2.md §4.1). No libsasl2: PLAIN
 * is one message. Frames are [status u8][length be32][payload]. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A START frame carries the mechanism name, a response "authzid\0user\0password": far below. */
#define GW_HS2_SASL_DEFAULT_MAX_PAYLOAD (64 * 1024)

/* Negotiation status byte (Thrift TSaslTransport.NegotiationStatus). */
typedef enum {
  GW_HS2_SASL_STATUS_START    = 0x01, /* client: mechanism name */
  GW_HS2_SASL_STATUS_OK       = 0x02, /* more steps follow (Python, node clients send PLAIN with it) */
  GW_HS2_SASL_STATUS_BAD      = 0x03, /* the peer refused: payload = message */
  GW_HS2_SASL_STATUS_ERROR    = 0x04, /* the peer failed: payload = message */
  GW_HS2_SASL_STATUS_COMPLETE = 0x05, /* last step (Java sends PLAIN with it; the server's success) */
} GwHs2SaslStatus;

#define GW_HS2_SASL_ERROR (gw_hs2_sasl_error_quark ())
GQuark gw_hs2_sasl_error_quark (void);

/* Why a handshake failed; never mapped to a TStatus, the connection just closes. */
typedef enum {
  GW_HS2_SASL_ERROR_PROTOCOL,       /* a frame out of order, a bad status byte or length */
  GW_HS2_SASL_ERROR_MECHANISM,      /* a mechanism other than PLAIN */
  GW_HS2_SASL_ERROR_AUTHENTICATION, /* malformed PLAIN response or refused credentials */
  GW_HS2_SASL_ERROR_PEER,           /* the client sent BAD or ERROR */
} GwHs2SaslErrorCode;

/* Decides a login (SASL PLAIN or HTTP Basic). Called on the connection's thread; may block. */
typedef gboolean (*GwHs2Authenticate) (const char *user, const char *password, gpointer data,
                                       GError **error);

/* Runs the whole PLAIN negotiation on input/output (input should be the buffered stream the
 * Thrift transport reads next, since clients may send their first message in the same segment).
 * authenticate NULL = authentication NONE: any user and password, even empty ones.
 * On success *user is the authentication id (owned) and the client has been sent COMPLETE;
 * after that every message is 4-byte length framed. On failure the client is sent BAD or ERROR
 * with the reason (as the Java server does) unless it reported a failure itself.
 * max_payload 0 = GW_HS2_SASL_DEFAULT_MAX_PAYLOAD. */
gboolean gw_hs2_sasl_plain_handshake (GInputStream *input, GOutputStream *output, guint32 max_payload,
                                      GwHs2Authenticate authenticate, gpointer auth_data,
                                      GCancellable *cancellable, gchar **user, GError **error);

/* Sends one negotiation frame, e.g. a BAD with a message to a client the server cannot serve. */
gboolean gw_hs2_sasl_send (GOutputStream *output, GwHs2SaslStatus status, const char *message,
                           GCancellable *cancellable, GError **error);

G_END_DECLS
