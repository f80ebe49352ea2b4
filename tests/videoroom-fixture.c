/* videoroom-fixture.c: a JcVideoRoom on an in-process fake Janus, for the
 * hostile-server tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "videoroom-fixture.h"

#define S(s) ((s) != NULL ? (s) : "-")

char *
vrf_dq (const char *text)
{
  return text != NULL ? g_strdelimit (g_strdup (text), "'", '"') : NULL;
}

char *
vrf_id_text (const JcId *id)
{
  g_autofree char *text = NULL;

  if (id == NULL)
    return g_strdup ("NULL");
  text = jc_id_to_string (id);
  return jc_id_is_string (id) ? g_strdup_printf ("'%s'", text) : g_steal_pointer (&text);
}

static void
log_id (Vrf *f, const char *name, const JcId *id)
{
  g_autofree char *text = vrf_id_text (id);

  g_string_append_printf (f->log, "%s(%s);", name, text);
}

static void
log_id_string (Vrf *f, const char *name, const JcId *id, const char *string)
{
  g_autofree char *text = vrf_id_text (id);

  g_string_append_printf (f->log, "%s(%s,%s);", name, text, S (string));
}

static void
append_participant (GString *out, JcVideoRoomParticipant *p)
{
  g_autofree char *id = vrf_id_text (jc_video_room_participant_get_id (p));

  g_string_append_printf (out, "%s:%s[%u]", id, S (jc_video_room_participant_get_display (p)),
                          jc_video_room_participant_get_streams (p)->len);
}

static void
append_stream (GString *out, JcVideoRoomStream *s)
{
  g_autofree char *feed = vrf_id_text (jc_video_room_stream_get_feed_id (s));

  g_string_append_printf (out, "%s>%s", S (jc_video_room_stream_get_mid (s)), feed);
}

/* At most three entries, then the count. */
static void
append_array (GString *out, GPtrArray *array, void (*append) (GString *, gpointer))
{
  for (guint i = 0; i < array->len && i < 3; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append (out, g_ptr_array_index (array, i));
    }
  if (array->len > 3)
    g_string_append_printf (out, ",…%u", array->len);
}

static void
on_joined (JcVideoRoom *vr, JcId *room, JcId *id, Vrf *f)
{
  g_autofree char *text = vrf_id_text (id);

  log_id_string (f, "joined", room, text);
}

static void
on_publishers (JcVideoRoom *vr, GPtrArray *publishers, Vrf *f)
{
  g_string_append (f->log, "publishers(");
  append_array (f->log, publishers, (void (*) (GString *, gpointer)) append_participant);
  g_string_append (f->log, ");");
}

static void
on_unpublished (JcVideoRoom *vr, JcId *id, Vrf *f)
{
  log_id (f, "unpublished", id);
}

static void
on_leaving (JcVideoRoom *vr, JcId *id, const char *reason, Vrf *f)
{
  log_id_string (f, "leaving", id, reason);
}

static void
on_kicked (JcVideoRoom *vr, JcId *id, Vrf *f)
{
  log_id (f, "kicked", id);
}

static void
on_joining (JcVideoRoom *vr, JcId *id, const char *display, Vrf *f)
{
  log_id_string (f, "joining", id, display);
}

static void
on_talking (JcVideoRoom *vr, JcId *id, const char *mid, Vrf *f)
{
  log_id_string (f, "talking", id, mid);
}

static void
on_stopped_talking (JcVideoRoom *vr, JcId *id, const char *mid, Vrf *f)
{
  log_id_string (f, "stopped-talking", id, mid);
}

static void
on_updated (JcVideoRoom *vr, GPtrArray *streams, Vrf *f)
{
  g_string_append (f->log, "updated(");
  append_array (f->log, streams, (void (*) (GString *, gpointer)) append_stream);
  g_string_append (f->log, ");");
}

static void
on_destroyed (JcVideoRoom *vr, JcId *room, Vrf *f)
{
  log_id (f, "destroyed", room);
}

static void
on_configured (JcVideoRoom *vr, JsonObject *data, Vrf *f)
{
  g_string_append (f->log, "configured;");
}

static void
on_display_changed (JcVideoRoom *vr, JcId *id, const char *display, Vrf *f)
{
  log_id_string (f, "display-changed", id, display);
}

