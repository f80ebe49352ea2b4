/* jc-record-play-private.h: JcRecordPlay's insides, shared by its source
 * files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-plugin-private.h"
#include "jc-record-play.h"

G_BEGIN_DECLS

struct _JcRecordPlay
{
  JcPluginHandle parent_instance;

  JcRecordPlayState state;
  guint64 recording_id; /* what is being recorded or played, 0: none */
  gboolean ended;       /* "done" told for the current recording or playout */
  JsonObject *offer;    /* (owned) (nullable) Janus's offer while PREPARING */
};

enum
{
  RP_SIGNAL_RECORDING,
  RP_SIGNAL_PREPARING,
  RP_SIGNAL_PLAYING,
  RP_SIGNAL_PAUSED,
  RP_SIGNAL_RESUMED,
  RP_SIGNAL_STOPPED,
  RP_SIGNAL_DONE,
  RP_SIGNAL_SLOW_LINK,
  RP_SIGNAL_ERROR,
  RP_N_SIGNALS
};

extern guint jc_record_play_signals[RP_N_SIGNALS];
extern const JcPluginSpec jc_record_play_spec;
extern const char *const jc_record_play_expect_event[];

JsonObject *jc_record_play_request_peek_body (JcRecordPlayRequest *self);
/* A recording from an entry of `list`, or NULL with what was wrong
 * appended to @problems. */
JcRecordPlayRecording *jc_record_play_recording_new_from_json (JsonObject *obj, GString *problems);

/* Sends @body; the reply must be of one of @expect's kinds. */
void jc_record_play_send (JcRecordPlay *self,
                          JsonObject *body,
                          JsonObject *jsep,
                          const char *const *expect,
                          JcPluginReplyHook hook,
                          gpointer source_tag,
                          const char *name,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data);

/* The `result` of an asynchronous reply to @request: its `status` must
 * be @status; *@out_id (optional) gets its `id` (0 when absent, which is
 * fine unless @need_id). A protocol error otherwise. */
gboolean jc_record_play_reply_status (JsonObject *data,
                                      const char *status,
                                      const char *request,
                                      gboolean need_id,
                                      guint64 *out_id,
                                      GError **error);

/* jc-record-play-events.c */
void jc_record_play_dispatch_event (JcRecordPlay *self, JsonObject *data, JsonObject *jsep);
void jc_record_play_emit_error (JcRecordPlay *self, const GError *error);
void jc_record_play_set_state (JcRecordPlay *self, JcRecordPlayState state, guint64 id);
/* The recording or playout is over (stop's reply, or "done"). */
void jc_record_play_end (JcRecordPlay *self, gboolean stopped, guint64 id);

G_END_DECLS
