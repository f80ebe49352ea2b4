/* jc-video-room.c: the VideoRoom plugin: the handle, its events, its
 * subscriber's negotiations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-json-private.h"
#include "jc-session-private.h"
#include "jc-session.h"
#include "jc-video-room-private.h"

/**
 * JcVideoRoom:
 *
 * A handle on Janus's VideoRoom plugin, the SFU most deployments run. One
 * class covers the three roles the plugin knows:
 *
 * - room administration: [method@VideoRoom.create_async],
 *   [method@VideoRoom.list_participants_async] and every other request the
 *   plugin answers at once;
 * - publishers: [method@VideoRoom.join_publisher_async], then
 *   [method@VideoRoom.publish_media_async] with a [class@Peer] (or the
 *   raw [method@VideoRoom.publish_async] with an offer of your own);
 * - multistream subscribers: [method@VideoRoom.join_subscriber_async] with
 *   any number of feeds, [method@VideoRoom.subscribe_async] and
 *   [method@VideoRoom.unsubscribe_async] later. Give the handle a peer with
 *   [method@VideoRoom.set_peer] and every offer Janus makes — on joining,
 *   on subscribing, and when a publisher leaves — is answered for you;
 *   [method@VideoRoom.follow] subscribes to every publisher a publisher
 *   handle sees.
 *
 * Simulcast: a publisher whose source has
 * [method@MediaSource.set_simulcast] on sends three layers; a subscriber
 * picks one per stream with a `configure` whose `streams` entries carry
 * `mid` and `substream` (0 is the lowest), and hears which one Janus
 * forwards from [signal@VideoRoom::layer-changed]:
 *
 * ```c
 * g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
 * g_autoptr (JsonArray) streams = json_array_new ();
 * JsonObject *stream = json_object_new ();
 *
 * json_object_set_string_member (stream, "mid", video_mid);
 * json_object_set_int_member (stream, "substream", 0);
 * json_array_add_object_element (streams, stream);
 * jc_video_room_request_set_streams (options, streams);
 * jc_video_room_configure_async (subscriber, options, NULL, NULL, on_done, NULL);
 * ```
 *
 * Room and participant ids are [struct@VideoRoomId]s: numbers, or strings
 * when the plugin runs with `string_ids`. Optional fields of any request
 * go in a [struct@VideoRoomRequest]. Errors the plugin answers arrive as
 * [error@PluginError] with the plugin's code ([enum@VideoRoomError]).
 *
 * ```c
 * g_autoptr (JcVideoRoomId) room = jc_video_room_id_new_number (1234);
 * g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();
 * g_autoptr (JcPeer) peer = jc_peer_new (JC_HANDLE (videoroom));
 *
 * jc_peer_set_source (peer, source);
 * jc_video_room_request_set_display (options, "camera 1");
 * jc_video_room_publish_media_async (videoroom, room, peer, options, NULL,
 *                                    on_published, NULL);
 * ```
 */

typedef struct
{
  JsonObject *offer; /* (owned) */
  GTask *task;       /* (owned) (nullable) */
  JsonObject *data;  /* (owned) (nullable) */
} Negotiation;

struct _JcVideoRoom
{
  JcHandle parent_instance;

  JcVideoRoomId *room;    /* (owned) (nullable) once joined */
  JcVideoRoomId *id;      /* (owned) (nullable) publisher's own id */
  guint64 private_id;     /* 0 until joined as a publisher */
  GHashTable *publishers; /* (owned) JcVideoRoomId → JcVideoRoomParticipant */
  GPtrArray *streams;     /* (owned) JcVideoRoomStream, subscribers */
  JcPeer *peer;           /* (owned) (nullable) */
  JcMediaSink *sink;      /* (owned) (nullable) */
  GQueue negotiations;    /* (owned) Negotiation */
  gboolean negotiating;
  GCancellable *cancellable; /* (owned) cancelled in dispose */

  /* follow () */
  GWeakRef followed; /* JcVideoRoom */
  gulong followed_id;
  GPtrArray *pending_feeds; /* (owned) JcVideoRoomId, to subscribe next */
  gboolean subscribing;
  gboolean subscriber; /* joined as a subscriber */
};

G_DEFINE_FINAL_TYPE (JcVideoRoom, jc_video_room, JC_TYPE_HANDLE)

