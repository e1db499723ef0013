/* The terminal side of the full-screen result view: alternate screen and termios in and out, key
 * decoding, and the loop that interleaves fetching on the refresh interval with key presses. */
#include "gw-client-view-private.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define ESC 0x1b

#define ESC_ENTER "\x1b[?1049h\x1b[?25l"           /* alternate screen, hide cursor */
#define ESC_LEAVE "\x1b[0m\x1b[?25h\x1b[?1049l"    /* plain attributes, show cursor, main screen */

/* The caller's SIGINT handler only sets a flag, so input is polled at most this long between checks. */
#define POLL_MS 100
/* A lone ESC is a key of its own once no byte followed it for this long. */
#define ESC_DELAY_US (50 * 1000)
/* A CSI longer than this is garbage, not a key: drop it rather than wait for a final byte forever. */
#define MAX_SEQUENCE 16

#define FALLBACK_WIDTH  80
#define FALLBACK_HEIGHT 24

static GwClientViewKey
key_for_byte (guint8 c)
{
  switch (c) {
  case 'q': case 'Q': return GW_CLIENT_VIEW_KEY_QUIT;
  case 'r': case 'R': return GW_CLIENT_VIEW_KEY_REFRESH;
  case '+':           return GW_CLIENT_VIEW_KEY_INC_REFRESH;
  case '-':           return GW_CLIENT_VIEW_KEY_DEC_REFRESH;
  case 'n': case 'N': case ' ': return GW_CLIENT_VIEW_KEY_NEXT_PAGE;
  case 'p': case 'P': return GW_CLIENT_VIEW_KEY_PREV_PAGE;
  case 'f': case 'F': return GW_CLIENT_VIEW_KEY_FIRST_PAGE;
  case 'l': case 'L': return GW_CLIENT_VIEW_KEY_LAST_PAGE;
  case 'k':           return GW_CLIENT_VIEW_KEY_UP;
  case 'j':           return GW_CLIENT_VIEW_KEY_DOWN;
  case 'o': case 'O': case '\r': case '\n': return GW_CLIENT_VIEW_KEY_OPEN;
  case ESC:           return GW_CLIENT_VIEW_KEY_ESCAPE;
  default:            return GW_CLIENT_VIEW_KEY_OTHER;
  }
}

/* The key of a complete CSI (ESC [ params final) or SS3 (ESC O final) sequence; modifiers
 * ("ESC [ 1 ; 5 A") are ignored. xterm, VT220 and rxvt spell Home/End differently. */
static GwClientViewKey
key_for_sequence (guint8 final, guint param)
{
  switch (final) {
  case 'A': return GW_CLIENT_VIEW_KEY_UP;
  case 'B': return GW_CLIENT_VIEW_KEY_DOWN;
  case 'C': return GW_CLIENT_VIEW_KEY_RIGHT;
  case 'D': return GW_CLIENT_VIEW_KEY_LEFT;
  case 'H': return GW_CLIENT_VIEW_KEY_FIRST_PAGE;
  case 'F': return GW_CLIENT_VIEW_KEY_LAST_PAGE;
  case '~':
    switch (param) {
    case 1: case 7: return GW_CLIENT_VIEW_KEY_FIRST_PAGE;  /* Home */
    case 4: case 8: return GW_CLIENT_VIEW_KEY_LAST_PAGE;   /* End */
    case 5:         return GW_CLIENT_VIEW_KEY_PREV_PAGE;   /* PageUp */
    case 6:         return GW_CLIENT_VIEW_KEY_NEXT_PAGE;   /* PageDown */
    default:        return GW_CLIENT_VIEW_KEY_OTHER;
    }
  default:
    return GW_CLIENT_VIEW_KEY_OTHER;
  }
}

