/* Every legal and illegal operation status transition. */
#include "gw-operation-status.h"

static const gboolean expected[8][8] = {
  /* to:       INIT   PEND   RUN    FIN    CANC   CLOS   ERR    TIME */
  /* INIT */ { FALSE, TRUE,  FALSE, FALSE, TRUE,  TRUE,  TRUE,  TRUE },
  /* PEND */ { FALSE, FALSE, TRUE,  FALSE, TRUE,  TRUE,  TRUE,  TRUE },
  /* RUN  */ { FALSE, FALSE, FALSE, TRUE,  TRUE,  TRUE,  TRUE,  TRUE },
  /* FIN  */ { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE,  FALSE, FALSE },
  /* CANC */ { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE,  FALSE, FALSE },
  /* CLOS */ { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
  /* ERR  */ { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE,  FALSE, FALSE },
  /* TIME */ { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE,  FALSE, FALSE },
};

static void
test_every_transition (void)
{
  for (int from = GW_OPERATION_INITIALIZED; from <= GW_OPERATION_TIMEOUT; from++)
    for (int to = GW_OPERATION_INITIALIZED; to <= GW_OPERATION_TIMEOUT; to++) {
      if (gw_operation_status_can_transition (from, to) != expected[from][to])
        g_error ("%s -> %s: expected %s", gw_operation_status_name (from),
                 gw_operation_status_name (to), expected[from][to] ? "legal" : "illegal");
    }
}

static void
test_names_and_terminal (void)
{
  g_assert_cmpstr (gw_operation_status_name (GW_OPERATION_INITIALIZED), ==, "INITIALIZED");
  g_assert_cmpstr (gw_operation_status_name (GW_OPERATION_TIMEOUT), ==, "TIMEOUT");
  g_assert_cmpstr (gw_operation_status_name (GW_OPERATION_CANCELED), ==, "CANCELED");
  g_assert_false (gw_operation_status_is_terminal (GW_OPERATION_RUNNING));
  g_assert_true (gw_operation_status_is_terminal (GW_OPERATION_FINISHED));
  g_assert_true (gw_operation_status_is_terminal (GW_OPERATION_CLOSED));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/service/operation-status/transitions", test_every_transition);
  g_test_add_func ("/service/operation-status/names", test_names_and_terminal);
  return g_test_run ();
}
