/* Unit tests of the DOM-free result-page parser: Flink's page shapes, escapes, NULLs, values a
 * gateway sent as JSON instead of text, and malformed or truncated bodies. */
#include "gw-rest-client-private.h"

#include <string.h>

static GwRestPage *
parse_ok (const char *json)
{
  g_autoptr (GError) error = NULL;
  GwRestPage *page = gw_rest_page_parse (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

static void
test_not_ready (void)
{
  g_autoptr (GwRestPage) page = parse_ok (
    "{\"resultType\":\"NOT_READY\",\"nextResultUri\":\"/v2/sessions/s/operations/o/result/0?rowFormat=PLAIN_TEXT\"}");
  g_assert_cmpint (page->result_type, ==, GW_REST_RESULT_NOT_READY);
  g_assert_cmpstr (page->next_uri, ==, "/v2/sessions/s/operations/o/result/0?rowFormat=PLAIN_TEXT");
  g_assert_cmpuint (page->columns->len, ==, 0);
  g_assert_cmpuint (page->rows->len, ==, 0);
}

static void
test_payload (void)
{
  g_autoptr (GwRestPage) page = parse_ok (
    "{ \"resultType\" : \"PAYLOAD\", \"isQueryResult\": true, \"jobID\": \"6c982d81ad1ba7b0725983294973e0aa\",\n"
    "  \"resultKind\": \"SUCCESS_WITH_CONTENT\", \"results\": {\"columns\": [\n"
    "    {\"name\": \"a\", \"logicalType\": {\"type\": \"DECIMAL\", \"nullable\": true, \"precision\": 10, \"scale\": 2}, \"comment\": null},\n"
    "    {\"name\": \"b\", \"logicalType\": {\"type\": \"ROW\", \"fields\": [{\"name\": \"x\", \"fieldType\": {\"type\": \"INTEGER\"}}]}, \"comment\": \"c\"}],\n"
    "  \"rowFormat\": \"PLAIN_TEXT\", \"data\": [\n"
    "    {\"kind\": \"INSERT\", \"fields\": [\"1.50\", null]},\n"
    "    {\"kind\": \"UPDATE_AFTER\", \"fields\": [\"tab\\there \\\"q\\\" \\u00e9 \\ud83d\\ude00 \\/\", {\"x\": [1, 2.5e3, false]}]}]},\n"
    "  \"nextResultUri\": \"/v2/next\" }\n");
  g_assert_cmpint (page->result_type, ==, GW_REST_RESULT_PAYLOAD);
  g_assert_true (page->is_query_result);
  g_assert_false (page->result_kind_success);
  g_assert_cmpstr (page->job_id, ==, "6c982d81ad1ba7b0725983294973e0aa");
  g_assert_cmpstr (page->next_uri, ==, "/v2/next");
  g_assert_cmpuint (page->columns->len, ==, 2);
  GwClientColumn *a = &g_array_index (page->columns, GwClientColumn, 0);
  GwClientColumn *b = &g_array_index (page->columns, GwClientColumn, 1);
  g_assert_cmpstr (a->name, ==, "a");
  g_assert_cmpstr (a->type_root, ==, "DECIMAL");
  g_assert_cmpint (a->precision, ==, 10);
  g_assert_cmpstr (b->type_root, ==, "ROW");
  g_assert_cmpint (b->precision, ==, -1);
  g_assert_cmpuint (page->rows->len, ==, 2);
  GwClientRow *r0 = page->rows->pdata[0], *r1 = page->rows->pdata[1];
  g_assert_cmpint (r0->kind, ==, GW_CLIENT_ROW_INSERT);
  g_assert_cmpuint (r0->n_fields, ==, 2);
  g_assert_cmpstr (r0->fields[0], ==, "1.50");
  g_assert_null (r0->fields[1]);
  g_assert_cmpint (r1->kind, ==, GW_CLIENT_ROW_UPDATE_AFTER);
  g_assert_cmpstr (r1->fields[0], ==, "tab\there \"q\" \xc3\xa9 \xf0\x9f\x98\x80 /");
  g_assert_cmpstr (r1->fields[1], ==, "{\"x\": [1, 2.5e3, false]}");
}

static void
test_ok_result_and_eos (void)
{
  g_autoptr (GwRestPage) ok = parse_ok (
    "{\"resultType\":\"PAYLOAD\",\"isQueryResult\":false,\"resultKind\":\"SUCCESS\",\"results\":"
    "{\"columns\":[{\"name\":\"result\",\"logicalType\":{\"type\":\"VARCHAR\",\"nullable\":true,"
    "\"length\":2147483647},\"comment\":null}],\"rowFormat\":\"PLAIN_TEXT\",\"data\":[{\"kind\":"
    "\"INSERT\",\"fields\":[\"OK\"]}]},\"nextResultUri\":\"/v4/x/result/1?rowFormat=PLAIN_TEXT\"}");
  g_assert_true (ok->result_kind_success);
  g_assert_false (ok->is_query_result);
  g_assert_null (ok->job_id);
  g_autoptr (GwRestPage) eos = parse_ok (
    "{\"resultType\":\"EOS\",\"isQueryResult\":true,\"resultKind\":\"SUCCESS_WITH_CONTENT\","
    "\"results\":{\"columns\":[],\"rowFormat\":\"PLAIN_TEXT\",\"data\":[]}}");
  g_assert_cmpint (eos->result_type, ==, GW_REST_RESULT_EOS);
  g_assert_null (eos->next_uri);
}

static void
test_malformed (void)
{
  const char *bad[] = {
    "",
    "[]",
    "{\"resultType\":\"PAYLOAD\"",                                     /* truncated */
    "{\"resultType\":\"PAYLOAD\",\"results\":{\"data\":[{\"fields\":[\"a\",\"b",  /* mid-row */
    "{\"resultType\":\"PAYLOAD\"} trailing",
    "{\"resultType\":\"PAYL\\q\"}",                                    /* bad escape */
    "{\"resultType\":\"PAYLOAD\",\"results\":{\"data\":[{\"fields\":[\"\\ud83d\"]}]}}", /* lone surrogate */
    "{\"resultType\":\"SOMETHING\"}",                                   /* unknown type */
    "{\"resultType\":\"PAYLOAD\",\"x\":" "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",  /* too deep */
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GwRestPage) page = gw_rest_page_parse (bad[i], strlen (bad[i]), &error);
    g_assert_null (page);
    g_assert_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rest-page/not-ready", test_not_ready);
  g_test_add_func ("/rest-page/payload", test_payload);
  g_test_add_func ("/rest-page/ok-and-eos", test_ok_result_and_eos);
  g_test_add_func ("/rest-page/malformed", test_malformed);
  return g_test_run ();
}
