/* Reading statements: the libedit prompt and script files, both cut into statements by the shared
 * splitter (quotes, comments and EXECUTE STATEMENT SET blocks respected). */
#include "gw-client-cli.h"
#include "gw-client-interrupt.h"
#include "gw-sql-splitter.h"

#include <errno.h>
#include <histedit.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#define HISTORY_SIZE 1000
#define PROMPT "Flink SQL> "
#define CONTINUATION_PROMPT "> "

typedef struct {
  GwClientExecutor *executor;  /* borrowed */
  GwRestClient     *client;    /* borrowed */
  GwSqlSplitter    *splitter;  /* owned */
  GString          *typed;     /* owned: the text of the statement being typed, for completion */
  mbstate_t         mbstate;
} Cli;

/* ---- scripts -------------------------------------------------------------------------------- */

/* Echoes a statement the way Flink's client does for -f: the prompt, then "> " before each
 * further line. */
static void
echo_statement (FILE *out, const char *statement)
{
  fputs ("\n" PROMPT, out);
  for (const char *p = statement; *p; p++) {
    fputc (*p, out);
    if (*p == '\n')
      fputs (CONTINUATION_PROMPT, out);
  }
  fputs (";\n", out);
  fflush (out);
}

int
gw_client_cli_run_script (GwClientExecutor *executor, const char *script, GwClientMode mode,
                          FILE *out)
{
  g_autoptr (GPtrArray) statements = gw_sql_split_script (script);
  if (mode == GW_CLIENT_MODE_NON_INTERACTIVE)
    gw_client_print_info (out, "Executing SQL from file.");
  for (guint i = 0; i < statements->len; i++) {
    const char *statement = statements->pdata[i];
    if (mode == GW_CLIENT_MODE_NON_INTERACTIVE)
      echo_statement (out, statement);
    GwClientOutcome outcome = gw_client_executor_run (executor, statement, mode);
    if (gw_client_interrupt_pending ())
      return 130;  /* Ctrl-C during a script stops it with a shell's status for SIGINT */
    if (outcome == GW_CLIENT_OUTCOME_QUIT)
      return 0;
    if (outcome != GW_CLIENT_OUTCOME_OK)
      return 1;
  }
  return 0;
}

/* ---- the prompt ----------------------------------------------------------------------------- */

static char *
prompt_for (EditLine *el)
{
  Cli *cli = NULL;
  el_get (el, EL_CLIENTDATA, &cli);
  return gw_sql_splitter_has_pending (cli->splitter) ? CONTINUATION_PROMPT : PROMPT;
}

/* Reads one character from the terminal, but returns -1 (EINTR) as soon as Ctrl-C arrives,
 * whichever thread the signal went to. */
static int
read_char (EditLine *el, wchar_t *out)
{
  Cli *cli = NULL;
  el_get (el, EL_CLIENTDATA, &cli);
  for (;;) {
    struct pollfd fds[2] = {
      { STDIN_FILENO, POLLIN, 0 },
      { gw_client_interrupt_fd (), POLLIN, 0 },
    };
    int n = poll (fds, 2, -1);
    if (n < 0 && errno != EINTR)
      return -1;
    if (gw_client_interrupt_pending () || (fds[1].revents & POLLIN)) {
      errno = EINTR;
      return -1;
    }
    if (n <= 0 || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
      continue;
    char byte;
    ssize_t got = read (STDIN_FILENO, &byte, 1);
    if (got == 0)
      return 0;  /* end of input (Ctrl-D on an empty line is handled by libedit itself) */
    if (got < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return -1;
    }
    wchar_t wc;
    size_t used = mbrtowc (&wc, &byte, 1, &cli->mbstate);
    if (used == (size_t) -2)
      continue;  /* the middle of a multibyte character */
    if (used == (size_t) -1) {
      memset (&cli->mbstate, 0, sizeof cli->mbstate);
      wc = (unsigned char) byte;  /* not valid in the locale: pass the byte through */
    }
    *out = wc;
    return 1;
  }
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '`' || (unsigned char) c >= 0x80;
}

/* Tab: asks the gateway's complete-statement for the text typed so far (earlier lines of the
 * statement plus this line up to the cursor) and completes the word at the cursor. */
static unsigned char
complete (EditLine *el, int ch)
{
  Cli *cli = NULL;
  el_get (el, EL_CLIENTDATA, &cli);
  const LineInfo *info = el_line (el);
  g_autofree gchar *line = g_strndup (info->buffer, info->cursor - info->buffer);
  g_autofree gchar *statement = g_strconcat (cli->typed->str, line, NULL);
  const char *word = line + strlen (line);
  while (word > line && is_word_char (word[-1]))
    word--;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) candidates = gw_rest_client_complete_statement (cli->client, statement,
                                                                 (int) strlen (statement), &error);
  if (candidates == NULL)
    return CC_ERROR;
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  for (guint i = 0; candidates[i]; i++)
    if (g_ascii_strncasecmp (candidates[i], word, strlen (word)) == 0)
      g_ptr_array_add (matches, candidates[i]);
  if (matches->len == 0)
    return CC_ERROR;
  /* The longest common prefix of the matches (case-insensitively) replaces the word. */
  gsize common = strlen (matches->pdata[0]);
  for (guint i = 1; i < matches->len; i++) {
    gsize j = 0;
    const char *a = matches->pdata[0], *b = matches->pdata[i];
    while (j < common && a[j] && b[j] && g_ascii_tolower (a[j]) == g_ascii_tolower (b[j]))
      j++;
    common = j;
  }
  if (common > strlen (word) || matches->len == 1) {
    el_deletestr (el, (int) strlen (word));
    g_autofree gchar *insert = g_strndup (matches->pdata[0], common);
    el_insertstr (el, insert);
    if (matches->len == 1)
      el_insertstr (el, " ");
    return CC_REFRESH;
  }
  fputc ('\n', stdout);
  for (guint i = 0; i < matches->len; i++)
    fprintf (stdout, "%s%s", (const char *) matches->pdata[i], i + 1 < matches->len ? "  " : "\n");
  return CC_REDISPLAY;
}

