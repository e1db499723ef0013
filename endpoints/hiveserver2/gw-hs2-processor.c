/* A ThriftProcessor that runs the generated TCLIService processor, bracketed by the handler's
 * in-flight count (gw-hs2-handler-private.h). A wrapper rather than a subclass: the generated
 * processor finds its parent class through the instance's class, so a subclass would dispatch
 * unknown methods to itself forever. */
#include "gw-hs2-handler-private.h"
#include "gw-hs2-processor.h"

typedef struct {
  ThriftProcessor  parent;
  ThriftProcessor *inner;   /* owned: the generated TCLIServiceProcessor */
  GwHs2Handler    *handler; /* owned ref */
} GwHs2Processor;

typedef struct {
  ThriftProcessorClass parent_class;
} GwHs2ProcessorClass;

G_DEFINE_TYPE (GwHs2Processor, gw_hs2_processor, THRIFT_TYPE_PROCESSOR)

static gboolean
gw_hs2_processor_process (ThriftProcessor *processor, ThriftProtocol *in, ThriftProtocol *out,
                          GError **error)
{
  GwHs2Processor *self = (GwHs2Processor *) processor;
  gw_hs2_handler_message_begin (self->handler);
  gboolean ok = thrift_processor_process (self->inner, in, out, error);
  gw_hs2_handler_call_end (self->handler);
  return ok;
}

static void
gw_hs2_processor_finalize (GObject *object)
{
  GwHs2Processor *self = (GwHs2Processor *) object;
  g_clear_object (&self->inner);
  g_clear_object (&self->handler);
  G_OBJECT_CLASS (gw_hs2_processor_parent_class)->finalize (object);
}

static void
gw_hs2_processor_class_init (GwHs2ProcessorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_hs2_processor_finalize;
  THRIFT_PROCESSOR_CLASS (klass)->process = gw_hs2_processor_process;
}

static void
gw_hs2_processor_init (GwHs2Processor *self)
{
}

ThriftProcessor *
gw_hs2_processor_new (GwHs2Handler *handler)
{
  g_return_val_if_fail (GW_IS_HS2_HANDLER (handler), NULL);
  GwHs2Processor *self = g_object_new (gw_hs2_processor_get_type (), NULL);
  self->handler = g_object_ref (handler);
  self->inner = g_object_new (TYPE_T_C_L_I_SERVICE_PROCESSOR, "handler", handler, NULL);
  return (ThriftProcessor *) self;
}