GwClientViewKey
gw_client_view_key_decode (const guint8 *buf, gsize len, gboolean more_may_follow, gsize *consumed)
{
  g_return_val_if_fail (consumed != NULL, GW_CLIENT_VIEW_KEY_OTHER);
  *consumed = 0;
  g_return_val_if_fail (buf != NULL && len > 0, GW_CLIENT_VIEW_KEY_INCOMPLETE);

  if (buf[0] != ESC) {
    *consumed = 1;
    return key_for_byte (buf[0]);
  }
  if (len == 1) {
    if (more_may_follow)
      return GW_CLIENT_VIEW_KEY_INCOMPLETE;
    *consumed = 1;
    return GW_CLIENT_VIEW_KEY_ESCAPE;
  }
  if (buf[1] != '[' && buf[1] != 'O') {
    /* ESC then a plain key (Alt+key, or ESC typed just before another key): two keys. */
    *consumed = 1;
    return GW_CLIENT_VIEW_KEY_ESCAPE;
  }

  /* CSI: parameter bytes 0x30-0x3f, intermediates 0x20-0x2f, one final byte 0x40-0x7e (ECMA-48).
   * SS3 has the final byte right away. */
  guint param = 0;
  gboolean first_param = TRUE;
  for (gsize i = 2; i < len && i < MAX_SEQUENCE; i++) {
    guint8 c = buf[i];
    if (c >= 0x40 && c <= 0x7e) {
      *consumed = i + 1;
      return key_for_sequence (c, param);
    }
    if (c < 0x20 || c > 0x3f || buf[1] == 'O') {
      /* Not a sequence after all: drop what was read so far, keep this byte for the next key. */
      *consumed = i;
      return GW_CLIENT_VIEW_KEY_OTHER;
    }
    if (c == ';')
      first_param = FALSE;
    else if (first_param && c >= '0' && c <= '9' && param < 1000)
      param = param * 10 + (c - '0');
  }
  if (len < MAX_SEQUENCE && more_may_follow)
    return GW_CLIENT_VIEW_KEY_INCOMPLETE;
  /* Cut short by an input pause, or too long: swallow it whole so none of it reads as letters. */
  *consumed = MIN (len, (gsize) MAX_SEQUENCE);
  return GW_CLIENT_VIEW_KEY_OTHER;
}

/* -- terminal -- */

typedef struct {
  int            in_fd, out_fd;
  gboolean       saved_valid;  /* FALSE when in_fd is no terminal: nothing to restore */
  struct termios saved;
} GwClientViewTerminal;

static void
write_all (int fd, const char *data, gsize len)
{
  while (len > 0) {
    ssize_t n = write (fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      struct pollfd pfd = { .fd = fd, .events = POLLOUT };
      if (poll (&pfd, 1, POLL_MS) >= 0)
        continue;
    }
    if (n <= 0)
      return;  /* the terminal is gone; the loop ends on the input side */
    data += n;
    len -= (gsize) n;
  }
}

static void
terminal_enter (GwClientViewTerminal *term, int in_fd, int out_fd)
{
  term->in_fd = in_fd;
  term->out_fd = out_fd;
  term->saved_valid = tcgetattr (in_fd, &term->saved) == 0;
  if (term->saved_valid) {
    struct termios raw = term->saved;
    /* Keys arrive one by one and unechoed; ISIG stays so Ctrl-C still reaches the caller's handler. */
    raw.c_lflag &= ~(ICANON | ECHO | IEXTEN);
    raw.c_iflag &= ~(IXON);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr (in_fd, TCSANOW, &raw);
  }
  write_all (out_fd, ESC_ENTER, strlen (ESC_ENTER));
}

static void
terminal_leave (GwClientViewTerminal *term)
{
  write_all (term->out_fd, ESC_LEAVE, strlen (ESC_LEAVE));
  if (term->saved_valid)
    tcsetattr (term->in_fd, TCSANOW, &term->saved);
}

static void
terminal_size (int fd, guint *width, guint *height)
{
  struct winsize ws = { 0 };
  if (ioctl (fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
    *width = ws.ws_col;
    *height = ws.ws_row;
  } else {
    *width = FALLBACK_WIDTH;
    *height = FALLBACK_HEIGHT;
  }
}

/* -- the loop -- */

typedef struct {
  const GwClientViewConfig *config;
  volatile gint            *interrupted;
  GwClientViewState        *state;       /* borrowed */
  gint64                    last_fetch;  /* monotonic µs of the last fetch */
  gint64                    next_fetch;  /* monotonic µs; G_MAXINT64: manual refresh only */
  GByteArray               *input;       /* owned: bytes read but not yet decoded */
  gint64                    input_at;    /* monotonic µs of the last read */
  guint                     width, height;
  gboolean                  dirty;       /* the screen no longer shows the state */
} GwClientViewLoop;

static gboolean
loop_interrupted (const GwClientViewLoop *loop)
{
  return loop->interrupted != NULL && *loop->interrupted != 0;
}

static void
schedule_next_fetch (GwClientViewLoop *loop)
{
  gint ms = gw_client_view_state_get_refresh_ms (loop->state);
  loop->next_fetch = ms < 0 ? G_MAXINT64 : loop->last_fetch + (gint64) ms * 1000;
}

static void
fetch (GwClientViewLoop *loop)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  g_autoptr (GError) error = NULL;
  gboolean end_of_result = FALSE;

  if (loop->config->fetch (loop->config->fetch_data, rows, &end_of_result, &error)) {
    gw_client_view_state_append (loop->state, rows);
    loop->state->updated_usec = g_get_real_time ();
    if (end_of_result)
      gw_client_view_state_set_finished (loop->state);
  } else {
    gw_client_view_state_set_failed (loop->state, error != NULL ? error->message : NULL);
  }
  loop->last_fetch = g_get_monotonic_time ();
  schedule_next_fetch (loop);
  loop->dirty = TRUE;
}

