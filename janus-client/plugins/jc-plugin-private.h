/* jc-plugin-private.h: what every plugin class shares — the request path
 * (build a body, send it, check the reply's kind, map error_code) and the
 * reading of events with their problems
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A plugin file holds its own requests and events; this is the rest.
 * JcHandle already turns a reply carrying `error_code` into
 * JC_PLUGIN_ERROR with the plugin's code and reason.
 */
#pragma once

#include "jc-handle.h"
#include "jc-id.h"
#include "jc-plugin-handle.h"

G_BEGIN_DECLS

/* Names a plugin's replies: the data member that tells what a reply is
 * (`videoroom`, `videocall`, `textroom`), and the name errors use. */
typedef struct
{
  const char *member; /* e.g. "videoroom" */
  const char *title;  /* e.g. "VideoRoom" */
} JcPluginSpec;

/* Called with the plugin's data (and JSEP) once a reply of an expected
 * kind came; it owns @task and completes it (jc_plugin_return_data or
 * jc_plugin_fail_task). @self is the handle the request went out on. */
typedef void (*JcPluginReplyHook) (gpointer self, GTask *task, JsonObject *data, JsonObject *jsep);

/* A request body: `request`, then a copy of @options' members, then of
 * @extra's (either may be NULL). */
JsonObject *jc_plugin_body_new (const char *request, JsonObject *options, JsonObject *extra);

/* Sends @body (transfer full) with @jsep on @handle. The reply's
 * @spec->member must be one of @expect (NULL: any kind); a reply of
 * another kind fails with JC_ERROR_PROTOCOL naming @name. The task's
 * result is the plugin's data (see jc_plugin_send_finish). */
void jc_plugin_send (JcHandle *handle,
                     const JcPluginSpec *spec,
                     JsonObject *body,
                     JsonObject *jsep,
                     const char *const *expect,
                     JcPluginReplyHook hook,
                     gpointer source_tag,
                     const char *name,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data);
/* The plugin's data (transfer full), and the JSEP that came with it. */
JsonObject *jc_plugin_send_finish (JcHandle *handle,
                                   GAsyncResult *result,
                                   gpointer source_tag,
                                   JsonObject **out_jsep,
                                   GError **error);
/* jc_plugin_send_finish that only tells whether the request succeeded. */
gboolean jc_plugin_finish_ok (JcHandle *handle, GAsyncResult *result, gpointer source_tag, GError **error);
/* Completes @task (which hooks own) with @data and @jsep. */
void jc_plugin_return_data (GTask *task, JsonObject *data, JsonObject *jsep);
/* Returns @error (transfer full) on @task and drops the hook's reference. */
void jc_plugin_fail_task (GTask *task, GError *error);

/* The `reply` member of every request answered with `success`. */
extern const char *const jc_plugin_expect_success[2];

/* Reading what Janus sent: what was wrong is appended to @problems
 * ("; "-separated), told at once by the plugin (its "error" signal). */
void jc_plugin_add_problem (GString *problems, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* A JSEP @title ("VideoRoom") sent: of @type ("offer" or "answer"; NULL:
 * either) with an SDP that parses and has media; a protocol error
 * otherwise (also for a missing one). */
gboolean jc_plugin_check_jsep (const char *title, JsonObject *jsep, const char *type, GError **error);

/* Attaching: a task tagged @source_tag and named @name that completes
 * with a new @handle_type on @plugin (transfer full). */
void jc_plugin_attach (JcSession *session,
                       GType handle_type,
                       const char *plugin,
                       const char *opaque_id,
                       gpointer source_tag,
                       const char *name,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data);
gpointer jc_plugin_attach_finish (GAsyncResult *result, gpointer source_tag, GError **error);

/* The optional fields of a plugin's requests: what each public request
 * type (JcVideoRoomRequest, JcEchoTestRequest, …) is inside. Setters
 * take the body: jc_plugin_options_body (). */
typedef struct
{
  gatomicrefcount ref;
  JsonObject *body; /* (owned) */
} JcPluginOptions;

gpointer jc_plugin_options_new (void);
gpointer jc_plugin_options_ref (gpointer options);
void jc_plugin_options_unref (gpointer options);
JsonObject *jc_plugin_options_body (gpointer options);
/* Sets @member to @value, or removes it when @value is NULL. */
void jc_plugin_options_set_string (gpointer options, const char *member, const char *value);
/* Sets @member to a deep copy of @value. */
void jc_plugin_options_set_extra (gpointer options, const char *member, JsonNode *value);

/* jc-id.c: ids read from the wire. */
/* A room or participant id read from the wire: a positive integer or a
 * non-empty string; NULL otherwise. */
JcId *jc_id_from_json (JsonNode *node);
JcId *jc_id_lookup (JsonObject *obj, const char *member);
/* Whether @id is of @room's kind (NULL: any): rooms with string_ids use
 * strings for rooms and participants alike. */
gboolean jc_id_fits (const JcId *id, const JcId *room);
/* An id that fits @room, or NULL. */
JcId *jc_id_lookup_in (JsonObject *obj, const char *member, const JcId *room);

/* Reading what Janus sent, with what was wrong appended to @problems
 * (jc_plugin_add_problem), told at once through "error". */
/* An optional id member: NULL when absent, or when malformed or not of
 * @room's kind (a problem). */
JcId *jc_id_read (JsonObject *obj, const char *member, const JcId *room, const char *what, GString *problems);
/* Sets @member of @obj to @id; nothing when @id is NULL. */
void jc_plugin_set_id (JsonObject *obj, const char *member, const JcId *id);
/* jc-plugin-handle.c: the peer a plugin handle drives, and the
 * cancellable of its own background work (cancelled in dispose and once
 * detached). */
#define JC_PLUGIN_PEER(self) jc_plugin_handle_get_peer (JC_PLUGIN_HANDLE (self))
GCancellable *jc_plugin_handle_get_cancellable (gpointer self);

G_END_DECLS
