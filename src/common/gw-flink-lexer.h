/* STUB: the Flink SQL tokenizer used by gw-flink-parser.c (private to src/common). */
#pragma once

#include <glib.h>