enum
{
  SIGNAL_JOINED,
  SIGNAL_PUBLISHERS,
  SIGNAL_UNPUBLISHED,
  SIGNAL_LEAVING,
  SIGNAL_KICKED,
  SIGNAL_JOINING,
  SIGNAL_TALKING,
  SIGNAL_STOPPED_TALKING,
  SIGNAL_UPDATED,
  SIGNAL_DESTROYED,
  SIGNAL_CONFIGURED,
  SIGNAL_DISPLAY_CHANGED,
  SIGNAL_SLOW_LINK,
  SIGNAL_LAYER_CHANGED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
negotiation_free (Negotiation *n)
{
  json_object_unref (n->offer);
  g_clear_object (&n->task);
  g_clear_pointer (&n->data, json_object_unref);
  g_free (n);
}

static void
jc_video_room_dispose (GObject *object)
{
  JcVideoRoom *self = JC_VIDEO_ROOM (object);
  g_autoptr (JcVideoRoom) followed = g_weak_ref_get (&self->followed);
  Negotiation *n;

  g_cancellable_cancel (self->cancellable);
  if (followed != NULL && self->followed_id != 0)
    g_signal_handler_disconnect (followed, self->followed_id);
  self->followed_id = 0;
  g_weak_ref_set (&self->followed, NULL);
  while ((n = g_queue_pop_head (&self->negotiations)) != NULL)
    {
      if (n->task != NULL)
        g_task_return_new_error (n->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The VideoRoom handle went away");
      negotiation_free (n);
    }
  g_clear_object (&self->peer);
  g_clear_object (&self->sink);

  G_OBJECT_CLASS (jc_video_room_parent_class)->dispose (object);
}

static void
jc_video_room_finalize (GObject *object)
{
  JcVideoRoom *self = JC_VIDEO_ROOM (object);

  jc_video_room_id_free (self->room);
  jc_video_room_id_free (self->id);
  g_hash_table_unref (self->publishers);
  g_ptr_array_unref (self->streams);
  g_ptr_array_unref (self->pending_feeds);
  g_weak_ref_clear (&self->followed);
  g_object_unref (self->cancellable);

  G_OBJECT_CLASS (jc_video_room_parent_class)->finalize (object);
}

static void
emit_error (JcVideoRoom *self, const GError *error)
{
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
}

/* Events */

static gboolean
is_ok (JsonObject *data, const char *member)
{
  return g_strcmp0 (jc_json_lookup_string (data, member), "ok") == 0;
}

static void
report (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  const char *what = jc_json_lookup_string (data, "videoroom");
  g_autoptr (GError) error = NULL;

  if (problems->len == 0)
    return;
  error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "VideoRoom sent a malformed “%s”: %s", what != NULL ? what : "event",
                       problems->str);
  emit_error (self, error);
}

static void
label_tracks (JcVideoRoom *self)
{
  if (self->sink == NULL)
    return;
  for (guint i = 0; i < self->streams->len; i++)
    {
      JcVideoRoomStream *stream = g_ptr_array_index (self->streams, i);
      const JcVideoRoomId *feed = jc_video_room_stream_get_feed_id (stream);
      const char *mid = jc_video_room_stream_get_mid (stream);

      if (feed != NULL && mid != NULL)
        {
          g_autofree char *label = jc_video_room_id_to_string (feed);

          jc_media_sink_set_track_label (self->sink, mid, label);
        }
    }
}

/* A subscription's streams as Janus describes them now; nothing changes
 * when "streams" is not an array. */
static void
take_streams (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  GPtrArray *streams = jc_video_room_read_streams (data, self->room, problems);

  if (streams == NULL)
    return;
  g_ptr_array_unref (self->streams);
  self->streams = streams;
  label_tracks (self);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0, self->streams);
}

gboolean
jc_video_room_take_streams (JcVideoRoom *self, JsonObject *data, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);

  if (jc_json_has_member (data, "streams") && jc_json_lookup_array (data, "streams") == NULL)
    return jc_set_protocol_error (error, "VideoRoom sent “streams” that is not an array");
  take_streams (self, data, problems);
  report (self, data, problems);
  return TRUE;
}

static void
take_publishers (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  g_autoptr (GPtrArray) publishers = jc_video_room_read_publishers (data, self->room, problems);

  for (guint i = 0; publishers != NULL && i < publishers->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (publishers, i);

      g_hash_table_replace (self->publishers, jc_video_room_id_copy (jc_video_room_participant_get_id (p)),
                            jc_video_room_participant_ref (p));
    }
  if (publishers != NULL && publishers->len > 0)
    g_signal_emit (self, signals[SIGNAL_PUBLISHERS], 0, publishers);
}