static void
on_slow_link (JcVideoRoom *vr, guint bitrate, Vrf *f)
{
  g_string_append_printf (f->log, "slow-link(%u);", bitrate);
}

static void
on_layer_changed (JcVideoRoom *vr, const char *mid, int substream, int temporal, Vrf *f)
{
  g_string_append_printf (f->log, "layer-changed(%s,%d,%d);", S (mid), substream, temporal);
}

static void
on_error (JcVideoRoom *vr, GError *error, Vrf *f)
{
  g_ptr_array_add (f->errors, g_error_copy (error));
}

static void
connect_signals (Vrf *f)
{
  g_signal_connect (f->vr, "joined", G_CALLBACK (on_joined), f);
  g_signal_connect (f->vr, "publishers", G_CALLBACK (on_publishers), f);
  g_signal_connect (f->vr, "unpublished", G_CALLBACK (on_unpublished), f);
  g_signal_connect (f->vr, "leaving", G_CALLBACK (on_leaving), f);
  g_signal_connect (f->vr, "kicked", G_CALLBACK (on_kicked), f);
  g_signal_connect (f->vr, "joining", G_CALLBACK (on_joining), f);
  g_signal_connect (f->vr, "talking", G_CALLBACK (on_talking), f);
  g_signal_connect (f->vr, "stopped-talking", G_CALLBACK (on_stopped_talking), f);
  g_signal_connect (f->vr, "updated", G_CALLBACK (on_updated), f);
  g_signal_connect (f->vr, "destroyed", G_CALLBACK (on_destroyed), f);
  g_signal_connect (f->vr, "configured", G_CALLBACK (on_configured), f);
  g_signal_connect (f->vr, "display-changed", G_CALLBACK (on_display_changed), f);
  g_signal_connect (f->vr, "slow-link", G_CALLBACK (on_slow_link), f);
  g_signal_connect (f->vr, "layer-changed", G_CALLBACK (on_layer_changed), f);
  g_signal_connect (f->vr, "error", G_CALLBACK (on_error), f);
}

static char *
plugin_message (const char *data, const char *jsep)
{
  return g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}%s%s}", JC_VIDEO_ROOM_PLUGIN, data,
                          jsep != NULL ? ", \"jsep\": " : "", jsep != NULL ? jsep : "");
}

/* Every plugin message is answered with f->reply: an ack, then the event. */
static gboolean
hook (FakeJanus *fake, SoupWebsocketConnection *conn, JsonObject *request, gpointer user_data)
{
  Vrf *f = user_data;
  g_autofree char *extra = NULL;

  if (g_strcmp0 (jc_json_lookup_string (request, "janus"), "message") != 0 || f->reply == NULL)
    return FALSE;
  extra = plugin_message (f->reply, f->reply_jsep);
  fake_janus_reply (fake, request, "ack", NULL);
  fake_janus_reply (fake, request, "event", extra);
  return TRUE;
}

void
vrf_script (Vrf *f, const char *data, const char *jsep)
{
  g_free (f->reply);
  g_free (f->reply_jsep);
  f->reply = vrf_dq (data);
  f->reply_jsep = vrf_dq (jsep);
}

void
vrf_roundtrip (Vrf *f)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *slot = NULL;

  jc_client_ping_async (f->client, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  g_assert_true (jc_client_ping_finish (f->client, result, &error));
  g_assert_no_error (error);
}

void
vrf_push (Vrf *f, const char *data, const char *jsep)
{
  g_autofree char *d = vrf_dq (data);
  g_autofree char *j = vrf_dq (jsep);
  g_autofree char *extra = plugin_message (d, j);

  fake_janus_push (f->fake, "event", jc_session_get_id (f->session), jc_handle_get_id (JC_HANDLE (f->vr)), extra);
  vrf_roundtrip (f);
}

GPtrArray *
vrf_feeds (guint64 id)
{
  GPtrArray *feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_id_free);

  g_ptr_array_add (feeds, jc_id_new_number (id));
  return feeds;
}

