/* Shared by the HiveServer2 server and HTTP tests: a fake processor, the server's log lines,
 * connection hooks that count, and the bytes of a hand-written Thrift client. */
#pragma once

#include "gw-hs2-server.h"

G_BEGIN_DECLS

/* Answers every call with {0: string "<method> for <connection context>"}; a call named
 * "Fail" fails the processor. */
ThriftProcessor *hs2_test_processor_new (void);

/* Records the "gw-hs2" log lines (and still prints them). Call once, before any log line. */
void             hs2_test_capture_logs  (void);
/* The server logged a line containing text; it logs before it closes a connection. */
void             hs2_test_assert_logged (const char *text);

/* Connection hooks that count; the context is the user name ("nosasl" without one). */
typedef struct {
  GMutex lock;
  GCond  cond;
  guint  opened;
  guint  closed;
} Hs2TestHooks;

void     hs2_test_hooks_init  (Hs2TestHooks *hooks);
void     hs2_test_hooks_clear (Hs2TestHooks *hooks);
gpointer hs2_test_on_open     (const char *user, const char *peer, gpointer hooks);
void     hs2_test_on_close    (gpointer context, gpointer hooks);
/* Waits (5 s deadline) until the close hook ran n times in total. */
void     hs2_test_wait_closed (Hs2TestHooks *hooks, guint n);

void        hs2_test_put_u32      (GByteArray *bytes, guint32 value);
/* A strict CALL of name with an empty args struct. */
GByteArray *hs2_test_call_message (const char *name, guint32 seqid);
guint32     hs2_test_read_u32     (GInputStream *in);
gchar      *hs2_test_read_text    (GInputStream *in, gsize length);
/* Reads one reply {0: string}, checks its header, returns the string. */
gchar      *hs2_test_read_reply   (GInputStream *in, const char *name, guint32 seqid);

G_END_DECLS
