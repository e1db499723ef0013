/* A fetch-results body (reference flink-rest.md §4) parsed in one pass without a DOM: json-glib
 * built a node per value and spent ~90% of the client's time on big results (tools/bench/
 * client.sh). Strict JSON; unknown members are skipped; non-string cells keep their JSON text. */
#include "gw-rest-client-private.h"

#include <string.h>

typedef struct {
  const char *p;
  const char *end;
} Scan;

static void
skip_ws (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

static gboolean
accept (Scan *s, char c)
{
  skip_ws (s);
  if (s->p < s->end && *s->p == c) {
    s->p++;
    return TRUE;
  }
  return FALSE;
}

static gboolean
accept_word (Scan *s, const char *word)
{
  skip_ws (s);
  gsize n = strlen (word);
  if ((gsize) (s->end - s->p) >= n && memcmp (s->p, word, n) == 0) {
    s->p += n;
    return TRUE;
  }
  return FALSE;
}

static int
hex_value (char c)
{
  return g_ascii_xdigit_value (c);
}

static gboolean
read_hex4 (Scan *s, gunichar *out)
{
  if (s->end - s->p < 4)
    return FALSE;
  gunichar v = 0;
  for (int i = 0; i < 4; i++) {
    int d = hex_value (s->p[i]);
    if (d < 0)
      return FALSE;
    v = v << 4 | (gunichar) d;
  }
  s->p += 4;
  *out = v;
  return TRUE;
}

/* A JSON string at the cursor (after optional whitespace); newly allocated UTF-8. */
static gchar *
read_string (Scan *s)
{
  if (!accept (s, '"'))
    return NULL;
  const char *start = s->p;
  /* Fast path: no escapes before the closing quote. */
  while (s->p < s->end && *s->p != '"' && *s->p != '\\')
    s->p++;
  if (s->p < s->end && *s->p == '"')
    return g_strndup (start, s->p++ - start);
  GString *out = g_string_new_len (start, s->p - start);
  while (s->p < s->end && *s->p != '"') {
    if (*s->p != '\\') {
      g_string_append_c (out, *s->p++);
      continue;
    }
    if (++s->p >= s->end)
      break;
    char c = *s->p++;
    switch (c) {
    case '"': case '\\': case '/': g_string_append_c (out, c); break;
    case 'b': g_string_append_c (out, '\b'); break;
    case 'f': g_string_append_c (out, '\f'); break;
    case 'n': g_string_append_c (out, '\n'); break;
    case 'r': g_string_append_c (out, '\r'); break;
    case 't': g_string_append_c (out, '\t'); break;
    case 'u': {
      gunichar u;
      if (!read_hex4 (s, &u))
        goto bad;
      if (u >= 0xD800 && u < 0xDC00) {  /* a surrogate pair */
        gunichar low;
        if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u')
          goto bad;
        s->p += 2;
        if (!read_hex4 (s, &low) || low < 0xDC00 || low >= 0xE000)
          goto bad;
        u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      } else if (u >= 0xDC00 && u < 0xE000) {
        u = 0xFFFD;
      }
      g_string_append_unichar (out, u);
      break;
    }
    default:
      goto bad;
    }
  }
  if (s->p >= s->end)
    goto bad;
  s->p++;
  return g_string_free (out, FALSE);
bad:
  g_string_free (out, TRUE);
  return NULL;
}

static gboolean skip_value (Scan *s, int depth);

static gboolean
skip_container (Scan *s, char close, gboolean object, int depth)
{
  if (depth > 64)
    return FALSE;
  if (accept (s, close))
    return TRUE;
  do {
    if (object) {
      g_autofree gchar *key = read_string (s);
      if (key == NULL || !accept (s, ':'))
        return FALSE;
    }
    if (!skip_value (s, depth + 1))
      return FALSE;
  } while (accept (s, ','));
  return accept (s, close);
}

static gboolean
skip_value (Scan *s, int depth)
{
  skip_ws (s);
  if (s->p >= s->end)
    return FALSE;
  switch (*s->p) {
  case '"': {
    g_autofree gchar *text = read_string (s);
    return text != NULL;
  }
  case '{': s->p++; return skip_container (s, '}', TRUE, depth);
  case '[': s->p++; return skip_container (s, ']', FALSE, depth);
  case 't': return accept_word (s, "true");
  case 'f': return accept_word (s, "false");
  case 'n': return accept_word (s, "null");
  default: {
    const char *start = s->p;
    while (s->p < s->end && (g_ascii_isdigit (*s->p) || strchr ("+-.eE", *s->p)))
      s->p++;
    return s->p > start;
  }
  }
}

/* A string or null member value; *out NULL for null. */
static gboolean
read_nullable_string (Scan *s, gchar **out)
{
  *out = NULL;
  if (accept_word (s, "null"))
    return TRUE;
  *out = read_string (s);
  return *out != NULL;
}

/* Iterates an object's members: call with the cursor before '{', then member() per key. */
#define FOR_EACH_MEMBER(s, key, body)                                         \
  do {                                                                        \
    if (!accept (s, '{'))                                                     \
      return FALSE;                                                           \
    if (!accept (s, '}')) {                                                   \
      do {                                                                    \
        g_autofree gchar *key = read_string (s);                              \
        if (key == NULL || !accept (s, ':'))                                  \
          return FALSE;                                                       \
        body                                                                  \
      } while (accept (s, ','));                                              \
      if (!accept (s, '}'))                                                   \
        return FALSE;                                                         \
    }                                                                         \
  } while (0)

static gboolean
parse_logical_type (Scan *s, GwClientColumn *column)
{
  FOR_EACH_MEMBER (s, key, {
    if (strcmp (key, "type") == 0) {
      g_free (column->type_root);
      if ((column->type_root = read_string (s)) == NULL)
        return FALSE;
    } else if (strcmp (key, "precision") == 0) {
      skip_ws (s);
      column->precision = (gint) g_ascii_strtoll (s->p, NULL, 10);
      if (!skip_value (s, 0))
        return FALSE;
    } else if (!skip_value (s, 0)) {
      return FALSE;
    }
  });
  return TRUE;
}

static gboolean
parse_column (Scan *s, GArray *columns)
{
  GwClientColumn column = { NULL, NULL, -1 };
  g_array_append_val (columns, column);
  GwClientColumn *c = &g_array_index (columns, GwClientColumn, columns->len - 1);
  FOR_EACH_MEMBER (s, key, {
    if (strcmp (key, "name") == 0) {
      g_free (c->name);
      if (!read_nullable_string (s, &c->name))
        return FALSE;
    } else if (strcmp (key, "logicalType") == 0) {
      if (!parse_logical_type (s, c))
        return FALSE;
    } else if (!skip_value (s, 0)) {
      return FALSE;
    }
  });
  if (c->name == NULL)
    c->name = g_strdup ("");
  if (c->type_root == NULL)
    c->type_root = g_strdup ("VARCHAR");
  return TRUE;
}

/* "fields": strings as they are, null as SQL NULL, anything else (a gateway that ignored
 * rowFormat=PLAIN_TEXT) as its JSON text. */
static gboolean
parse_fields (Scan *s, GPtrArray *values)
{
  if (!accept (s, '['))
    return FALSE;
  if (accept (s, ']'))
    return TRUE;
  do {
    skip_ws (s);
    if (s->p < s->end && *s->p == '"') {
      gchar *text = read_string (s);
      if (text == NULL)
        return FALSE;
      g_ptr_array_add (values, text);
    } else if (accept_word (s, "null")) {
      g_ptr_array_add (values, NULL);
    } else {
      const char *start = s->p;
      if (!skip_value (s, 0))
        return FALSE;
      g_ptr_array_add (values, g_strndup (start, s->p - start));
    }
  } while (accept (s, ','));
  return accept (s, ']');
}

static gboolean
parse_row (Scan *s, GPtrArray *rows, GPtrArray *values)
{
  GwClientRowKind kind = GW_CLIENT_ROW_INSERT;
  g_ptr_array_set_size (values, 0);
  FOR_EACH_MEMBER (s, key, {
    if (strcmp (key, "kind") == 0) {
      g_autofree gchar *name = read_string (s);
      if (name == NULL)
        return FALSE;
      gw_client_row_kind_parse (name, &kind);
    } else if (strcmp (key, "fields") == 0) {
      if (!parse_fields (s, values))
        return FALSE;
    } else if (!skip_value (s, 0)) {
      return FALSE;
    }
  });
  GwClientRow *row = gw_client_row_new (kind, values->len);
  memcpy (row->fields, values->pdata, values->len * sizeof (gchar *));
  memset (values->pdata, 0, values->len * sizeof (gchar *));  /* the row owns them now */
  g_ptr_array_set_size (values, 0);
  g_ptr_array_add (rows, row);
  return TRUE;
}

static gboolean
parse_array (Scan *s, gboolean (*item) (Scan *, gpointer, gpointer), gpointer a, gpointer b)
{
  if (!accept (s, '['))
    return FALSE;
  if (accept (s, ']'))
    return TRUE;
  do {
    if (!item (s, a, b))
      return FALSE;
  } while (accept (s, ','));
  return accept (s, ']');
}

static gboolean
column_item (Scan *s, gpointer columns, gpointer unused)
{
  return parse_column (s, columns);
}

static gboolean
row_item (Scan *s, gpointer rows, gpointer values)
{
  return parse_row (s, rows, values);
}

static gboolean
parse_results (Scan *s, GwRestPage *page)
{
  /* Values of the row being read; freed (not leaked) if the body breaks off mid-row. */
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  FOR_EACH_MEMBER (s, key, {
    if (strcmp (key, "columns") == 0) {
      if (!parse_array (s, column_item, page->columns, NULL))
        return FALSE;
    } else if (strcmp (key, "data") == 0) {
      if (!parse_array (s, row_item, page->rows, values))
        return FALSE;
    } else if (!skip_value (s, 0)) {
      return FALSE;
    }
  });
  return TRUE;
}

static gboolean
parse_page (Scan *s, GwRestPage *page, gchar **result_type)
{
  FOR_EACH_MEMBER (s, key, {
    gboolean ok;
    if (strcmp (key, "resultType") == 0) {
      ok = read_nullable_string (s, result_type);
    } else if (strcmp (key, "isQueryResult") == 0) {
      page->is_query_result = accept_word (s, "true");
      ok = page->is_query_result || accept_word (s, "false");
    } else if (strcmp (key, "jobID") == 0) {
      ok = read_nullable_string (s, &page->job_id);
    } else if (strcmp (key, "resultKind") == 0) {
      g_autofree gchar *kind = NULL;
      ok = read_nullable_string (s, &kind);
      page->result_kind_success = g_strcmp0 (kind, "SUCCESS") == 0;
    } else if (strcmp (key, "nextResultUri") == 0) {
      ok = read_nullable_string (s, &page->next_uri);
    } else if (strcmp (key, "results") == 0) {
      skip_ws (s);
      ok = accept_word (s, "null") || parse_results (s, page);
    } else {
      ok = skip_value (s, 0);
    }
    if (!ok)
      return FALSE;
  });
  skip_ws (s);
  return s->p == s->end;
}

void
gw_rest_page_free (GwRestPage *page)
{
  if (page == NULL)
    return;
  g_free (page->job_id);
  g_clear_pointer (&page->columns, g_array_unref);
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page->next_uri);
  g_free (page);
}

