/* STUB */
#include "gw-flink-lexer.h"
