/* GwHs2Processor: the generated TCLIService processor over a GwHs2Handler, counting each
 * message from reading it to flushing its reply as a call in progress of the handler, so that
 * gw_hs2_handler_shutdown() lets replies already being written reach their clients before the
 * transports cancel the connections' I/O. */
#pragma once

#include "gw-hs2-handler.h"

G_BEGIN_DECLS

/* The processor holds a reference on handler. Shared by every connection thread. */
ThriftProcessor *gw_hs2_processor_new (GwHs2Handler *handler);

G_END_DECLS
