/* jc-streaming-private.h: JcStreaming's insides, shared by its source
 * files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-plugin-private.h"
#include "jc-streaming.h"

G_BEGIN_DECLS

struct _JcStreaming
{
  JcPluginHandle parent_instance;

  JcStreamingStatus status;
  JcId *mountpoint; /* (owned) (nullable) the one watched */
};

enum
{
  ST_SIGNAL_STATUS_CHANGED,
  ST_SIGNAL_SWITCHED,
  ST_SIGNAL_SIMULCAST,
  ST_SIGNAL_SVC,
  ST_SIGNAL_EDITED,
  ST_SIGNAL_ERROR,
  ST_N_SIGNALS
};

extern guint jc_streaming_signals[ST_N_SIGNALS];
extern const JcPluginSpec jc_streaming_spec;

JsonObject *jc_streaming_request_peek_body (JcStreamingRequest *self);
JsonObject *jc_streaming_mountpoint_peek_body (JcStreamingMountpoint *self);

/* jc-streaming.c: sends `request` with @id (nullable), @options' fields
 * and @extra's. */
void jc_streaming_send (JcStreaming *self,
                        const char *request,
                        const JcId *id,
                        JcStreamingRequest *options,
                        JsonObject *extra,
                        JsonObject *jsep,
                        const char *const *expect,
                        JcPluginReplyHook hook,
                        gpointer source_tag,
                        const char *name,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data);

/* jc-streaming-results.c: typed results read from Janus's JSON; NULL with
 * a protocol error when @obj has no valid id. Malformed optional members
 * are left out and told in @problems. */
JcStreamingInfo *jc_streaming_info_new_from_json (JsonObject *obj, const char *media_member, GString *problems, GError **error);

/* jc-streaming-events.c */
void jc_streaming_emit_error (JcStreaming *self, const GError *error);
void jc_streaming_report (JcStreaming *self, const char *what, const char *problem);
void jc_streaming_set_status (JcStreaming *self, JcStreamingStatus status);
/* Reads a `result` (of a reply or an event): status, switched, layers.
 * Problems are reported; returns FALSE when nothing could be read. */
gboolean jc_streaming_take_result (JcStreaming *self, JsonObject *result, const char *what);
void jc_streaming_dispatch_event (JcStreaming *self, JsonObject *data, JsonObject *jsep);

G_END_DECLS
