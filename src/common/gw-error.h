/* The one error domain of the gateway service. Every endpoint maps these codes in exactly one
 * place (REST: gw-rest-error.c; HiveServer2: its status mapping). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GW_ERROR (gw_error_quark ())
GQuark gw_error_quark (void);

typedef enum {
  GW_ERROR_INTERNAL,            /* a bug or an unexpected failure of a library */
  GW_ERROR_INVALID_ARGUMENT,    /* malformed input: handle, token, option value, request field */
  GW_ERROR_SESSION_NOT_FOUND,   /* no open session with that handle */
  GW_ERROR_OPERATION_NOT_FOUND, /* no operation with that handle in the session */
  GW_ERROR_ILLEGAL_STATE,       /* the request is not allowed in the object's current state */
  GW_ERROR_SQL,                 /* the engine rejected or failed the statement */
  GW_ERROR_CATALOG,             /* a statement named a catalog object that does not exist or
                                 * already exists (Flink's CatalogException) */
  GW_ERROR_VALIDATION,          /* a statement is well-formed but invalid (Flink's
                                 * ValidationException: unknown table, bad option, ...) */
  GW_ERROR_PARSE,               /* the statement does not parse (Flink's ParseException) */
  GW_ERROR_ILLEGAL_ARGUMENT,    /* a statement's value is invalid, e.g. SET of a bad option value
                                 * (IllegalArgumentException; unlike GW_ERROR_INVALID_ARGUMENT it
                                 * is the statement's failure, not the request's) */
  GW_ERROR_SQL_EXECUTION,       /* a gateway-level statement failed (Flink's
                                 * SqlExecutionException: statement sets, jobs, ...) */
  /* Flink's specific catalog exceptions, so clients see the class Flink would name: */
  GW_ERROR_DATABASE_NOT_EXIST,  /* DatabaseNotExistException */
  GW_ERROR_DATABASE_ALREADY_EXIST, /* DatabaseAlreadyExistException */
  GW_ERROR_DATABASE_NOT_EMPTY,  /* DatabaseNotEmptyException */
  GW_ERROR_TABLE_NOT_EXIST,     /* TableNotExistException */
  GW_ERROR_TABLE_ALREADY_EXIST, /* TableAlreadyExistException */
  GW_ERROR_JOB_NOT_FOUND,       /* FlinkJobNotFoundException: STOP JOB of an unknown id */
  GW_ERROR_OBJECT_NOT_FOUND,    /* Calcite's SqlValidatorException: a query names an unknown
                                 * table ("Object 't' not found") */
  GW_ERROR_CANCELED,            /* the operation was canceled */
  GW_ERROR_TIMEOUT,             /* the operation ran past its execution timeout */
  GW_ERROR_LIMIT,               /* a configured bound (sessions, sizes) was reached */
  GW_ERROR_UNSUPPORTED,         /* a valid request this gateway/engine does not implement */
  GW_ERROR_CONFIG,              /* bad configuration: unknown key or value that does not parse */
} GwErrorCode;

/* TRUE for the codes that report a failed statement (the SQL was wrong for the engine or the
 * catalog), as opposed to a failure of the request or the gateway. */
static inline gboolean
gw_error_is_statement_error (const GError *error)
{
  if (error == NULL || error->domain != GW_ERROR)
    return FALSE;
  switch (error->code) {
  case GW_ERROR_SQL:
  case GW_ERROR_CATALOG:
  case GW_ERROR_VALIDATION:
  case GW_ERROR_PARSE:
  case GW_ERROR_ILLEGAL_ARGUMENT:
  case GW_ERROR_SQL_EXECUTION:
  case GW_ERROR_DATABASE_NOT_EXIST:
  case GW_ERROR_DATABASE_ALREADY_EXIST:
  case GW_ERROR_DATABASE_NOT_EMPTY:
  case GW_ERROR_TABLE_NOT_EXIST:
  case GW_ERROR_TABLE_ALREADY_EXIST:
  case GW_ERROR_JOB_NOT_FOUND:
  case GW_ERROR_OBJECT_NOT_FOUND:
    return TRUE;
  default:
    return FALSE;
  }
}

G_END_DECLS
