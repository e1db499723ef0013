/* SIGINT → flag + two self-pipes (async-signal-safe): the watcher thread's pipe cancels the
 * current statement and wakes waiters; the prompt's pipe interrupts line editing. */
#include "gw-client-interrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

static int watcher_pipe[2] = { -1, -1 };
static int prompt_pipe[2] = { -1, -1 };
static volatile gint interrupted;

static GMutex lock;
static GCond cond;
static GCancellable *current;  /* owned, under lock; NULL between statements */
static GwClientTickFunc tick_func;

static void
on_sigint (int signo)
{
  int saved = errno;
  g_atomic_int_set (&interrupted, 1);
  char byte = 1;
  if (write (watcher_pipe[1], &byte, 1) < 0) { /* full pipe: already signalled */ }
  if (write (prompt_pipe[1], &byte, 1) < 0) { }
  errno = saved;
}

static void
drain (int fd)
{
  char buffer[64];
  while (read (fd, buffer, sizeof buffer) > 0)
    ;
}

static gpointer
watcher_thread (gpointer data)
{
  for (;;) {
    struct pollfd pfd = { watcher_pipe[0], POLLIN, 0 };
    int n = poll (&pfd, 1, 100);
    if (n > 0) {
      drain (watcher_pipe[0]);
      g_mutex_lock (&lock);
      if (current != NULL)
        g_cancellable_cancel (current);
      g_cond_broadcast (&cond);
      g_mutex_unlock (&lock);
    }
    if (tick_func != NULL)
      tick_func ();
  }
  return NULL;
}

static void
make_pipe (int fds[2])
{
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    g_error ("cannot create a pipe for signal handling");
  fcntl (fds[0], F_SETFL, O_NONBLOCK);
  fcntl (fds[1], F_SETFL, O_NONBLOCK);
}

void
gw_client_interrupt_install (GwClientTickFunc tick)
{
  tick_func = tick;
  make_pipe (watcher_pipe);
  make_pipe (prompt_pipe);
  struct sigaction action = { 0 };
  action.sa_handler = on_sigint;
  sigemptyset (&action.sa_mask);
  action.sa_flags = 0;  /* no SA_RESTART: a blocking read at the prompt returns EINTR */
  sigaction (SIGINT, &action, NULL);
  g_thread_unref (g_thread_new ("sql-client-signals", watcher_thread, NULL));
}

GCancellable *
gw_client_interrupt_begin (void)
{
  g_mutex_lock (&lock);
  g_clear_object (&current);
  current = g_cancellable_new ();
  g_atomic_int_set (&interrupted, 0);
  GCancellable *result = current;
  g_mutex_unlock (&lock);
  return result;
}

void
gw_client_interrupt_end (void)
{
  g_mutex_lock (&lock);
  g_clear_object (&current);
  g_mutex_unlock (&lock);
}

gboolean
gw_client_interrupt_pending (void)
{
  return g_atomic_int_get (&interrupted) != 0;
}

void
gw_client_interrupt_clear (void)
{
  g_atomic_int_set (&interrupted, 0);
}

gboolean
gw_client_interrupt_wait (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * G_TIME_SPAN_MILLISECOND;
  g_mutex_lock (&lock);
  while (!gw_client_interrupt_pending ())
    if (!g_cond_wait_until (&cond, &lock, deadline))
      break;
  g_mutex_unlock (&lock);
  return gw_client_interrupt_pending ();
}

volatile gint *
gw_client_interrupt_flag (void)
{
  return &interrupted;
}

int
gw_client_interrupt_fd (void)
{
  return prompt_pipe[0];
}

void
gw_client_interrupt_drain_fd (void)
{
  drain (prompt_pipe[0]);
}
