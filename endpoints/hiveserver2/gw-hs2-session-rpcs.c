/* GwHs2Handler: the session RPCs besides OpenSession and CloseSession: GetInfo,
 * SetClientInfo, the delegation-token RPCs (refused) and the metadata RPCs, whose result sets
 * gw-hs2-metadata.c builds. */
#include "gw-hs2-handler-private.h"
#include "gw-hs2-info.h"
#include "gw-hs2-metadata.h"
#include "gw-hs2-status.h"

/* ---- GetInfo, SetClientInfo, delegation tokens ---- */

static gboolean
hs2_get_info (TCLIServiceIf *iface, TGetInfoResp **_return, const TGetInfoReq *req,
              GError **error)
{
  GwHs2Handler *self = GW_HS2_HANDLER (iface);
  TGetInfoResp *resp = *_return;
  /* infoValue is required: every error reply carries lenValue 0 (as Flink and Kyuubi). */
  resp->infoValue->lenValue = 0;
  resp->infoValue->__isset_lenValue = TRUE;
  if (!gw_hs2_handler_call_begin (self, resp->status))
    return TRUE;
  g_autoptr (GError) local = NULL;
  GwHandle session;
  if (!gw_hs2_handler_resolve_session (self, req->sessionHandle, &session, NULL, &local)) {
    gw_hs2_status_set_error (resp->status, local);
  } else if (!gw_service_heartbeat (self->service, &session, &local)) {
    gw_hs2_handler_reply_error (self, resp->status, &session, local);
  } else {
    g_autofree gchar *user = gw_hs2_handler_dup_session_user (self, &session);
    resp->infoValue->__isset_lenValue = FALSE;
    if (gw_hs2_info_get (self->service, user, req->infoType, resp->infoValue, &local))
      gw_hs2_status_set_success (resp->status);
    else
      gw_hs2_status_set_error (resp->status, local);
  }
  gw_hs2_handler_call_end (self);
  return TRUE;
}

GW_HS2_RPC (set_client_info, TSetClientInfoReq, TSetClientInfoResp)
static void
do_set_client_info (GwHs2Handler *self, const TSetClientInfoReq *req, TSetClientInfoResp *resp)
{
  g_autoptr (GError) error = NULL;
  GwHandle session;
  if (!gw_hs2_handler_resolve_session (self, req->sessionHandle, &session, NULL, &error)) {
    gw_hs2_status_set_error (resp->status, error);
    return;
  }
  if (!gw_service_heartbeat (self->service, &session, &error)) {
    gw_hs2_handler_reply_error (self, resp->status, &session, error);
    return;
  }
  /* Recorded for the session's lifetime (Hive 4 uses it for ApplicationName in its logs). */
  gw_hs2_handler_add_client_info (self, &session,
                                  req->__isset_configuration ? req->configuration : NULL);
  gw_hs2_status_set_success (resp->status);
}

static void
refuse_delegation_token (TStatus *status)
{
  gw_hs2_status_set_error_code (status, GW_ERROR_UNSUPPORTED,
                                "Delegation tokens are not supported: the HiveServer2 endpoint has "
                                "no Kerberos authentication (sql-gateway.endpoint.hiveserver2."
                                "authentication is NONE or NOSASL).");
}

GW_HS2_RPC (get_delegation_token, TGetDelegationTokenReq, TGetDelegationTokenResp)
static void
do_get_delegation_token (GwHs2Handler *self, const TGetDelegationTokenReq *req,
                         TGetDelegationTokenResp *resp)
{
  refuse_delegation_token (resp->status);
}

GW_HS2_RPC (cancel_delegation_token, TCancelDelegationTokenReq, TCancelDelegationTokenResp)
static void
do_cancel_delegation_token (GwHs2Handler *self, const TCancelDelegationTokenReq *req,
                            TCancelDelegationTokenResp *resp)
{
  refuse_delegation_token (resp->status);
}

GW_HS2_RPC (renew_delegation_token, TRenewDelegationTokenReq, TRenewDelegationTokenResp)
static void
do_renew_delegation_token (GwHs2Handler *self, const TRenewDelegationTokenReq *req,
                           TRenewDelegationTokenResp *resp)
{
  refuse_delegation_token (resp->status);
}

/* ---- metadata RPCs: a finished operation of the session, fetched like any other ---- */

#define OPTIONAL(req, field) ((req)->__isset_##field ? (req)->field : NULL)

/* The common tail of the metadata RPCs. has_session: session was read from the request. */
static void
reply_metadata (GwHs2Handler *self, TStatus *status, TOperationHandle *handle, gboolean *isset,
                const GwHandle *session, gboolean has_session, const GwHandle *operation,
                TOperationType type, gboolean ok, const GError *error)
{
  if (!ok) {
    gw_hs2_handler_reply_error (self, status, has_session ? session : NULL, error);
    return;
  }
  gw_hs2_handler_set_operation_handle (handle, session, operation, type, TRUE);
  *isset = TRUE;
  gw_hs2_status_set_success (status);
}

/* Declares the session and operation handles, reads the session, runs the listing `call`. */
#define METADATA_RPC(self, req, resp, type, call)                                              \
  G_STMT_START {                                                                               \
    g_autoptr (GError) error = NULL;                                                           \
    GwHandle session, operation;                                                               \
    gboolean has_session = gw_hs2_handler_resolve_session (self, (req)->sessionHandle,         \
                                                           &session, NULL, &error);            \
    gboolean ok = has_session && (call);                                                       \
    reply_metadata (self, (resp)->status, (resp)->operationHandle,                             \
                    &(resp)->__isset_operationHandle, &session, has_session, &operation, type, \
                    ok, error);                                                                \
  } G_STMT_END