gboolean
jc_video_room_take_join (JcVideoRoom *self, JsonObject *data, gboolean publisher, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (JcVideoRoomId) room = jc_video_room_id_lookup (data, "room");
  g_autoptr (JcVideoRoomId) id = NULL;
  guint64 private_id = 0;

  /* Everything checked before anything changes. */
  if (room == NULL)
    return jc_set_protocol_error (error, "VideoRoom sent no valid “room” on joining");
  if (publisher)
    {
      id = jc_video_room_id_lookup (data, "id");
      if (id == NULL || jc_video_room_id_is_string (id) != jc_video_room_id_is_string (room))
        return jc_set_protocol_error (error, "VideoRoom sent no valid participant “id” on joining (want %s, like the room's)",
                                      jc_video_room_id_is_string (room) ? "a string" : "an integer between 1 and 2^53-1");
      if (jc_json_has_member (data, "private_id") && !jc_json_lookup_id (data, "private_id", &private_id))
        return jc_set_protocol_error (error, "VideoRoom sent an invalid “private_id” on joining (want an integer between 1 and 2^53-1)");
      if (jc_json_has_member (data, "publishers") && jc_json_lookup_array (data, "publishers") == NULL)
        return jc_set_protocol_error (error, "VideoRoom sent “publishers” that is not an array on joining");
    }
  else if (jc_json_lookup_array (data, "streams") == NULL)
    return jc_set_protocol_error (error, "VideoRoom sent no “streams” array on subscribing");

  jc_video_room_id_free (self->room);
  self->room = g_steal_pointer (&room);
  self->subscriber = !publisher;
  if (publisher)
    {
      jc_video_room_id_free (self->id);
      self->id = g_steal_pointer (&id);
      self->private_id = private_id;
      g_signal_emit (self, signals[SIGNAL_JOINED], 0, self->room, self->id);
      take_publishers (self, data, problems);
    }
  else
    {
      take_streams (self, data, problems);
    }
  report (self, data, problems);
  return TRUE;
}

void
jc_video_room_clear_membership (JcVideoRoom *self)
{
  g_clear_pointer (&self->id, jc_video_room_id_free);
  self->private_id = 0;
  self->subscriber = FALSE;
  g_hash_table_remove_all (self->publishers);
  g_ptr_array_set_size (self->streams, 0);
}

void
jc_video_room_emit_configured (JcVideoRoom *self, JsonObject *data)
{
  g_signal_emit (self, signals[SIGNAL_CONFIGURED], 0, data);
}

static void
feed_gone (JcVideoRoom *self, guint signal, JcVideoRoomId *feed, const char *reason)
{
  g_hash_table_remove (self->publishers, feed);
  if (signal == SIGNAL_LEAVING)
    g_signal_emit (self, signals[signal], 0, feed, reason);
  else
    g_signal_emit (self, signals[signal], 0, feed);
}

static void
on_error_event (JcVideoRoom *self, JsonObject *data)
{
  const char *text = jc_json_lookup_string (data, "error");
  g_autoptr (GError) error = NULL;
  gint64 code = 0;

  if (!jc_json_lookup_int (data, "error_code", &code) || code <= 0 || code > G_MAXINT)
    error = g_error_new (JC_ERROR, JC_ERROR_PROTOCOL, "VideoRoom sent an error event with an invalid “error_code”%s%s",
                         text != NULL ? ": " : "", text != NULL ? text : "");
  else
    error = g_error_new (JC_PLUGIN_ERROR, (int) code, "janus.plugin.videoroom sent error %d (%s)", (int) code,
                         text != NULL ? text : "no reason given");
  emit_error (self, error);
}

/* Simulcast: the layers Janus forwards now, on subscriber handles. */
static void
on_layer_event (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  static const char *const names[] = { "substream", "temporal" };
  int layers[] = { -1, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 value = -1;

      if (!jc_json_has_member (data, names[i]))
        continue;
      if (jc_json_lookup_int (data, names[i], &value) && value >= 0 && value <= 2)
        layers[i] = (int) value;
      else
        jc_video_room_add_problem (problems, "“%s” is not a layer from 0 to 2", names[i]);
    }
  if (layers[0] >= 0 || layers[1] >= 0)
    g_signal_emit (self, signals[SIGNAL_LAYER_CHANGED], 0, jc_json_lookup_string (data, "mid"), layers[0], layers[1]);
}

