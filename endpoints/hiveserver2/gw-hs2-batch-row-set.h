/* GwHs2BatchRowSet: the TRowSet of a columnar FetchResults reply (protocol V6 and up) that
 * writes itself straight from the GwBatch with gw_hs2_row_set_write_columnar(), so the
 * generated processor sends the rows without one TColumn struct or string copy per value. */
#pragma once

#include "gw-hs2-rowset.h"

G_BEGIN_DECLS

/* Takes references on schema, batch (may be NULL: no rows) and zone (may be NULL). Its
 * members stay empty: only writing it is meaningful. */
TRowSet *gw_hs2_batch_row_set_new (GwResultSchema *schema, GwBatch *batch, gint64 start_row_offset,
                                   GTimeZone *zone);

G_END_DECLS