static void
redraw (GwClientViewLoop *loop)
{
  g_autoptr (GString) frame = g_string_sized_new (4096);
  gw_client_view_render (loop->state, loop->width, loop->height, frame);
  write_all (loop->config->out_fd, frame->str, frame->len);
  loop->dirty = FALSE;
}

/* Applies the decoded keys; FALSE when the user quit. */
static gboolean
handle_input (GwClientViewLoop *loop, gboolean more_may_follow)
{
  guint rows_per_page = gw_client_view_rows_per_page (loop->height);
  while (loop->input->len > 0) {
    gsize used = 0;
    GwClientViewKey key = gw_client_view_key_decode (loop->input->data, loop->input->len, more_may_follow, &used);
    if (key == GW_CLIENT_VIEW_KEY_INCOMPLETE)
      break;
    g_byte_array_remove_range (loop->input, 0, (guint) used);
    loop->dirty = TRUE;
    switch (gw_client_view_state_handle_key (loop->state, key, rows_per_page)) {
    case GW_CLIENT_VIEW_ACTION_QUIT:
      return FALSE;
    case GW_CLIENT_VIEW_ACTION_FETCH_NOW:
      loop->next_fetch = 0;
      break;
    case GW_CLIENT_VIEW_ACTION_RESCHEDULE:
      schedule_next_fetch (loop);
      break;
    case GW_CLIENT_VIEW_ACTION_REDRAW:
      break;
    }
  }
  return TRUE;
}

/* Waits for input up to the next fetch (at most POLL_MS); FALSE when the terminal is gone or the user quit. */
static gboolean
wait_for_keys (GwClientViewLoop *loop)
{
  gint timeout = POLL_MS;
  if (loop->state->fetch_state == GW_CLIENT_VIEW_FETCHING) {
    gint64 until = (loop->next_fetch - g_get_monotonic_time ()) / 1000;
    timeout = (gint) CLAMP (until, 0, POLL_MS);
  }

  struct pollfd pfd = { .fd = loop->config->in_fd, .events = POLLIN };
  int ready = poll (&pfd, 1, timeout);
  if (ready < 0)
    return errno == EINTR;  /* a signal: the caller's flag is checked next round */
  if (ready == 0) {
    /* After a pause, whatever escape sequence started is all there is (a lone ESC). */
    if (g_get_monotonic_time () - loop->input_at >= ESC_DELAY_US)
      return handle_input (loop, FALSE);
    return TRUE;
  }
  if (pfd.revents & (POLLERR | POLLNVAL))
    return FALSE;

  guint8 buf[256];
  ssize_t n = read (loop->config->in_fd, buf, sizeof buf);
  if (n < 0)
    return errno == EINTR || errno == EAGAIN;
  if (n == 0)
    return FALSE;  /* end of input: nobody left to press q */
  g_byte_array_append (loop->input, buf, (guint) n);
  loop->input_at = g_get_monotonic_time ();
  return handle_input (loop, TRUE);
}

static void
run_loop (GwClientViewLoop *loop)
{
  while (!loop_interrupted (loop)) {
    guint width, height;
    terminal_size (loop->config->out_fd, &width, &height);
    if (width != loop->width || height != loop->height) {
      /* Resized (SIGWINCH is left to the caller; polling the size is enough at 10 Hz). */
      loop->width = width;
      loop->height = height;
      loop->dirty = TRUE;
    }
    if (loop->dirty)
      redraw (loop);

    if (loop->state->fetch_state == GW_CLIENT_VIEW_FETCHING && g_get_monotonic_time () >= loop->next_fetch) {
      fetch (loop);
      continue;
    }
    if (!wait_for_keys (loop))
      break;
  }
}

gboolean
gw_client_view_run (const GwClientViewConfig *config, volatile gint *interrupted)
{
  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (config->fetch != NULL, FALSE);
  g_return_val_if_fail (config->columns != NULL || config->n_columns == 0, FALSE);

  g_autoptr (GwClientViewState) state = gw_client_view_state_new (config);
  g_autoptr (GByteArray) input = g_byte_array_new ();
  GwClientViewLoop loop = {
    .config = config,
    .interrupted = interrupted,
    .state = state,
    .next_fetch = 0,  /* fetch right after the first frame */
    .input = input,
    .dirty = TRUE,
  };

  GwClientViewTerminal term;
  terminal_enter (&term, config->in_fd, config->out_fd);
  /* run_loop has no other way out than returning here, so the terminal is always restored. */
  run_loop (&loop);
  terminal_leave (&term);

  return state->fetch_state == GW_CLIENT_VIEW_FINISHED;
}
