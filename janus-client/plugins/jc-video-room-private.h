/* jc-video-room-private.h: JcVideoRoom's insides, shared by its source files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-plugin-private.h"
#include "jc-video-room.h"

G_BEGIN_DECLS

/* Shared by jc-video-room.c and jc-video-room-events.c. */
typedef struct
{
  JsonObject *offer; /* (owned) */
  GTask *task;       /* (owned) (nullable) */
  JsonObject *data;  /* (owned) (nullable) */
  gpointer self;     /* the JcVideoRoom, ref held while the exchange runs */
} Negotiation;

struct _JcVideoRoom
{
  JcPluginHandle parent_instance;

  JcId *room;             /* (owned) (nullable) once joined */
  JcId *id;               /* (owned) (nullable) publisher's own id */
  guint64 private_id;     /* 0 until joined as a publisher */
  GHashTable *publishers; /* (owned) JcId → JcVideoRoomParticipant */
  GPtrArray *streams;     /* (owned) JcVideoRoomStream, subscribers */
  JcMediaSink *sink;      /* (owned) (nullable) */
  GQueue negotiations;    /* (owned) Negotiation */
  gboolean negotiating;

  /* follow () */
  GWeakRef followed; /* JcVideoRoom */
  gulong followed_id;
  GPtrArray *pending_feeds;     /* (owned) JcId, to subscribe next */
  GPtrArray *subscribing_feeds; /* (owned) (nullable) JcId, being subscribed */
  gboolean subscribing;
  gboolean subscriber; /* joined as a subscriber */
};

enum
{
  VR_SIGNAL_JOINED,
  VR_SIGNAL_PUBLISHERS,
  VR_SIGNAL_UNPUBLISHED,
  VR_SIGNAL_LEAVING,
  VR_SIGNAL_KICKED,
  VR_SIGNAL_JOINING,
  VR_SIGNAL_TALKING,
  VR_SIGNAL_STOPPED_TALKING,
  VR_SIGNAL_UPDATED,
  VR_SIGNAL_DESTROYED,
  VR_SIGNAL_CONFIGURED,
  VR_SIGNAL_DISPLAY_CHANGED,
  VR_SIGNAL_SLOW_LINK,
  VR_SIGNAL_LAYER_CHANGED,
  VR_SIGNAL_ERROR,
  VR_N_SIGNALS
};

extern guint jc_video_room_signals[VR_N_SIGNALS];

void jc_video_room_emit_error (JcVideoRoom *self, const GError *error);
/* jc-video-room-events.c */
void jc_video_room_dispatch_event (JcVideoRoom *self, JsonObject *data, JsonObject *jsep);
/* Names the sink's files after the feeds of the subscription's streams. */
void jc_video_room_label_tracks (JcVideoRoom *self);

/* The entries of the "streams" / "publishers" array of @obj that parse
 * and fit @room; NULL when there is no such array (a problem when the
 * member is there). Dropped entries are problems. */
GPtrArray *jc_video_room_read_streams (JsonObject *obj, const JcId *room, GString *problems);
GPtrArray *jc_video_room_read_publishers (JsonObject *obj, const JcId *room, GString *problems);

JsonObject *jc_video_room_request_peek_body (JcVideoRoomRequest *self);

/* Typed entries from server objects; NULL when malformed. */
JcVideoRoomStream *jc_video_room_stream_new_from_json (JsonObject *obj);
JcVideoRoomParticipant *jc_video_room_participant_new_from_json (JsonObject *obj);
JcVideoRoomInfo *jc_video_room_info_new_from_json (JsonObject *obj);
/* (element-type) arrays built from an optional JSON array member; entries
 * that do not parse are dropped with a debug line. */
GPtrArray *jc_video_room_streams_from_json (JsonObject *obj, const char *member);
GPtrArray *jc_video_room_participants_from_json (JsonObject *obj, const char *member);

/* Requests: body built from @request, @room and @options. The task result
 * is the plugin's data (a JsonObject); the JSEP, if any, is kept as task
 * data. @expect lists the accepted values of `videoroom` (NULL: any). */
typedef void (*JcVideoRoomReplyHook) (JcVideoRoom *self, GTask *task, JsonObject *data, JsonObject *jsep);

void jc_video_room_send (JcVideoRoom *self,
                         const char *request,
                         const JcId *room,
                         JcVideoRoomRequest *options,
                         JsonObject *extra,
                         JsonObject *jsep,
                         const char *const *expect,
                         JcVideoRoomReplyHook hook,
                         gpointer source_tag,
                         const char *name,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data);
JsonObject *jc_video_room_send_finish (JcVideoRoom *self,
                                       GAsyncResult *result,
                                       gpointer source_tag,
                                       JsonObject **out_jsep,
                                       GError **error);
/* Hooks complete their task with jc_plugin_return_data or
 * jc_plugin_fail_task (jc-plugin-private.h). */

/* Helpers of the synchronous requests, in jc-video-room-admin.c and shared
 * with jc-video-room-forward.c: finish_ok drops the data and tells whether
 * the request succeeded (ids go into a call's extra members with
 * jc_plugin_set_id). Requests answered with `success` expect
 * jc_plugin_expect_success. */
gboolean jc_video_room_finish_ok (JcVideoRoom *self, GAsyncResult *result, gpointer tag, GError **error);

/* State updates the participant requests share with the event handler.
 * take_join and take_streams check the reply first and change nothing when
 * it is malformed (a protocol error); entries of its arrays that do not
 * parse are dropped and told through "error". */
gboolean jc_video_room_take_join (JcVideoRoom *self, JsonObject *data, gboolean publisher, GError **error);
gboolean jc_video_room_take_streams (JcVideoRoom *self, JsonObject *data, GError **error);
void jc_video_room_clear_membership (JcVideoRoom *self);
/* A JSEP Janus sent: of @type ("offer" or "answer"; NULL: either) with an
 * SDP that parses and has media; a protocol error otherwise (also for a
 * missing one). */
gboolean jc_video_room_check_jsep (JsonObject *jsep, const char *type, GError **error);
void jc_video_room_emit_configured (JcVideoRoom *self, JsonObject *data);
/* Answers @offer with the peer and sends `start` with the answer, after
 * any negotiation in progress. With @task, completes it with @data once
 * started (or with the error); without, a failure is emitted as "error". */
void jc_video_room_negotiate (JcVideoRoom *self, JsonObject *offer, GTask *task, JsonObject *data);
gboolean jc_video_room_has_peer (JcVideoRoom *self);

G_END_DECLS
