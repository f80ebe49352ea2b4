/* jc-cmd-admin-private.h: what the files of `janus-client admin` share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-cli.h"

G_BEGIN_DECLS

/* A connected admin for --admin-server/--admin-secret, or for the private
 * Janus (started now) when neither --server nor --admin-server was given. */
JcAdmin *jc_cmd_admin_connect (JcCliOptions *opts, GError **error);

/* Parses a session or handle id argument; FALSE after a usage message. */
gboolean jc_cmd_admin_parse_id (JcCliOptions *opts, const char *what, const char *text, guint64 *out);

/* Safe reads of server JSON (never a critical, never a coercion). */
JsonArray *jc_cmd_admin_json_array (JsonObject *object, const char *member);

int jc_cmd_admin (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_handle_info (JcCliOptions *opts, int argc, char **argv);
int jc_cmd_admin_watch_handle (JcCliOptions *opts, int argc, char **argv);

G_END_DECLS
