/* Test support of the HiveServer2 transport tests, see gw-hs2-test-support.h. */
#include "gw-hs2-test-support.h"

#include <string.h>

/* ---- a processor that answers every call with {0: "<method> for <connection context>"} ---- */

typedef struct {
  ThriftProcessor parent_instance;
} FakeProcessor;

typedef struct {
  ThriftProcessorClass parent_class;
} FakeProcessorClass;

G_DEFINE_TYPE (FakeProcessor, fake_processor, THRIFT_TYPE_PROCESSOR)

static gboolean
fake_process (ThriftProcessor *processor, ThriftProtocol *in, ThriftProtocol *out, GError **error)
{
  g_autofree gchar *name = NULL;
  ThriftMessageType type;
  gint32 seqid;
  if (thrift_protocol_read_message_begin (in, &name, &type, &seqid, error) < 0 ||
      thrift_protocol_skip (in, T_STRUCT, error) < 0 ||
      thrift_protocol_read_message_end (in, error) < 0 ||
      !thrift_transport_read_end (in->transport, error))
    return FALSE;
  if (g_strcmp0 (name, "Fail") == 0) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the handler failed");
    return FALSE;
  }
  const char *context = gw_hs2_server_get_connection_context ();
  g_autofree gchar *text = g_strdup_printf ("%s for %s", name, context ? context : "(none)");
  return thrift_protocol_write_message_begin (out, name, T_REPLY, seqid, error) >= 0 &&
         thrift_protocol_write_struct_begin (out, "result", error) >= 0 &&
         thrift_protocol_write_field_begin (out, "success", T_STRING, 0, error) >= 0 &&
         thrift_protocol_write_string (out, text, error) >= 0 &&
         thrift_protocol_write_field_end (out, error) >= 0 &&
         thrift_protocol_write_field_stop (out, error) >= 0 &&
         thrift_protocol_write_struct_end (out, error) >= 0 &&
         thrift_protocol_write_message_end (out, error) >= 0 &&
         thrift_transport_write_end (out->transport, error) &&
         thrift_transport_flush (out->transport, error);
}

static void
fake_processor_class_init (FakeProcessorClass *klass)
{
  THRIFT_PROCESSOR_CLASS (klass)->process = fake_process;
}

static void
fake_processor_init (FakeProcessor *self)
{
}

ThriftProcessor *
hs2_test_processor_new (void)
{
  return g_object_new (fake_processor_get_type (), NULL);
}

/* ---- log lines of the server, recorded ---- */

static GMutex log_lock;
static GPtrArray *log_lines;

static GLogWriterOutput
record_log (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  const char *domain = NULL, *message = NULL;
  for (gsize i = 0; i < n_fields; i++) {
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;
  }
  if (g_strcmp0 (domain, "gw-hs2") == 0 && message != NULL) {
    g_mutex_lock (&log_lock);
    g_ptr_array_add (log_lines, g_strdup (message));
    g_mutex_unlock (&log_lock);
  }
  return g_log_writer_default (level, fields, n_fields, data);
}

void
hs2_test_assert_logged (const char *text)
{
  gboolean found = FALSE;
  g_mutex_lock (&log_lock);
  for (guint i = 0; i < log_lines->len && !found; i++)
    found = strstr (log_lines->pdata[i], text) != NULL;
  g_mutex_unlock (&log_lock);
  if (!found)
    g_test_message ("no log line contains \"%s\"", text);
  g_assert_true (found);
}

void
hs2_test_capture_logs (void)
{
  log_lines = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_log, NULL, NULL);
}

/* ---- connection hooks ---- */

void
hs2_test_hooks_init (Hs2TestHooks *hooks)
{
  g_mutex_init (&hooks->lock);
  g_cond_init (&hooks->cond);
  hooks->opened = hooks->closed = 0;
}

void
hs2_test_hooks_clear (Hs2TestHooks *hooks)
{
  g_assert_cmpuint (hooks->opened, ==, hooks->closed); /* every opened context was closed */
  g_mutex_clear (&hooks->lock);
  g_cond_clear (&hooks->cond);
}

gpointer
hs2_test_on_open (const char *user, const char *peer, gpointer data)
{
  Hs2TestHooks *f = data;
  g_assert_true (g_str_has_prefix (peer, "127.0.0.1:"));
  g_mutex_lock (&f->lock);
  f->opened++;
  g_mutex_unlock (&f->lock);
  return g_strdup (user ? user : "nosasl");
}

void
hs2_test_on_close (gpointer context, gpointer data)
{
  Hs2TestHooks *f = data;
  g_free (context);
  g_mutex_lock (&f->lock);
  f->closed++;
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
}

void
hs2_test_wait_closed (Hs2TestHooks *f, guint n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  g_mutex_lock (&f->lock);
  while (f->closed < n && g_cond_wait_until (&f->cond, &f->lock, deadline))
    ;
  guint closed = f->closed;
  g_mutex_unlock (&f->lock);
  g_assert_cmpuint (closed, ==, n);
}

/* ---- a hand-written client ---- */

void
hs2_test_put_u32 (GByteArray *b, guint32 v)
{
  guint8 be[4] = { (guint8) (v >> 24), (guint8) (v >> 16), (guint8) (v >> 8), (guint8) v };
  g_byte_array_append (b, be, 4);
}

GByteArray *
hs2_test_call_message (const char *name, guint32 seqid)
{
  GByteArray *b = g_byte_array_new ();
  hs2_test_put_u32 (b, 0x80010001u);
  hs2_test_put_u32 (b, (guint32) strlen (name));
  g_byte_array_append (b, (const guint8 *) name, (guint) strlen (name));
  hs2_test_put_u32 (b, seqid);
  g_byte_array_append (b, (const guint8 *) "", 1); /* T_STOP */
  return b;
}

guint32
hs2_test_read_u32 (GInputStream *in)
{
  guint8 b[4];
  gsize got = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_input_stream_read_all (in, b, 4, &got, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got, ==, 4);
  return ((guint32) b[0] << 24) | ((guint32) b[1] << 16) | ((guint32) b[2] << 8) | b[3];
}

gchar *
hs2_test_read_text (GInputStream *in, gsize length)
{
  gchar *text = g_malloc0 (length + 1);
  gsize got = 0;
  g_assert_true (g_input_stream_read_all (in, text, length, &got, NULL, NULL));
  g_assert_cmpuint (got, ==, length);
  return text;
}

gchar *
hs2_test_read_reply (GInputStream *in, const char *name, guint32 seqid)
{
  g_assert_cmphex (hs2_test_read_u32 (in), ==, 0x80010002u);
  g_autofree gchar *reply_name = hs2_test_read_text (in, hs2_test_read_u32 (in));
  g_assert_cmpstr (reply_name, ==, name);
  g_assert_cmpuint (hs2_test_read_u32 (in), ==, seqid);
  g_autofree gchar *field = hs2_test_read_text (in, 3);
  g_assert_cmpmem (field, 3, "\x0b\0\0", 3);
  gchar *value = hs2_test_read_text (in, hs2_test_read_u32 (in));
  g_autofree gchar *stop = hs2_test_read_text (in, 1);
  g_assert_cmpint (stop[0], ==, 0);
  return value;
}