static void
on_display_event (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  const char *display = jc_json_lookup_string (data, "display");
  g_autoptr (JcVideoRoomId) id = NULL;
  JcVideoRoomParticipant *known;

  if (display == NULL || (id = jc_video_room_id_read (data, "id", self->room, "participant", problems)) == NULL)
    return;
  if ((known = g_hash_table_lookup (self->publishers, id)) != NULL)
    {
      /* A participant of its own: the old one's strings live in its JSON,
       * which others may hold. */
      g_autoptr (JsonObject) json = jc_json_object_copy (jc_video_room_participant_get_json (known));

      json_object_set_string_member (json, "display", display);
      g_hash_table_replace (self->publishers, jc_video_room_id_copy (id), jc_video_room_participant_new_from_json (json));
    }
  g_signal_emit (self, signals[SIGNAL_DISPLAY_CHANGED], 0, id, display);
}

static void
on_plugin_event (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  g_autoptr (JcVideoRoomId) id = NULL;

  if (jc_json_has_member (data, "error_code"))
    {
      on_error_event (self, data);
      return;
    }
  take_publishers (self, data, problems);
  if (!is_ok (data, "unpublished") && (id = jc_video_room_id_read (data, "unpublished", self->room, "participant", problems)) != NULL)
    feed_gone (self, SIGNAL_UNPUBLISHED, id, NULL);
  g_clear_pointer (&id, jc_video_room_id_free);
  if (is_ok (data, "leaving"))
    {
      /* We were made to leave: kicked, or the room went away. */
      const char *reason = jc_json_lookup_string (data, "reason");

      if (g_strcmp0 (reason, "kicked") == 0 && self->id != NULL)
        g_signal_emit (self, signals[SIGNAL_KICKED], 0, self->id);
      jc_video_room_clear_membership (self);
    }
  else if ((id = jc_video_room_id_read (data, "leaving", self->room, "participant", problems)) != NULL)
    feed_gone (self, SIGNAL_LEAVING, id, jc_json_lookup_string (data, "reason"));
  g_clear_pointer (&id, jc_video_room_id_free);
  if ((id = jc_video_room_id_read (data, "kicked", self->room, "participant", problems)) != NULL)
    feed_gone (self, SIGNAL_KICKED, id, NULL);
  g_clear_pointer (&id, jc_video_room_id_free);
  if (jc_json_has_member (data, "joining"))
    {
      JsonObject *joining = jc_json_lookup_object (data, "joining");

      if (joining != NULL && (id = jc_video_room_id_lookup_in (joining, "id", self->room)) != NULL)
        g_signal_emit (self, signals[SIGNAL_JOINING], 0, id, jc_json_lookup_string (joining, "display"));
      else
        jc_video_room_add_problem (problems, "“joining” has no valid participant “id”");
    }
  if (is_ok (data, "configured"))
    jc_video_room_emit_configured (self, data);
  else if (jc_json_has_member (data, "substream") || jc_json_has_member (data, "temporal"))
    on_layer_event (self, data, problems);
  on_display_event (self, data, problems);
}

static void
on_destroyed (JcVideoRoom *self, JsonObject *data, GString *problems)
{
  g_autoptr (JcVideoRoomId) room = jc_video_room_id_lookup_in (data, "room", self->room);

  if (room == NULL)
    {
      jc_video_room_add_problem (problems, "no valid “room”");
      return;
    }
  if (self->room != NULL && !jc_video_room_id_equal (room, self->room))
    {
      g_autofree char *which = jc_video_room_id_to_string (room);
      g_autofree char *ours = jc_video_room_id_to_string (self->room);

      jc_video_room_add_problem (problems, "room %s is not the handle's room (%s)", which, ours);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_DESTROYED], 0, room);
  jc_video_room_clear_membership (self);
}

