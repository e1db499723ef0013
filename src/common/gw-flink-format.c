/* STUB */
#include "gw-flink-statement.h"
