/* Ctrl-C for the SQL client: SIGINT cancels the statement in flight (its GCancellable), wakes a
 * waiting poll loop and interrupts line editing; whichever thread the kernel delivers it to. A
 * watcher thread turns the signal into those actions and drives periodic ticks (the live status
 * line). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*GwClientTickFunc) (void);

/* Installs the SIGINT handler and starts the watcher thread; tick (may be NULL) runs on that
 * thread about every 100 ms. */
void          gw_client_interrupt_install (GwClientTickFunc tick);
/* A statement starts: returns a fresh cancellable (borrowed, valid until end) that the next
 * SIGINT cancels, and clears the interrupted flag. */
GCancellable *gw_client_interrupt_begin (void);
void          gw_client_interrupt_end (void);
/* TRUE when SIGINT arrived since begin (or since the last clear). */
gboolean      gw_client_interrupt_pending (void);
void          gw_client_interrupt_clear (void);
/* Sleeps up to ms, returns TRUE at once when interrupted. */
gboolean      gw_client_interrupt_wait (guint ms);
/* The flag itself, for loops that poll it (the full-screen view). */
volatile gint *gw_client_interrupt_flag (void);
/* A descriptor that becomes readable on SIGINT (for poll() in line editing); drain with
 * gw_client_interrupt_drain_fd. */
int           gw_client_interrupt_fd (void);
void          gw_client_interrupt_drain_fd (void);

G_END_DECLS