static void
jc_video_room_event (JcHandle *handle, JsonObject *data, JsonObject *jsep)
{
  JcVideoRoom *self = JC_VIDEO_ROOM (handle);
  const char *what = jc_json_lookup_string (data, "videoroom");
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (JcVideoRoomId) id = NULL;

  if (what == NULL)
    jc_video_room_add_problem (problems, "no “videoroom” type");
  else if (g_str_equal (what, "event"))
    on_plugin_event (self, data, problems);
  else if (g_str_equal (what, "talking") || g_str_equal (what, "stopped-talking"))
    {
      if ((id = jc_video_room_id_lookup_in (data, "id", self->room)) != NULL)
        g_signal_emit (self, signals[g_str_equal (what, "talking") ? SIGNAL_TALKING : SIGNAL_STOPPED_TALKING], 0, id,
                       jc_json_lookup_string (data, "mid"));
      else
        jc_video_room_add_problem (problems, "no valid participant “id”");
    }
  else if (g_str_equal (what, "destroyed"))
    on_destroyed (self, data, problems);
  else if (g_str_equal (what, "updated") || g_str_equal (what, "attached"))
    {
      g_autoptr (GError) error = NULL;

      take_streams (self, data, problems);
      /* Janus's own renegotiations (a publisher left): answered when we
       * have the peer, but never with something that is no offer. */
      if (jsep != NULL && self->peer != NULL)
        {
          if (jc_video_room_check_jsep (jsep, "offer", &error))
            jc_video_room_negotiate (self, jsep, NULL, NULL);
          else
            {
              g_prefix_error (&error, "Not answering “%s”: ", what);
              emit_error (self, error);
            }
        }
    }
  else if (g_str_equal (what, "slow_link"))
    {
      gint64 bitrate = 0;

      if (!jc_json_lookup_int (data, "current-bitrate", &bitrate) || bitrate < 0 || bitrate > G_MAXUINT)
        bitrate = 0;
      g_signal_emit (self, signals[SIGNAL_SLOW_LINK], 0, (guint) bitrate);
    }
  else
    g_debug ("VideoRoom event “%s” has no typed signal", what);
  report (self, data, problems);

  if (JC_HANDLE_CLASS (jc_video_room_parent_class)->event != NULL)
    JC_HANDLE_CLASS (jc_video_room_parent_class)->event (handle, data, jsep);
}