static void
clear_column (gpointer data)
{
  gw_client_column_clear (data);
}

GwRestPage *
gw_rest_page_parse (const char *data, gsize len, GError **error)
{
  g_autoptr (GwRestPage) page = g_new0 (GwRestPage, 1);
  page->columns = g_array_new (FALSE, TRUE, sizeof (GwClientColumn));
  g_array_set_clear_func (page->columns, clear_column);
  page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  Scan scan = { data, data + len };
  g_autofree gchar *type = NULL;
  if (!parse_page (&scan, page, &type)) {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                 "The SQL Gateway sent a malformed result page (at byte %" G_GSIZE_FORMAT " of %"
                 G_GSIZE_FORMAT ").", (gsize) (scan.p - data), len);
    return NULL;
  }
  if (g_strcmp0 (type, "NOT_READY") == 0) {
    page->result_type = GW_REST_RESULT_NOT_READY;
  } else if (g_strcmp0 (type, "PAYLOAD") == 0) {
    page->result_type = GW_REST_RESULT_PAYLOAD;
  } else if (g_strcmp0 (type, "EOS") == 0) {
    page->result_type = GW_REST_RESULT_EOS;
  } else {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                 "The SQL Gateway sent an unknown resultType '%s'.", type ? type : "(none)");
    return NULL;
  }
  return g_steal_pointer (&page);
}