static History *
history_open (const char *path, HistEvent *event)
{
  History *hist = history_init ();
  history (hist, event, H_SETSIZE, HISTORY_SIZE);
  history (hist, event, H_SETUNIQUE, 1);
  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    history (hist, event, H_LOAD, path);
  return hist;
}

/* Runs every statement the splitter completed; FALSE when the session should end. */
static gboolean
run_complete_statements (Cli *cli, History *hist, HistEvent *event, const char *history_file,
                         int *status)
{
  g_autofree gchar *statement = NULL;
  while ((statement = gw_sql_splitter_next (cli->splitter)) != NULL) {
    g_autofree gchar *entry = g_strconcat (statement, ";", NULL);
    history (hist, event, H_ENTER, entry);
    if (history_file != NULL)
      history (hist, event, H_SAVE, history_file);  /* now, so a crash loses nothing */
    GwClientOutcome outcome = gw_client_executor_run (cli->executor, statement,
                                                      GW_CLIENT_MODE_INTERACTIVE);
    g_clear_pointer (&statement, g_free);
    fputc ('\n', stdout);
    fflush (stdout);
    if (outcome == GW_CLIENT_OUTCOME_QUIT)
      return FALSE;
    if (outcome == GW_CLIENT_OUTCOME_GATEWAY_LOST) {
      *status = 1;
      return FALSE;
    }
  }
  return TRUE;
}

int
gw_client_cli_run_interactive (GwClientExecutor *executor, GwRestClient *client,
                               const char *history_file, const char *banner)
{
  Cli cli = { executor, client, gw_sql_splitter_new (), g_string_new (NULL), { 0 } };
  HistEvent event;
  History *hist = history_open (history_file, &event);
  EditLine *el = el_init ("sql-client", stdin, stdout, stderr);
  el_set (el, EL_CLIENTDATA, &cli);
  el_set (el, EL_EDITOR, "emacs");
  el_set (el, EL_PROMPT, prompt_for);
  el_set (el, EL_HIST, history, hist);
  el_set (el, EL_GETCFN, read_char);
  el_set (el, EL_ADDFN, "sql-complete", "Complete the statement through the gateway", complete);
  el_set (el, EL_BIND, "^I", "sql-complete", NULL);
  el_source (el, NULL);

  fputs (banner, stdout);
  if (history_file != NULL)
    printf ("Command history file path: %s\n", history_file);
  fputc ('\n', stdout);
  int status = 0;
  for (;;) {
    gw_client_interrupt_drain_fd ();
    gw_client_interrupt_clear ();
    int count = 0;
    const char *line = el_gets (el, &count);
    if (line == NULL || count <= 0) {
      if (gw_client_interrupt_pending ()) {
        /* Ctrl-C at the prompt drops what was typed, like JLine's UserInterruptException. */
        fputc ('\n', stdout);
        gw_sql_splitter_reset (cli.splitter);
        g_string_truncate (cli.typed, 0);
        continue;
      }
      fputc ('\n', stdout);
      break;  /* Ctrl-D or end of input */
    }
    /* The splitter needs the line end (a -- comment stops there); the last line may lack one. */
    g_autofree gchar *text = line[count - 1] == '\n' ? g_strndup (line, count)
                                                     : g_strdup_printf ("%.*s\n", count, line);
    gw_sql_splitter_feed (cli.splitter, text);
    g_string_append (cli.typed, text);
    if (!run_complete_statements (&cli, hist, &event, history_file, &status))
      break;
    if (!gw_sql_splitter_has_pending (cli.splitter))
      g_string_truncate (cli.typed, 0);
  }
  el_end (el);
  history_end (hist);
  gw_sql_splitter_free (cli.splitter);
  g_string_free (cli.typed, TRUE);
  return status;
}
