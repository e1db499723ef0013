/* GwLogicalType → DuckDB type SQL for CREATE TABLE and casts: STRING → VARCHAR, BYTES → BLOB,
 * TIMESTAMP_LTZ → TIMESTAMPTZ, ARRAY<T> → T[], MAP<K,V> → MAP(K, V), ROW<..> → STRUCT(..),
 * MULTISET<T> → MAP(T, INTEGER) (Flink's own representation), INTERVAL → INTERVAL. */
#pragma once

#include "gw-logical-type.h"

G_BEGIN_DECLS

gchar *gw_duckdb_type_sql (const GwLogicalType *type);

G_END_DECLS