static void
jc_video_room_class_init (JcVideoRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType id_type = JC_TYPE_VIDEO_ROOM_ID | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->dispose = jc_video_room_dispose;
  object_class->finalize = jc_video_room_finalize;
  JC_HANDLE_CLASS (klass)->event = jc_video_room_event;

  /**
   * JcVideoRoom::joined:
   * @self: the handle
   * @room: the room
   * @id: our participant id
   *
   * Emitted in the handle's main context when the handle joined a room as
   * a publisher, before the join call completes.
   */
  signals[SIGNAL_JOINED] = g_signal_new ("joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 2, id_type, id_type);
  /**
   * JcVideoRoom::publishers:
   * @self: the handle
   * @publishers: (element-type JcVideoRoomParticipant): the publishers,
   *   with their streams
   *
   * Emitted on publisher handles for the publishers present when joining
   * and for each one that starts publishing later.
   */
  signals[SIGNAL_PUBLISHERS] = g_signal_new ("publishers", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                             NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  /**
   * JcVideoRoom::unpublished:
   * @self: the handle
   * @feed: the publisher that stopped publishing
   *
   * Emitted on publisher handles when another publisher unpublished.
   */
  signals[SIGNAL_UNPUBLISHED] = g_signal_new ("unpublished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                              NULL, NULL, NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcVideoRoom::leaving:
   * @self: the handle
   * @feed: the participant that left
   * @reason: (nullable): why, when Janus says
   *
   * Emitted on publisher handles when another participant left the room.
   */
  signals[SIGNAL_LEAVING] = g_signal_new ("leaving", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::kicked:
   * @self: the handle
   * @feed: the participant kicked out: another one, or our own id when we
   *   were
   *
   * Emitted when a participant was kicked out of the room.
   */
  signals[SIGNAL_KICKED] = g_signal_new ("kicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcVideoRoom::joining:
   * @self: the handle
   * @feed: the participant that joined
   * @display: (nullable): its display name
   *
   * Emitted for every participant that joins a room created with
   * `notify_joining`, publisher or not.
   */
  signals[SIGNAL_JOINING] = g_signal_new ("joining", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::talking:
   * @self: the handle
   * @feed: the publisher
   * @mid: (nullable): its audio stream
   *
   * Emitted when a publisher starts talking (rooms with
   * `audiolevel_event`).
   */
  signals[SIGNAL_TALKING] = g_signal_new ("talking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::stopped-talking:
   * @self: the handle
   * @feed: the publisher
   * @mid: (nullable): its audio stream
   *
   * Emitted when a publisher stops talking.
   */
  signals[SIGNAL_STOPPED_TALKING] = g_signal_new ("stopped-talking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::updated:
   * @self: the handle
   * @streams: (element-type JcVideoRoomStream): the subscription's
   *   streams now
   *
   * Emitted on subscriber handles whenever the subscription's streams
   * changed: on joining, subscribing, unsubscribing, and when Janus changed
   * it on its own (a publisher left or unpublished) and offered a new SDP.
   * With a peer ([method@VideoRoom.set_peer]) every offer is answered for
   * you.
   */
  signals[SIGNAL_UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  /**
   * JcVideoRoom::destroyed:
   * @self: the handle
   * @room: the room
   *
   * Emitted when the room the handle is in was destroyed.
   */
  signals[SIGNAL_DESTROYED] = g_signal_new ("destroyed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                            NULL, NULL, G_TYPE_NONE, 1, id_type);
  /**
   * JcVideoRoom::configured:
   * @self: the handle
   * @data: the plugin's data
   *
   * Emitted when Janus confirmed a `configure`, `publish` or
   * `joinandconfigure`.
   */
  signals[SIGNAL_CONFIGURED] = g_signal_new ("configured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                             NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  /**
   * JcVideoRoom::display-changed:
   * @self: the handle
   * @feed: the participant
   * @display: its new display name
   *
   * Emitted when another participant changed its display name.
   */
  signals[SIGNAL_DISPLAY_CHANGED] = g_signal_new ("display-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, id_type, G_TYPE_STRING);
  /**
   * JcVideoRoom::slow-link:
   * @self: the handle
   * @bitrate: the bitrate Janus now asks for, in bits per second (0 when
   *   it gave none)
   *
   * Emitted when Janus saw too many lost packets (`slow_link`).
   */
  signals[SIGNAL_SLOW_LINK] = g_signal_new ("slow-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                            NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * JcVideoRoom::layer-changed:
   * @self: the subscriber handle
   * @mid: (nullable): the subscription's stream whose layer changed
   * @substream: the simulcast layer now forwarded (0 is the lowest), or -1
   *   when unchanged
   * @temporal: the temporal layer now forwarded, or -1 when unchanged
   *
   * Emitted when Janus starts forwarding another simulcast layer of a
   * stream to this subscriber, after a `configure` asked for it
   * (`substream`, `temporal`) or when the publisher stopped sending the
   * layer that was wanted.
   */
  signals[SIGNAL_LAYER_CHANGED] = g_signal_new ("layer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  /**
   * JcVideoRoom::error:
   * @self: the handle
   * @error: the error: [error@PluginError] with the plugin's code for an
   *   error event, what failed while answering an offer by ourselves, or
   *   %JC_ERROR_PROTOCOL naming what was wrong with a malformed event or
   *   reply (the rest of it was taken: malformed entries of a list are
   *   left out, the others kept)
   *
   * Emitted for errors no request of ours is waiting for.
   */
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
jc_video_room_init (JcVideoRoom *self)
{
  self->publishers = g_hash_table_new_full ((GHashFunc) jc_video_room_id_hash, (GEqualFunc) jc_video_room_id_equal,
                                            (GDestroyNotify) jc_video_room_id_free,
                                            (GDestroyNotify) jc_video_room_participant_unref);
  self->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_stream_unref);
  self->pending_feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_id_free);
  g_queue_init (&self->negotiations);
  g_weak_ref_init (&self->followed, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * jc_video_room_attach_async:
 * @session: a session
 * @opaque_id: (nullable): an opaque id for the Admin API and event handlers
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called with the handle
 * @user_data: data for @callback
 *
 * Attaches a new handle to the VideoRoom plugin. Use one handle per role:
 * administration, each publisher, each subscription.
 */
void
jc_video_room_attach_async (JcSession *session,
                            const char *opaque_id,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;

  g_return_if_fail (JC_IS_SESSION (session));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jc_video_room_attach_async);
  g_task_set_name (task, "jc_video_room_attach_async");
  jc_session_attach_into_task (session, JC_TYPE_VIDEO_ROOM, JC_VIDEO_ROOM_PLUGIN, opaque_id, task);
}

/**
 * jc_video_room_attach_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@VideoRoom.attach_async].
 *
 * Returns: (transfer full): the new VideoRoom handle
 */
JcVideoRoom *
jc_video_room_attach_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jc_video_room_attach_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jc_video_room_get_room:
 * @self: a VideoRoom handle
 *
 * Gets the room the handle joined.
 *
 * Returns: (transfer none) (nullable): the room, or %NULL before joining
 */
const JcVideoRoomId *
jc_video_room_get_room (JcVideoRoom *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), NULL);
  return self->room;
}

/**
 * jc_video_room_get_participant_id:
 * @self: a VideoRoom handle
 *
 * Gets the id a publisher handle joined with (its feed id once it
 * publishes).
 *
 * Returns: (transfer none) (nullable): the id, or %NULL
 */
const JcVideoRoomId *
jc_video_room_get_participant_id (JcVideoRoom *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), NULL);
  return self->id;
}

/**
 * jc_video_room_get_private_id:
 * @self: a VideoRoom handle
 *
 * Gets the private id Janus gave a publisher handle, to pass to
 * subscriptions in rooms that require it.
 *
 * Returns: the private id, or 0
 */
guint64
jc_video_room_get_private_id (JcVideoRoom *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), 0);
  return self->private_id;
}

/**
 * jc_video_room_get_publishers:
 * @self: a VideoRoom handle
 *
 * Gets the publishers a publisher handle knows of now: those present when
 * it joined and those announced since, minus those that left.
 *
 * Returns: (transfer container) (element-type JcVideoRoomParticipant): the
 *   publishers
 */
GPtrArray *
jc_video_room_get_publishers (JcVideoRoom *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_participant_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), out);

  g_hash_table_iter_init (&iter, self->publishers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (out, jc_video_room_participant_ref (value));
  return out;
}

/**
 * jc_video_room_get_streams:
 * @self: a VideoRoom handle
 *
 * Gets a subscriber handle's streams, as Janus last described them.
 *
 * Returns: (transfer container) (element-type JcVideoRoomStream): the
 *   streams
 */
GPtrArray *
jc_video_room_get_streams (JcVideoRoom *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_stream_unref);

  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), out);

  for (guint i = 0; i < self->streams->len; i++)
    g_ptr_array_add (out, jc_video_room_stream_ref (g_ptr_array_index (self->streams, i)));
  return out;
}

/**
 * jc_video_room_set_peer:
 * @self: a VideoRoom handle
 * @peer: (nullable): the handle's peer
 * @sink: (nullable): the sink @peer records to, when it is a directory
 *   sink: each track's file is then named after its feed
 *
 * Gives a subscriber handle the peer that receives its media: from then
 * on every offer Janus sends — after joining, subscribing, unsubscribing,
 * and when publishers leave — is answered with it and confirmed with
 * `start`, in order. Publishers pass their peer to
 * [method@VideoRoom.publish_media_async] instead.
 */
void
jc_video_room_set_peer (JcVideoRoom *self, JcPeer *peer, JcMediaSink *sink)
{
  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (peer == NULL || JC_IS_PEER (peer));
  g_return_if_fail (sink == NULL || JC_IS_MEDIA_SINK (sink));

  g_set_object (&self->peer, peer);
  g_set_object (&self->sink, sink);
  label_tracks (self);
}

/**
 * jc_video_room_get_peer:
 * @self: a VideoRoom handle
 *
 * Gets the peer set with [method@VideoRoom.set_peer] or used to publish.
 *
 * Returns: (transfer none) (nullable): the peer
 */
JcPeer *
jc_video_room_get_peer (JcVideoRoom *self)
{
  g_return_val_if_fail (JC_IS_VIDEO_ROOM (self), NULL);
  return self->peer;
}

gboolean
jc_video_room_has_peer (JcVideoRoom *self)
{
  return self->peer != NULL;
}

/* Negotiations: one at a time, in order. */

static void negotiate_next (JcVideoRoom *self);

static void
negotiation_done (JcVideoRoom *self, Negotiation *n, GError *error)
{
  if (n->task != NULL)
    {
      if (error != NULL)
        g_task_return_error (n->task, error);
      else
        jc_video_room_return_data (n->task, n->data, NULL);
      g_clear_object (&n->task);
    }
  else if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        emit_error (self, error);
      g_error_free (error);
    }
  negotiation_free (n);
  self->negotiating = FALSE;
  negotiate_next (self);
}

static void
on_started (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Negotiation *n = user_data;
  JcVideoRoom *self = JC_VIDEO_ROOM (source);
  GError *error = NULL;

  if (!jc_video_room_start_finish (self, result, &error))
    g_prefix_error (&error, "Starting the subscription: ");
  negotiation_done (self, n, error);
  g_object_unref (self);
}

static void
on_answered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Negotiation *n = user_data;
  JcPeer *peer = JC_PEER (source);
  JcVideoRoom *self = JC_VIDEO_ROOM (jc_peer_get_handle (peer));
  GError *error = NULL;
  g_autoptr (JsonObject) answer = jc_peer_create_answer_finish (peer, result, &error);

  if (answer == NULL)
    {
      g_prefix_error (&error, "Answering Janus's offer: ");
      negotiation_done (self, n, error);
      g_object_unref (self);
      return;
    }
  jc_video_room_start_async (self, answer, self->cancellable, on_started, n);
}

static void
negotiate_next (JcVideoRoom *self)
{
  Negotiation *n;

  if (self->negotiating || (n = g_queue_pop_head (&self->negotiations)) == NULL)
    return;
  if (self->peer == NULL)
    {
      negotiation_done (self, n,
                        g_error_new (JC_ERROR, JC_ERROR_INVALID_ARGUMENT, "The subscriber handle has no peer"));
      return;
    }
  self->negotiating = TRUE;
  label_tracks (self);
  /* The peer is the handle's; the handle outlives the exchange. */
  g_object_ref (self);
  jc_peer_create_answer_async (self->peer, n->offer, self->cancellable, on_answered, n);
}

void
jc_video_room_negotiate (JcVideoRoom *self, JsonObject *offer, GTask *task, JsonObject *data)
{
  Negotiation *n = g_new0 (Negotiation, 1);

  n->offer = json_object_ref (offer);
  n->task = task;
  n->data = data != NULL ? json_object_ref (data) : NULL;
  g_queue_push_tail (&self->negotiations, n);
  negotiate_next (self);
}

/* follow () */

static void subscribe_pending (JcVideoRoom *self);

static void
on_follow_subscribed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  JcVideoRoom *self = JC_VIDEO_ROOM (source);
  gboolean join = GPOINTER_TO_INT (user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) streams = join ? jc_video_room_join_subscriber_finish (self, result, NULL, &error)
                                       : jc_video_room_subscribe_finish (self, result, NULL, &error);

  self->subscribing = FALSE;
  if (streams == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        emit_error (self, error);
      return;
    }
  subscribe_pending (self);
}

static void
subscribe_pending (JcVideoRoom *self)
{
  g_autoptr (JcVideoRoom) followed = g_weak_ref_get (&self->followed);
  g_autoptr (GPtrArray) feeds = NULL;
  gboolean join;

  if (self->subscribing || self->pending_feeds->len == 0 || followed == NULL)
    return;
  feeds = g_steal_pointer (&self->pending_feeds);
  self->pending_feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_video_room_id_free);
  self->subscribing = TRUE;
  join = !self->subscriber;
  if (join)
    {
      g_autoptr (JcVideoRoomRequest) options = jc_video_room_request_new ();

      if (followed->private_id != 0)
        jc_video_room_request_set_private_id (options, followed->private_id);
      jc_video_room_join_subscriber_async (self, followed->room, feeds, options, self->cancellable,
                                           on_follow_subscribed, GINT_TO_POINTER (TRUE));
    }
  else
    jc_video_room_subscribe_async (self, feeds, NULL, self->cancellable, on_follow_subscribed,
                                   GINT_TO_POINTER (FALSE));
}