static void
join_publisher (Vrf *f, const char *reply, JcId *room)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) id = NULL;
  GAsyncResult *slot = NULL;

  vrf_script (f, reply, NULL);
  jc_video_room_join_publisher_async (f->vr, room, NULL, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  id = jc_video_room_join_publisher_finish (f->vr, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  jc_id_free (room);
}

static void
join_subscriber (Vrf *f)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) streams = NULL;
  g_autoptr (GPtrArray) feeds = vrf_feeds (100);
  g_autoptr (JcId) room = jc_id_new_number (1234);
  GAsyncResult *slot = NULL;

  vrf_script (f, VRF_ATTACHED, VRF_OFFER);
  jc_video_room_join_subscriber_async (f->vr, room, feeds, NULL, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  streams = jc_video_room_join_subscriber_finish (f->vr, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (streams->len, ==, 1);
}

void
vrf_setup (Vrf *f, VrfSetup setup)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  f->setup = setup;
  f->log = g_string_new (NULL);
  f->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  f->fake = fake_janus_new ();
  fake_janus_set_hook (f->fake, hook, f);
  f->client = jc_test_connect (fake_janus_get_uri (f->fake), &error);
  g_assert_no_error (error);
  f->session = jc_test_create_session (f->client, &error);
  g_assert_no_error (error);
  jc_video_room_attach_async (f->session, NULL, NULL, jc_test_store_result, &slot);
  result = jc_test_wait_result (&slot);
  f->vr = jc_video_room_attach_finish (result, &error);
  g_assert_no_error (error);
  connect_signals (f);

  switch (setup)
    {
    case VRF_PUBLISHER:
      join_publisher (f, VRF_JOINED, jc_id_new_number (1234));
      g_assert_cmpstr (f->log->str, ==, "joined(1234,1);publishers(100:alice[2]);");
      break;
    case VRF_STRING:
      join_publisher (f, VRF_JOINED_STR, jc_id_new_string ("lobby"));
      g_assert_cmpstr (f->log->str, ==, "joined('lobby','me');publishers('alice':alice[2]);");
      break;
    case VRF_SUB:
    case VRF_SUB_PEER:
      join_subscriber (f);
      g_assert_cmpstr (f->log->str, ==, "updated(0>100);");
      /* After joining, or it would answer the join's offer. */
      if (setup == VRF_SUB_PEER)
        {
          f->peer = jc_peer_new (JC_HANDLE (f->vr));
          jc_video_room_set_peer (f->vr, f->peer, NULL);
        }
      break;
    case VRF_NONE:
    default:
      break;
    }
  g_assert_cmpuint (f->errors->len, ==, 0);
  g_string_truncate (f->log, 0);
  vrf_script (f, NULL, NULL);
}

void
vrf_teardown (Vrf *f, gconstpointer data)
{
  gpointer weak_client = f->client;

  /* The peer holds the handle: break the cycle. */
  if (f->peer != NULL)
    jc_video_room_set_peer (f->vr, NULL, NULL);
  g_clear_object (&f->peer);
  g_signal_handlers_disconnect_by_data (f->vr, f);
  g_clear_object (&f->vr);
  g_clear_object (&f->session);
  g_object_add_weak_pointer (G_OBJECT (f->client), &weak_client);
  g_clear_object (&f->client);
  JC_TEST_WAIT_UNTIL (weak_client == NULL);
  fake_janus_free (f->fake);
  g_string_free (f->log, TRUE);
  g_ptr_array_unref (f->errors);
  vrf_script (f, NULL, NULL);
}

/* Numbers in order, then strings */
static int
compare_participants (gconstpointer a, gconstpointer b)
{
  const JcId *ia = jc_video_room_participant_get_id (*(JcVideoRoomParticipant **) a);
  const JcId *ib = jc_video_room_participant_get_id (*(JcVideoRoomParticipant **) b);
  guint64 na = jc_id_get_number (ia), nb = jc_id_get_number (ib);

  if (na != nb)
    return na < nb ? -1 : 1;
  return g_strcmp0 (jc_id_get_string (ia), jc_id_get_string (ib));
}

char *
vrf_state (Vrf *f)
{
  GString *out = g_string_new (NULL);

  if (f->setup == VRF_SUB || f->setup == VRF_SUB_PEER)
    {
      g_autoptr (GPtrArray) streams = jc_video_room_get_streams (f->vr);

      append_array (out, streams, (void (*) (GString *, gpointer)) append_stream);
    }
  else
    {
      g_autoptr (GPtrArray) publishers = jc_video_room_get_publishers (f->vr);

      g_ptr_array_sort (publishers, compare_participants);
      append_array (out, publishers, (void (*) (GString *, gpointer)) append_participant);
    }
  return g_string_free (out, FALSE);
}