GW_HS2_RPC (get_type_info, TGetTypeInfoReq, TGetTypeInfoResp)
static void
do_get_type_info (GwHs2Handler *self, const TGetTypeInfoReq *req, TGetTypeInfoResp *resp)
{
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_TYPE_INFO,
                gw_hs2_metadata_type_info (self->service, &session, &operation, &error));
}

GW_HS2_RPC (get_catalogs, TGetCatalogsReq, TGetCatalogsResp)
static void
do_get_catalogs (GwHs2Handler *self, const TGetCatalogsReq *req, TGetCatalogsResp *resp)
{
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_CATALOGS,
                gw_hs2_metadata_catalogs (self->service, &session, &operation, &error));
}

GW_HS2_RPC (get_schemas, TGetSchemasReq, TGetSchemasResp)
static void
do_get_schemas (GwHs2Handler *self, const TGetSchemasReq *req, TGetSchemasResp *resp)
{
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_SCHEMAS,
                gw_hs2_metadata_schemas (self->service, &session, OPTIONAL (req, catalogName),
                                         OPTIONAL (req, schemaName), &operation, &error));
}

GW_HS2_RPC (get_tables, TGetTablesReq, TGetTablesResp)
static void
do_get_tables (GwHs2Handler *self, const TGetTablesReq *req, TGetTablesResp *resp)
{
  g_autofree const char **types = NULL;
  if (req->__isset_tableTypes && req->tableTypes != NULL && req->tableTypes->len > 0) {
    types = g_new0 (const char *, req->tableTypes->len + 1);
    for (guint i = 0; i < req->tableTypes->len; i++)
      types[i] = req->tableTypes->pdata[i] ? req->tableTypes->pdata[i] : "";
  }
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_TABLES,
                gw_hs2_metadata_tables (self->service, &session, OPTIONAL (req, catalogName),
                                        OPTIONAL (req, schemaName), OPTIONAL (req, tableName),
                                        types, &operation, &error));
}

GW_HS2_RPC (get_table_types, TGetTableTypesReq, TGetTableTypesResp)
static void
do_get_table_types (GwHs2Handler *self, const TGetTableTypesReq *req, TGetTableTypesResp *resp)
{
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_TABLE_TYPES,
                gw_hs2_metadata_table_types (self->service, &session, &operation, &error));
}

GW_HS2_RPC (get_columns, TGetColumnsReq, TGetColumnsResp)
static void
do_get_columns (GwHs2Handler *self, const TGetColumnsReq *req, TGetColumnsResp *resp)
{
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_COLUMNS,
                gw_hs2_metadata_columns (self->service, &session, OPTIONAL (req, catalogName),
                                         OPTIONAL (req, schemaName), OPTIONAL (req, tableName),
                                         OPTIONAL (req, columnName), &operation, &error));
}

GW_HS2_RPC (get_functions, TGetFunctionsReq, TGetFunctionsResp)
static void
do_get_functions (GwHs2Handler *self, const TGetFunctionsReq *req, TGetFunctionsResp *resp)
{
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_FUNCTIONS,
                gw_hs2_metadata_functions (self->service, &session, OPTIONAL (req, catalogName),
                                           OPTIONAL (req, schemaName), req->functionName,
                                           &operation, &error));
}

/* Hive and Flink tag the primary-key and cross-reference operations GET_FUNCTIONS: the enum
 * has no better value. */
GW_HS2_RPC (get_primary_keys, TGetPrimaryKeysReq, TGetPrimaryKeysResp)
static void
do_get_primary_keys (GwHs2Handler *self, const TGetPrimaryKeysReq *req, TGetPrimaryKeysResp *resp)
{
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_FUNCTIONS,
                gw_hs2_metadata_primary_keys (self->service, &session,
                                              OPTIONAL (req, catalogName),
                                              OPTIONAL (req, schemaName),
                                              OPTIONAL (req, tableName), &operation, &error));
}

GW_HS2_RPC (get_cross_reference, TGetCrossReferenceReq, TGetCrossReferenceResp)
static void
do_get_cross_reference (GwHs2Handler *self, const TGetCrossReferenceReq *req,
                        TGetCrossReferenceResp *resp)
{
  METADATA_RPC (self, req, resp, T_OPERATION_TYPE_GET_FUNCTIONS,
                gw_hs2_metadata_cross_reference (self->service, &session,
                                                 OPTIONAL (req, parentCatalogName),
                                                 OPTIONAL (req, parentSchemaName),
                                                 OPTIONAL (req, parentTableName),
                                                 OPTIONAL (req, foreignCatalogName),
                                                 OPTIONAL (req, foreignSchemaName),
                                                 OPTIONAL (req, foreignTableName),
                                                 &operation, &error));
}

void
gw_hs2_session_rpcs_class_init (TCLIServiceHandlerClass *klass)
{
  klass->get_info = hs2_get_info;
  klass->set_client_info = hs2_set_client_info;
  klass->get_delegation_token = hs2_get_delegation_token;
  klass->cancel_delegation_token = hs2_cancel_delegation_token;
  klass->renew_delegation_token = hs2_renew_delegation_token;
  klass->get_type_info = hs2_get_type_info;
  klass->get_catalogs = hs2_get_catalogs;
  klass->get_schemas = hs2_get_schemas;
  klass->get_tables = hs2_get_tables;
  klass->get_table_types = hs2_get_table_types;
  klass->get_columns = hs2_get_columns;
  klass->get_functions = hs2_get_functions;
  klass->get_primary_keys = hs2_get_primary_keys;
  klass->get_cross_reference = hs2_get_cross_reference;
}
