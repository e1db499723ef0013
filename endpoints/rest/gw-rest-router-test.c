/* REST routing: every path and version of the matrix, parameter parsing, 404s. */
#include "gw-rest-router.h"

#define S "123e4567-e89b-42d3-a456-426614174000"
#define O "00000000-0000-4000-8000-000000000001"

static GwRestRoute
route_ok (const char *method, const char *path)
{
  GwRestRoute r;
  const char *param;
  g_autofree gchar *value = NULL;
  GwRouteResult result = gw_rest_route (method, path, &r, &param, &value);
  if (result != GW_ROUTE_MATCHED)
    g_error ("%s %s did not match (%d)", method, path, result);
  return r;
}

static GwRouteResult
route_result (const char *method, const char *path)
{
  GwRestRoute r;
  const char *param;
  g_autofree gchar *value = NULL;
  return gw_rest_route (method, path, &r, &param, &value);
}

static void
test_versions (void)
{
  const char *prefixes[] = { "/v1", "/v2", "/v3", "/v4", "" };
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++) {
    g_autofree gchar *path = g_strdup_printf ("%s/sessions/" S "/operations/" O "/result/7", prefixes[i]);
    GwRestRoute r = route_ok ("GET", path);
    g_assert_cmpint (r.id, ==, GW_ROUTE_FETCH_RESULTS);
    g_assert_cmpint (r.version, ==, i < 4 ? (GwRestVersion) (i + 1) : GW_REST_V4);
    g_assert_cmpint (r.versioned, ==, i < 4);
    g_assert_cmpint (r.token, ==, 7);
    char text[37];
    gw_handle_to_string (&r.session, text);
    g_assert_cmpstr (text, ==, S);
  }
  g_assert_cmpstr (gw_rest_version_prefix (GW_REST_V2), ==, "v2");
  g_assert_cmpstr (gw_rest_version_name (GW_REST_V3), ==, "V3");
}

static void
test_matrix (void)
{
  g_assert_cmpint (route_ok ("GET", "/v1/api_versions").id, ==, GW_ROUTE_API_VERSIONS);
  g_assert_cmpint (route_ok ("GET", "/info").id, ==, GW_ROUTE_INFO);
  g_assert_cmpint (route_ok ("POST", "/v2/sessions/").id, ==, GW_ROUTE_OPEN_SESSION);
  g_assert_cmpint (route_ok ("GET", "/v1/sessions/" S).id, ==, GW_ROUTE_GET_SESSION_CONFIG);
  g_assert_cmpint (route_ok ("DELETE", "/sessions/" S).id, ==, GW_ROUTE_CLOSE_SESSION);
  g_assert_cmpint (route_ok ("POST", "/v1/sessions/" S "/heartbeat").id, ==, GW_ROUTE_HEARTBEAT);
  g_assert_cmpint (route_ok ("POST", "/v2/sessions/" S "/configure-session").id, ==, GW_ROUTE_CONFIGURE_SESSION);
  g_assert_cmpint (route_ok ("GET", "/v3/sessions/" S "/complete-statement").id, ==, GW_ROUTE_COMPLETE_STATEMENT);
  g_assert_cmpint (route_ok ("POST", "/v4/sessions/" S "/statements").id, ==, GW_ROUTE_EXECUTE_STATEMENT);
  g_assert_cmpint (route_ok ("GET", "/sessions/" S "/operations/" O "/status").id, ==, GW_ROUTE_OPERATION_STATUS);
  g_assert_cmpint (route_ok ("POST", "/sessions/" S "/operations/" O "/cancel").id, ==, GW_ROUTE_CANCEL_OPERATION);
  g_assert_cmpint (route_ok ("DELETE", "/sessions/" S "/operations/" O "/close").id, ==, GW_ROUTE_CLOSE_OPERATION);
  g_assert_cmpint (route_ok ("POST", "/v3/sessions/" S "/materialized-tables/a.b.c/refresh").id, ==,
                   GW_ROUTE_REFRESH_MATERIALIZED_TABLE);
  g_assert_cmpint (route_ok ("DELETE", "/v3/workflow/embedded-scheduler/delete").id, ==, GW_ROUTE_WORKFLOW_SCHEDULER);
  g_assert_cmpint (route_ok ("POST", "/v4/sessions/" S "/scripts").id, ==, GW_ROUTE_DEPLOY_SCRIPT);
  g_assert_cmpint (route_ok ("POST", "/sessions/" S "/scripts").id, ==, GW_ROUTE_DEPLOY_SCRIPT);
}

static void
test_not_found (void)
{
  g_assert_cmpint (route_result ("POST", "/v1/sessions/" S "/configure-session"), ==, GW_ROUTE_NOT_FOUND);
  g_assert_cmpint (route_result ("GET", "/v1/sessions/" S "/complete-statement"), ==, GW_ROUTE_NOT_FOUND);
  g_assert_cmpint (route_result ("POST", "/sessions/" S "/materialized-tables/x/refresh"), ==, GW_ROUTE_NOT_FOUND);
  g_assert_cmpint (route_result ("POST", "/v4/sessions/" S "/materialized-tables/x/refresh"), ==, GW_ROUTE_NOT_FOUND);
  g_assert_cmpint (route_result ("POST", "/v3/sessions/" S "/scripts"), ==, GW_ROUTE_NOT_FOUND);
  g_assert_cmpint (route_result ("PUT", "/v1/sessions"), ==, GW_ROUTE_NOT_FOUND);
  g_assert_cmpint (route_result ("GET", "/v5/info"), ==, GW_ROUTE_NOT_FOUND);
  g_assert_cmpint (route_result ("GET", "/"), ==, GW_ROUTE_NOT_FOUND);
  g_assert_cmpint (route_result ("GET", "/v1/nope"), ==, GW_ROUTE_NOT_FOUND);
}

static void
test_bad_params (void)
{
  GwRestRoute r;
  const char *param;
  g_autofree gchar *value = NULL;
  g_assert_cmpint (gw_rest_route ("GET", "/v1/sessions/abc", &r, &param, &value), ==, GW_ROUTE_BAD_PARAM);
  g_assert_cmpstr (param, ==, "session_handle");
  g_assert_cmpstr (value, ==, "abc");
  g_clear_pointer (&value, g_free);
  g_assert_cmpint (gw_rest_route ("GET", "/sessions/" S "/operations/zz/status", &r, &param, &value), ==,
                   GW_ROUTE_BAD_PARAM);
  g_assert_cmpstr (param, ==, "operation_handle");
  g_clear_pointer (&value, g_free);
  g_assert_cmpint (gw_rest_route ("GET", "/sessions/" S "/operations/" O "/result/1x", &r, &param, &value), ==,
                   GW_ROUTE_BAD_PARAM);
  g_assert_cmpstr (param, ==, "token");
  g_clear_pointer (&value, g_free);
  g_assert_cmpint (gw_rest_route ("GET", "/sessions/" S "/operations/" O "/result/99999999999999999999",
                                  &r, &param, &value), ==, GW_ROUTE_BAD_PARAM);
  g_clear_pointer (&value, g_free);
  g_assert_cmpint (route_ok ("GET", "/sessions/" S "/operations/" O "/result/-1").token, ==, -1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rest/router/versions", test_versions);
  g_test_add_func ("/rest/router/matrix", test_matrix);
  g_test_add_func ("/rest/router/not-found", test_not_found);
  g_test_add_func ("/rest/router/bad-params", test_bad_params);
  return g_test_run ();
}