void
vrf_assert_error (const GError *error, int code, const char *text)
{
  g_assert_nonnull (error);
  if (code == 0)
    g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
  else
    g_assert_error (error, JC_PLUGIN_ERROR, code);
  if (strstr (error->message, text) == NULL)
    g_error ("“%s” not in the error message “%s”", text, error->message);
}

static void
assert_publisher_event_parsed (Vrf *f)
{
  gboolean string_ids = f->setup == VRF_STRING;
  g_autoptr (GPtrArray) publishers = NULL;
  gboolean found = FALSE;

  vrf_push (f, string_ids ? "{'videoroom': 'event', 'room': 'lobby', 'publishers': [{'id': 'later', 'display': 'after', 'streams': [{'type': 'video', 'mid': '0'}]}]}" : "{'videoroom': 'event', 'room': 1234, 'publishers': [{'id': 4242, 'display': 'after', 'streams': [{'type': 'video', 'mid': '0'}]}]}",
            NULL);
  g_assert_cmpstr (f->log->str, ==, string_ids ? "publishers('later':after[1]);" : "publishers(4242:after[1]);");
  publishers = jc_video_room_get_publishers (f->vr);
  for (guint i = 0; i < publishers->len; i++)
    {
      JcVideoRoomParticipant *p = g_ptr_array_index (publishers, i);
      const JcId *id = jc_video_room_participant_get_id (p);
      g_autofree char *text = vrf_id_text (id);

      g_assert_cmpint (jc_id_is_string (id), ==, string_ids);
      g_assert_true (string_ids || jc_id_get_number (id) <= JC_JSON_MAX_ID);
      if (g_str_equal (text, string_ids ? "'later'" : "4242"))
        {
          found = TRUE;
          g_assert_cmpstr (jc_video_room_participant_get_display (p), ==, "after");
          g_assert_cmpuint (jc_video_room_participant_get_streams (p)->len, ==, 1);
        }
    }
  g_assert_true (found);
}

void
vrf_assert_still_working (Vrf *f, gboolean joined)
{
  g_assert_true (jc_client_is_connected (f->client));
  g_assert_true (jc_handle_is_attached (JC_HANDLE (f->vr)));
  g_string_truncate (f->log, 0);
  g_ptr_array_set_size (f->errors, 0);
  if (f->setup == VRF_SUB || f->setup == VRF_SUB_PEER)
    {
      g_autoptr (GPtrArray) streams = NULL;

      vrf_push (f, "{'videoroom': 'updated', 'room': 1234, 'streams': [{'type': 'video', 'mid': '0', 'feed_id': 4242, 'feed_mid': '1'}]}", NULL);
      g_assert_cmpstr (f->log->str, ==, "updated(0>4242);");
      streams = jc_video_room_get_streams (f->vr);
      g_assert_cmpuint (streams->len, ==, 1);
      g_assert_cmpuint (jc_id_get_number (jc_video_room_stream_get_feed_id (g_ptr_array_index (streams, 0))), ==, 4242);
    }
  else
    assert_publisher_event_parsed (f);
  g_assert_cmpuint (f->errors->len, ==, 0);
  g_string_truncate (f->log, 0);

  if (f->setup == VRF_NONE)
    return;
  if (f->setup == VRF_SUB || f->setup == VRF_SUB_PEER)
    {
      g_assert_null (jc_video_room_get_participant_id (f->vr));
      if (joined)
        g_assert_nonnull (jc_video_room_get_room (f->vr));
      return;
    }
  if (!joined)
    {
      g_assert_null (jc_video_room_get_participant_id (f->vr));
      g_assert_cmpuint (jc_video_room_get_private_id (f->vr), ==, 0);
    }
  else
    {
      gboolean string_ids = f->setup == VRF_STRING;
      g_autofree char *id = vrf_id_text (jc_video_room_get_participant_id (f->vr));
      g_autofree char *room = vrf_id_text (jc_video_room_get_room (f->vr));

      g_assert_cmpstr (id, ==, string_ids ? "'me'" : "1");
      g_assert_cmpstr (room, ==, string_ids ? "'lobby'" : "1234");
      g_assert_cmpuint (jc_video_room_get_private_id (f->vr), ==, 777);
    }
}
