/* jc-audio-bridge-private.h: JcAudioBridge's insides, shared by its
 * source files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-audio-bridge.h"
#include "jc-plugin-private.h"

G_BEGIN_DECLS

struct _JcAudioBridge
{
  JcPluginHandle parent_instance;

  JcId *room;               /* (owned) (nullable) the room we joined */
  JcId *id;                 /* (owned) (nullable) our participant id */
  GHashTable *participants; /* (owned) JcId → JcAudioBridgeParticipant, the others */
};

struct _JcAudioBridgeParticipant
{
  gatomicrefcount ref;
  JcId *id;      /* (owned) */
  char *display; /* (owned) (nullable) */
  gboolean muted;
  gboolean talking;
  gboolean setup;
  JsonObject *json; /* (owned) */
};

enum
{
  AB_SIGNAL_JOINED,
  AB_SIGNAL_PARTICIPANT_JOINED,
  AB_SIGNAL_PARTICIPANT_UPDATED,
  AB_SIGNAL_PARTICIPANT_LEFT,
  AB_SIGNAL_TALKING,
  AB_SIGNAL_CONFIGURED,
  AB_SIGNAL_LEFT,
  AB_SIGNAL_KICKED,
  AB_SIGNAL_DESTROYED,
  AB_SIGNAL_ROOM_CHANGED,
  AB_SIGNAL_ANNOUNCEMENT,
  AB_SIGNAL_ROOM_MUTED,
  AB_SIGNAL_ERROR,
  AB_N_SIGNALS
};

extern guint jc_audio_bridge_signals[AB_N_SIGNALS];

JsonObject *jc_audio_bridge_request_peek_body (JcAudioBridgeRequest *self);

/* Sends @request with @room (nullable), @options and @extra (nullable,
 * transfer none); the reply's `audiobridge` must be one of @expect. */
void jc_audio_bridge_send (JcAudioBridge *self,
                           const char *request,
                           const JcId *room,
                           JcAudioBridgeRequest *options,
                           JsonObject *extra,
                           JsonObject *jsep,
                           const char *const *expect,
                           JcPluginReplyHook hook,
                           gpointer source_tag,
                           const char *name,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data);

/* jc-audio-bridge-results.c: typed results read from the wire; NULL with
 * the problem appended when the entry is malformed. */
JcAudioBridgeParticipant *jc_audio_bridge_participant_from_json (JsonObject *obj, const JcId *room, GString *problems);
JcAudioBridgeRoomInfo *jc_audio_bridge_room_info_from_json (JsonObject *obj, GString *problems);
JcAudioBridgeForwarder *jc_audio_bridge_forwarder_from_json (JsonObject *obj, GString *problems);
/* The valid entries of @array (member @member of a reply); malformed ones
 * are appended to @problems and skipped. */
GPtrArray *jc_audio_bridge_read_participants (JsonArray *array, const JcId *room, GString *problems);

/* jc-audio-bridge-events.c */
void jc_audio_bridge_dispatch_event (JcAudioBridge *self, JsonObject *data, JsonObject *jsep);
void jc_audio_bridge_emit_error (JcAudioBridge *self, const GError *error);
/* Our membership: set by joined/roomchanged, cleared by left, kicked,
 * destroyed. @participants (nullable) replaces the others. */
void jc_audio_bridge_set_membership (JcAudioBridge *self, const JcId *room, const JcId *id, GPtrArray *participants);
void jc_audio_bridge_clear_membership (JcAudioBridge *self);

/* jc-audio-bridge-admin.c: what the synchronous requests share (with
 * jc-audio-bridge-forward.c): the plugin's data of a reply, whether a
 * request succeeded, and a reply's problem failing the call (returns
 * NULL), naming @request. */
JsonObject *jc_audio_bridge_finish_data (JcAudioBridge *self, GAsyncResult *result, gpointer tag, GError **error);
gboolean jc_audio_bridge_finish_ok (JcAudioBridge *self, GAsyncResult *result, gpointer tag, GError **error);
gpointer jc_audio_bridge_protocol_error (GError **error, const char *request, const char *problem);

G_END_DECLS