static void
queue_feeds (JcVideoRoom *self, GPtrArray *publishers)
{
  for (guint i = 0; i < publishers->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (publishers, i);

      g_ptr_array_add (self->pending_feeds, jc_video_room_id_copy (jc_video_room_participant_get_id (p)));
    }
  subscribe_pending (self);
}

static void
on_followed_publishers (JcVideoRoom *followed, GPtrArray *publishers, gpointer user_data)
{
  queue_feeds (JC_VIDEO_ROOM (user_data), publishers);
}

/**
 * jc_video_room_follow:
 * @self: a subscriber handle, not joined yet
 * @publisher: a publisher handle that joined the room
 *
 * Subscribes @self to every publisher @publisher knows of now and to each
 * that appears later: the first feeds with a subscriber join (with
 * @publisher's private id), later ones with `subscribe`. Janus itself
 * removes the streams of publishers that leave; give @self a peer with
 * [method@VideoRoom.set_peer] so that every offer is answered. Failures
 * are emitted as [signal@VideoRoom::error] on @self.
 */
void
jc_video_room_follow (JcVideoRoom *self, JcVideoRoom *publisher)
{
  g_autoptr (GPtrArray) present = NULL;

  g_return_if_fail (JC_IS_VIDEO_ROOM (self));
  g_return_if_fail (JC_IS_VIDEO_ROOM (publisher));
  g_return_if_fail (publisher->room != NULL);

  g_weak_ref_set (&self->followed, publisher);
  self->followed_id = g_signal_connect_object (publisher, "publishers", G_CALLBACK (on_followed_publishers), self, 0);
  present = jc_video_room_get_publishers (publisher);
  queue_feeds (self, present);
}
