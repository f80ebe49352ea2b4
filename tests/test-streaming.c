/* test-streaming.c: the Streaming plugin's administration against a
 * private Janus on loopback (RTP mountpoints bind their ports there too,
 * no media needed) with an admin_key: create, list, info, edit, enable,
 * disable, recording, kick_all, destroy, the secret, pin and admin_key
 * errors, watch without a peer; the request bodies; hostile replies and
 * events from the fake Janus; the CLI's list, info, create, destroy
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "fake-janus.h"
#include "jc-json-private.h"
#include "jc-local-janus.h"
#include "jc-test-util.h"

#define ADMIN_KEY "streaming-admin-key"

static JcLocalJanus *janus;
static GAsyncResult *slot;
#define WAIT_RESULT() jc_test_wait_result (&slot)
#define CB jc_test_store_result, &slot

static void
count_error (JcStreaming *st, GError *error, guint *count)
{
  g_test_message ("error signal: %s", error->message);
  (*count)++;
}

static JcStreaming *
attach (JcSession *session)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  JcStreaming *st;

  jc_streaming_attach_async (session, NULL, NULL, CB);
  result = WAIT_RESULT ();
  st = jc_streaming_attach_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (JC_IS_STREAMING (st));
  return st;
}

typedef struct
{
  JcClient *client;
  JcSession *session;
  JcStreaming *st;
  guint errors;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->client = jc_test_connect (jc_local_janus_get_ws_uri (janus), &error);
  g_assert_no_error (error);
  f->session = jc_test_create_session (f->client, &error);
  g_assert_no_error (error);
  f->st = attach (f->session);
  g_signal_connect (f->st, "error", G_CALLBACK (count_error), &f->errors);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (f->errors, ==, 0);
  g_assert_true (jc_test_detach (JC_HANDLE (f->st), NULL));
  g_clear_object (&f->st);
  jc_test_destroy (f->session, NULL);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
}

static JcStreamingMountpoint *
rtp_mountpoint (const JcId *id, const char *secret, const char *pin, const char *admin_key)
{
  JcStreamingMountpoint *mp = jc_streaming_mountpoint_new ("rtp");

  jc_streaming_mountpoint_set_id (mp, id);
  jc_streaming_mountpoint_set_description (mp, "integration");
  jc_streaming_mountpoint_set_secret (mp, secret);
  jc_streaming_mountpoint_set_pin (mp, pin);
  jc_streaming_mountpoint_set_admin_key (mp, admin_key);
  jc_streaming_mountpoint_add_rtp_media (mp, "audio", "a", "opus", 111, 0);
  jc_streaming_mountpoint_add_rtp_media (mp, "video", "v", "vp8", 96, 0);
  return mp;
}

static JcStreamingInfo *
create (Fixture *f, JcStreamingMountpoint *mp, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  jc_streaming_create_async (f->st, mp, NULL, CB);
  result = WAIT_RESULT ();
  return jc_streaming_create_finish (f->st, result, error);
}

static JcStreamingRequest *
with_secret (const char *secret)
{
  JcStreamingRequest *options = jc_streaming_request_new ();

  jc_streaming_request_set_secret (options, secret);
  return options;
}

static JcStreamingInfo *
info (Fixture *f, const JcId *id, const char *secret, GError **error)
{
  g_autoptr (JcStreamingRequest) options = with_secret (secret);
  g_autoptr (GAsyncResult) result = NULL;

  jc_streaming_info_async (f->st, id, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_streaming_info_finish (f->st, result, error);
}

static gboolean
destroy (Fixture *f, const JcId *id, const char *secret, GError **error)
{
  g_autoptr (JcStreamingRequest) options = with_secret (secret);
  g_autoptr (GAsyncResult) result = NULL;

  jc_streaming_destroy_async (f->st, id, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_streaming_destroy_finish (f->st, result, error);
}

static gboolean
edit (Fixture *f, const JcId *id, const char *secret, const char *description, GError **error)
{
  g_autoptr (JcStreamingRequest) options = with_secret (secret);
  g_autoptr (JsonNode) value = json_node_init_string (json_node_alloc (), description);
  g_autoptr (GAsyncResult) result = NULL;

  jc_streaming_request_set_extra (options, "new_description", value);
  jc_streaming_edit_async (f->st, id, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_streaming_edit_finish (f->st, result, error);
}

static gboolean
enable (Fixture *f, const JcId *id, gboolean on, const char *secret, GError **error)
{
  g_autoptr (JcStreamingRequest) options = with_secret (secret);
  g_autoptr (GAsyncResult) result = NULL;

  jc_streaming_enable_async (f->st, id, on, options, NULL, CB);
  result = WAIT_RESULT ();
  return jc_streaming_enable_finish (f->st, result, error);
}

static JcId *
random_id (void)
{
  return jc_id_new_number (1000000 + g_random_int_range (0, 1000000000));
}

static gboolean
listed (Fixture *f, const JcId *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) list = NULL;

  jc_streaming_list_async (f->st, NULL, NULL, CB);
  result = WAIT_RESULT ();
  list = jc_streaming_list_finish (f->st, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (jc_id_equal (jc_streaming_info_get_id (g_ptr_array_index (list, i)), id))
      {
        JcStreamingInfo *entry = g_ptr_array_index (list, i);

        g_assert_cmpuint (jc_streaming_info_get_media (entry)->len, ==, 2);
        g_assert_cmpstr (jc_streaming_media_get_mid (g_ptr_array_index (jc_streaming_info_get_media (entry), 0)), ==, "a");
        return TRUE;
      }
  return FALSE;
}

/* What the typed builders send, and what is redacted in logs. */
static void
test_request_fields (void)
{
  g_autoptr (JcId) id = jc_id_new_string ("cam-1");
  g_autoptr (JcStreamingMountpoint) mp = rtp_mountpoint (id, "s", "p", "k");
  g_autoptr (JcStreamingMountpoint) rtsp = jc_streaming_mountpoint_new ("rtsp");
  g_autoptr (JcStreamingRequest) options = jc_streaming_request_new ();
  g_autoptr (JsonNode) fmtp = json_node_init_string (json_node_alloc (), "profile-id=0");
  g_autoptr (JsonNode) pwd = json_node_init_string (json_node_alloc (), "rtsp-password");
  g_autoptr (JsonObject) mp_json = NULL;
  g_autoptr (JsonObject) rtsp_json = NULL;
  g_autoptr (JsonObject) options_json = NULL;
  g_autofree char *mp_text = NULL, *options_text = NULL, *redacted = NULL;
  const char *const mids[] = { "v", NULL };

  g_assert_true (jc_streaming_mountpoint_set_media_extra (mp, "v", "fmtp", fmtp));
  jc_streaming_mountpoint_set_is_private (mp, TRUE);
  jc_streaming_mountpoint_set_permanent (mp, FALSE);
  jc_streaming_mountpoint_set_name (mp, "cam");
  jc_streaming_mountpoint_set_metadata (mp, "m");
  mp_json = jc_streaming_mountpoint_to_json (mp);
  mp_text = jc_json_to_string (mp_json);
  g_assert_cmpstr (mp_text, ==,
                   "{\"type\":\"rtp\",\"id\":\"cam-1\",\"description\":\"integration\",\"secret\":\"s\",\"pin\":\"p\","
                   "\"admin_key\":\"k\",\"media\":[{\"type\":\"audio\",\"mid\":\"a\",\"codec\":\"opus\",\"pt\":111,\"port\":0},"
                   "{\"type\":\"video\",\"mid\":\"v\",\"codec\":\"vp8\",\"pt\":96,\"port\":0,\"fmtp\":\"profile-id=0\"}],"
                   "\"is_private\":true,\"permanent\":false,\"name\":\"cam\",\"metadata\":\"m\"}");
  jc_streaming_mountpoint_set_id (mp, NULL);
  jc_streaming_mountpoint_set_secret (mp, NULL);
  g_clear_pointer (&mp_json, json_object_unref);
  mp_json = jc_streaming_mountpoint_to_json (mp);
  g_assert_false (jc_json_has_member (mp_json, "id"));
  g_assert_false (jc_json_has_member (mp_json, "secret"));

  /* rtsp_pwd, like every secret, is redacted in logs. */
  jc_streaming_mountpoint_set_extra (rtsp, "rtsp_pwd", pwd);
  rtsp_json = jc_streaming_mountpoint_to_json (rtsp);
  json_object_set_string_member (rtsp_json, "admin_key", "k");
  redacted = jc_json_to_redacted_string (rtsp_json);
  g_assert_null (strstr (redacted, "rtsp-password"));
  g_assert_nonnull (strstr (redacted, "\"rtsp_pwd\":\"[redacted]\""));
  g_assert_nonnull (strstr (redacted, "\"admin_key\":\"[redacted]\""));
  g_assert_true (jc_json_is_secret_member ("rtsp_pwd"));

  jc_streaming_request_set_mid (options, "v");
  jc_streaming_request_set_send (options, FALSE);
  jc_streaming_request_set_substream (options, 2);
  jc_streaming_request_set_temporal (options, 1);
  jc_streaming_request_set_fallback (options, 500000);
  jc_streaming_request_set_spatial_layer (options, 1);
  jc_streaming_request_set_temporal_layer (options, 0);
  jc_streaming_request_set_playout_delay (options, 1, -1);
  jc_streaming_request_set_media (options, mids);
  jc_streaming_request_set_permanent (options, TRUE);
  jc_streaming_request_set_pin (options, "p");
  jc_streaming_request_set_admin_key (options, NULL);
  options_json = jc_streaming_request_to_json (options);
  options_text = jc_json_to_string (options_json);
  g_assert_cmpstr (options_text, ==,
                   "{\"mid\":\"v\",\"send\":false,\"substream\":2,\"temporal\":1,\"fallback\":500000,\"spatial_layer\":1,"
                   "\"temporal_layer\":0,\"min_delay\":1,\"media\":[\"v\"],\"permanent\":true,\"pin\":\"p\"}");
  jc_streaming_request_set_media (options, NULL);
  g_clear_pointer (&options_json, json_object_unref);
  options_json = jc_streaming_request_to_json (options);
  g_assert_false (jc_json_has_member (options_json, "media"));
}

/* create → list → info (with and without the secret) → edit → disable,
 * enable → recording → kick_all → destroy, twice. */
static void
test_lifecycle (Fixture *f, gconstpointer data)
{
  g_autoptr (JcId) id = random_id ();
  g_autoptr (JcStreamingMountpoint) mp = rtp_mountpoint (id, "secret-1", "pin-1", ADMIN_KEY);
  g_autoptr (JcStreamingInfo) created = NULL;
  g_autoptr (JcStreamingInfo) public_info = NULL;
  g_autoptr (JcStreamingInfo) full = NULL;
  g_autoptr (JcStreamingInfo) edited = NULL;
  g_autoptr (JcStreamingInfo) disabled = NULL;
  g_autoptr (JsonArray) start = json_array_new ();
  g_autoptr (JsonArray) stop = json_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *base = g_build_filename (jc_local_janus_get_work_dir (janus), "recordings", "streaming-rec", NULL);
  g_autofree char *mjr = g_strdup_printf ("%s.mjr", base);
  JcStreamingMedia *v;

  created = create (f, mp, &error);
  g_assert_no_error (error);
  g_assert_true (jc_id_equal (jc_streaming_info_get_id (created), id));
  g_assert_cmpstr (jc_streaming_info_get_mountpoint_type (created), ==, "live");
  g_assert_cmpstr (jc_streaming_info_get_description (created), ==, "integration");
  g_assert_cmpuint (jc_streaming_info_get_media (created)->len, ==, 2);
  v = jc_streaming_info_find_media (created, "video");
  g_assert_nonnull (v);
  g_assert_cmpstr (jc_streaming_media_get_mid (v), ==, "v");
  g_assert_cmpuint (jc_streaming_media_get_port (v), >, 0);
  g_assert_cmpuint (jc_streaming_media_get_port (jc_streaming_info_find_media (created, "audio")), >, 0);
  g_assert_null (jc_streaming_info_find_media (created, "data"));
  g_assert_true (listed (f, id));

  /* info without the secret hides the ports; with it, everything. */
  public_info = info (f, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jc_streaming_media_get_port (jc_streaming_info_find_media (public_info, "video")), ==, 0);
  g_assert_null (jc_streaming_info_get_secret (public_info));
  g_assert_cmpstr (jc_streaming_media_get_codec (jc_streaming_info_find_media (public_info, "video")), ==, "vp8");
  full = info (f, id, "secret-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jc_streaming_media_get_port (jc_streaming_info_find_media (full, "video")), ==, jc_streaming_media_get_port (v));
  g_assert_cmpstr (jc_streaming_info_get_secret (full), ==, "secret-1");
  g_assert_cmpstr (jc_streaming_info_get_pin (full), ==, "pin-1");
  g_assert_cmpint (jc_streaming_info_get_viewers (full), ==, 0);
  g_assert_true (jc_streaming_info_is_enabled (full));
  g_assert_cmpint (jc_streaming_media_get_pt (jc_streaming_info_find_media (full, "audio")), ==, 111);
  g_assert_cmpint (jc_streaming_media_get_age_ms (jc_streaming_info_find_media (full, "audio")), >=, 0);
  g_assert_nonnull (jc_streaming_info_get_json (full));
  g_assert_nonnull (jc_streaming_info_get_name (full));

  /* edit: the secret is checked (missing 453, wrong 457). */
  g_assert_false (edit (f, id, NULL, "x", &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  g_assert_false (edit (f, id, "wrong", "x", &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (edit (f, id, "secret-1", "renamed", &error));
  g_assert_no_error (error);
  edited = info (f, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jc_streaming_info_get_description (edited), ==, "renamed");

  /* disable, enable */
  g_assert_false (enable (f, id, FALSE, "wrong", &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (enable (f, id, FALSE, "secret-1", &error));
  g_assert_no_error (error);
  disabled = info (f, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (jc_streaming_info_is_enabled (disabled));
  g_assert_true (enable (f, id, TRUE, "secret-1", &error));
  g_assert_no_error (error);

  /* recording: start and stop the video stream's MJR. */
  {
    JsonObject *entry = json_object_new ();
    g_autoptr (JcStreamingRequest) options = with_secret ("secret-1");

    json_object_set_string_member (entry, "mid", "v");
    json_object_set_string_member (entry, "filename", base);
    json_array_add_object_element (start, entry);
    entry = json_object_new ();
    json_object_set_string_member (entry, "mid", "v");
    json_array_add_object_element (stop, entry);
    jc_streaming_recording_async (f->st, id, TRUE, start, options, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_streaming_recording_finish (f->st, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    jc_streaming_recording_async (f->st, id, FALSE, stop, options, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_streaming_recording_finish (f->st, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_true (g_file_test (mjr, G_FILE_TEST_EXISTS));
    g_unlink (mjr);
  }

  /* kick_all */
  {
    g_autoptr (JcStreamingRequest) options = with_secret ("secret-1");

    jc_streaming_kick_all_async (f->st, id, options, NULL, CB);
    result = WAIT_RESULT ();
    g_assert_true (jc_streaming_kick_all_finish (f->st, result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
  }

  /* destroy: wrong secret 457, then gone, then 455. */
  g_assert_false (destroy (f, id, "wrong", &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (destroy (f, id, "secret-1", &error));
  g_assert_no_error (error);
  g_assert_false (listed (f, id));
  g_assert_false (destroy (f, id, "secret-1", &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
  g_clear_error (&error);
  g_assert_null (info (f, id, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_NO_SUCH_MOUNTPOINT);
}

/* admin_key: missing 453, wrong 457; a taken id 456; a string id where
 * the plugin wants numbers 454. */
static void
test_create_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (JcId) id = random_id ();
  g_autoptr (JcId) text_id = jc_id_new_string ("not-a-number");
  g_autoptr (JcStreamingMountpoint) no_key = rtp_mountpoint (id, NULL, NULL, NULL);
  g_autoptr (JcStreamingMountpoint) wrong_key = rtp_mountpoint (id, NULL, NULL, "wrong");
  g_autoptr (JcStreamingMountpoint) good = rtp_mountpoint (id, NULL, NULL, ADMIN_KEY);
  g_autoptr (JcStreamingMountpoint) string_id = rtp_mountpoint (text_id, NULL, NULL, ADMIN_KEY);
  g_autoptr (JcStreamingInfo) created = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_null (create (f, no_key, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_MISSING_ELEMENT);
  g_assert_nonnull (strstr (error->message, "admin_key"));
  g_clear_error (&error);
  g_assert_null (create (f, wrong_key, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  created = create (f, good, &error);
  g_assert_no_error (error);
  g_assert_null (create (f, good, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_CANT_CREATE);
  g_clear_error (&error);
  g_assert_null (create (f, string_id, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_INVALID_ELEMENT);
  g_clear_error (&error);
  g_assert_true (destroy (f, id, NULL, &error));
  g_assert_no_error (error);
}

/* watch without a peer: Janus's offer, the pin checked; stop. */
static void
test_watch_offer (Fixture *f, gconstpointer data)
{
  g_autoptr (JcId) id = random_id ();
  g_autoptr (JcStreamingMountpoint) mp = rtp_mountpoint (id, NULL, "pin-2", ADMIN_KEY);
  g_autoptr (JcStreamingInfo) created = NULL;
  g_autoptr (JcStreamingRequest) wrong = jc_streaming_request_new ();
  g_autoptr (JcStreamingRequest) right = jc_streaming_request_new ();
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JcStreamingInfo) full = NULL;
  guint statuses = 0;
  const char *sdp;

  created = create (f, mp, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (f->st, "status-changed", G_CALLBACK (g_atomic_int_inc), &statuses);
  jc_streaming_watch_async (f->st, id, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_streaming_watch_finish (f->st, result, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_MISSING_ELEMENT);
  g_clear_error (&error);
  g_clear_object (&result);
  jc_streaming_request_set_pin (wrong, "nope");
  jc_streaming_watch_async (f->st, id, wrong, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_streaming_watch_finish (f->st, result, NULL, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_null (jc_streaming_get_mountpoint (f->st));

  jc_streaming_request_set_pin (right, "pin-2");
  jc_streaming_watch_async (f->st, id, right, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_streaming_watch_finish (f->st, result, &offer, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (offer);
  sdp = jc_json_lookup_string (offer, "sdp");
  g_assert_nonnull (sdp);
  g_assert_nonnull (strstr (sdp, "m=video"));
  g_assert_nonnull (strstr (sdp, "VP8"));
  g_assert_nonnull (strstr (sdp, "a=mid:v"));
  g_assert_cmpstr (jc_json_lookup_string (offer, "type"), ==, "offer");
  g_assert_cmpint (jc_streaming_get_status (f->st), ==, JC_STREAMING_STATUS_PREPARING);
  g_assert_true (jc_id_equal (jc_streaming_get_mountpoint (f->st), id));
  g_assert_cmpuint (statuses, ==, 1);
  g_assert_null (jc_streaming_get_peer (f->st));

  /* Janus 1.1.2 ignores a stop before `started`: told at once. */
  jc_streaming_stop_async (f->st, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_false (jc_streaming_stop_finish (f->st, result, &error));
  g_assert_error (error, JC_ERROR, JC_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);
  full = info (f, id, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("viewers while preparing: %d", jc_streaming_info_get_viewers (full));
  g_assert_true (destroy (f, id, NULL, &error));
  g_assert_no_error (error);
}

/* A Janus with string_ids: mountpoint ids are strings both ways. */
static void
test_string_ids (void)
{
  g_autoptr (JcLocalJanus) strings = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JcId) id = jc_id_new_string ("front-door");
  g_autoptr (JcId) number = jc_id_new_number (77);
  g_autoptr (JcStreamingMountpoint) mp = rtp_mountpoint (id, NULL, NULL, NULL);
  g_autoptr (JcStreamingMountpoint) numeric = rtp_mountpoint (number, NULL, NULL, NULL);
  g_autoptr (JcStreamingInfo) created = NULL;
  g_autoptr (JcStreamingInfo) shown = NULL;
  Fixture f = { 0 };

  jc_local_janus_set_network (strings, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_plugin_config (strings, "janus.plugin.streaming", "  string_ids = true");
  if (!jc_local_janus_start (strings, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);
  f.client = jc_test_connect (jc_local_janus_get_ws_uri (strings), &error);
  g_assert_no_error (error);
  f.session = jc_test_create_session (f.client, &error);
  g_assert_no_error (error);
  f.st = attach (f.session);
  g_signal_connect (f.st, "error", G_CALLBACK (count_error), &f.errors);

  created = create (&f, mp, &error);
  g_assert_no_error (error);
  g_assert_true (jc_id_is_string (jc_streaming_info_get_id (created)));
  g_assert_cmpstr (jc_id_get_string (jc_streaming_info_get_id (created)), ==, "front-door");
  g_assert_true (listed (&f, id));
  shown = info (&f, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jc_id_equal (jc_streaming_info_get_id (shown), id));
  /* A number where the plugin wants strings: 454. */
  g_assert_null (create (&f, numeric, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_INVALID_ELEMENT);
  g_clear_error (&error);
  g_assert_true (destroy (&f, id, NULL, &error));
  g_assert_no_error (error);

  fixture_teardown (&f, NULL);
  jc_local_janus_stop (strings);
}

/* Other types through set_extra: an on-demand mountpoint playing an Ogg
 * Opus file written here, and a live one on a missing file (456). */
static void
test_file_mountpoints (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (jc_local_janus_get_work_dir (janus), "tone.opus", NULL);
  g_autofree char *description = g_strdup_printf ("audiotestsrc num-buffers=50 ! opusenc ! oggmux ! filesink location=%s", path);
  g_autoptr (GstElement) pipeline = NULL;
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) done = NULL;
  g_autoptr (JcId) id = random_id ();
  g_autoptr (JcStreamingMountpoint) ondemand = jc_streaming_mountpoint_new ("ondemand");
  g_autoptr (JcStreamingMountpoint) live = jc_streaming_mountpoint_new ("live");
  g_autoptr (JcStreamingInfo) created = NULL;
  g_autoptr (JcStreamingInfo) shown = NULL;
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonNode) file = json_node_init_string (json_node_alloc (), path);
  g_autoptr (JsonNode) missing = json_node_init_string (json_node_alloc (), "/nonexistent/tone.opus");
  g_autoptr (JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr (JsonNode) opus = json_node_init_string (json_node_alloc (), "opus");
  g_autoptr (JsonNode) pt = json_node_init_int (json_node_alloc (), 111);

  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  done = gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (done);
  g_assert_cmpint (GST_MESSAGE_TYPE (done), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  jc_streaming_mountpoint_set_id (ondemand, id);
  jc_streaming_mountpoint_set_admin_key (ondemand, ADMIN_KEY);
  jc_streaming_mountpoint_set_extra (ondemand, "filename", file);
  jc_streaming_mountpoint_set_extra (ondemand, "audio", yes);
  jc_streaming_mountpoint_set_extra (ondemand, "audiocodec", opus);
  jc_streaming_mountpoint_set_extra (ondemand, "audiopt", pt);
  created = create (f, ondemand, &error);
  g_assert_no_error (error);
  g_assert_true (jc_id_equal (jc_streaming_info_get_id (created), id));
  g_assert_cmpstr (jc_streaming_info_get_mountpoint_type (created), ==, "on demand");
  g_assert_cmpuint (jc_streaming_info_get_media (created)->len, ==, 0);
  shown = info (f, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jc_streaming_info_find_media (shown, "audio"));
  g_assert_cmpstr (jc_streaming_media_get_codec (jc_streaming_info_find_media (shown, "audio")), ==, "opus");

  jc_streaming_watch_async (f->st, id, NULL, NULL, CB);
  result = WAIT_RESULT ();
  g_assert_true (jc_streaming_watch_finish (f->st, result, &offer, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (jc_json_lookup_string (offer, "sdp"), "opus/48000/2"));
  g_assert_null (strstr (jc_json_lookup_string (offer, "sdp"), "m=video"));
  g_assert_true (destroy (f, id, NULL, &error));
  g_assert_no_error (error);

  jc_streaming_mountpoint_set_admin_key (live, ADMIN_KEY);
  jc_streaming_mountpoint_set_extra (live, "filename", missing);
  jc_streaming_mountpoint_set_extra (live, "audio", yes);
  jc_streaming_mountpoint_set_extra (live, "audiocodec", opus);
  jc_streaming_mountpoint_set_extra (live, "audiopt", pt);
  g_assert_null (create (f, live, &error));
  g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_CANT_CREATE);
  g_assert_nonnull (strstr (error->message, "no such file"));
  g_unlink (path);
}

/* Hostile replies from the fake Janus */

typedef enum
{
  LIST,
  INFO,
  CREATE,
  DESTROY,
  ENABLE,
  KICK,
  WATCH,
  PAUSE,
  SWITCH,
} Request;

typedef struct
{
  const char *name;
  Request request;
  const char *data;   /* the plugin's data, ' for " */
  const char *jsep;   /* (nullable) */
  const char *error;  /* (nullable) expected in the error message */
  int code;           /* plugin error code; 0: JC_ERROR_PROTOCOL */
  const char *result; /* (nullable) what run_request printed */
  guint signals;      /* "error" signals expected */
} ReplyCase;

#define OFFER_JSON "{\"type\": \"offer\", \"sdp\": \"v=0\\r\\no=- 1 1 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\nm=video 9 UDP/TLS/RTP/SAVPF 96\\r\\nc=IN IP4 127.0.0.1\\r\\na=mid:v\\r\\na=rtpmap:96 VP8/90000\\r\\n\"}"
#define OFFER "{'type': 'offer', 'sdp': 'v=0\\r\\no=- 1 1 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\nm=video 9 UDP/TLS/RTP/SAVPF 96\\r\\nc=IN IP4 127.0.0.1\\r\\na=mid:v\\r\\na=rtpmap:96 VP8/90000\\r\\n'}"

static const ReplyCase cases[] = {
  { "list/ok", LIST, "{'streaming': 'list', 'list': [{'id': 1, 'type': 'live', 'media': [{'mid': 'v', 'type': 'video'}]}, {'id': 'two'}]}", NULL, NULL, 0, "1:live:v,two:-:" },
  { "list/not-array", LIST, "{'streaming': 'list', 'list': {}}", NULL, "“list”" },
  { "list/missing", LIST, "{'streaming': 'list'}", NULL, "“list”" },
  { "list/id-2^53", LIST, "{'streaming': 'list', 'list': [{'id': 9007199254740993}, {'id': 3}]}", NULL, NULL, 0, "3:-:", 1 },
  { "list/id-float", LIST, "{'streaming': 'list', 'list': [{'id': 1.5}, 7, {'id': 4}]}", NULL, NULL, 0, "4:-:", 1 },
  { "list/wrong-types", LIST, "{'streaming': 'list', 'list': [{'id': 5, 'type': 6, 'enabled': 'yes', 'media': [{'mid': 7, 'port': 'x'}, 3]}]}", NULL, NULL, 0, "5:-:-", 1 },
  { "list/media-object", LIST, "{'streaming': 'list', 'list': [{'id': 5, 'media': {}}]}", NULL, NULL, 0, "5:-:", 1 },
  { "list/kind-info", LIST, "{'streaming': 'info', 'list': []}", NULL, "answered “info”" },
  { "info/ok", INFO, "{'streaming': 'info', 'info': {'id': 12, 'type': 'live', 'viewers': 2, 'media': [{'mid': 'a', 'type': 'audio', 'port': 5002, 'pt': 111}]}}", NULL, NULL, 0, "12:live:a" },
  { "info/missing", INFO, "{'streaming': 'info'}", NULL, "“info”" },
  { "info/no-id", INFO, "{'streaming': 'info', 'info': {'type': 'live'}}", NULL, "“id”" },
  { "info/negative-id", INFO, "{'streaming': 'info', 'info': {'id': -4}}", NULL, "“id”" },
  { "info/port-too-big", INFO, "{'streaming': 'info', 'info': {'id': 12, 'media': [{'mid': 'a', 'port': 70000, 'pt': 300}]}}", NULL, NULL, 0, "12:-:a", 1 },
  { "create/ok", CREATE, "{'streaming': 'created', 'created': 'x', 'stream': {'id': 12, 'type': 'live', 'ports': [{'type': 'video', 'mid': 'v', 'port': 10002}]}}", NULL, NULL, 0, "12:live:v" },
  { "create/no-stream", CREATE, "{'streaming': 'created', 'created': 'x'}", NULL, "“stream”" },
  { "create/stream-array", CREATE, "{'streaming': 'created', 'stream': []}", NULL, "“stream”" },
  { "create/id-beyond", CREATE, "{'streaming': 'created', 'stream': {'id': 18014398509481984}}", NULL, "“id”" },
  { "create/error", CREATE, "{'streaming': 'event', 'error_code': 456, 'error': 'A stream with the provided ID already exists'}", NULL, "already exists", 456 },
  { "destroy/ok", DESTROY, "{'streaming': 'destroyed', 'destroyed': 12}", NULL, NULL, 0, "ok" },
  { "destroy/kind-created", DESTROY, "{'streaming': 'created'}", NULL, "answered “created”" },
  { "destroy/error", DESTROY, "{'streaming': 'event', 'error_code': 455, 'error': 'No such mountpoint/stream 12'}", NULL, "No such", 455 },
  { "enable/ok", ENABLE, "{'streaming': 'ok'}", NULL, NULL, 0, "ok" },
  { "enable/nothing", ENABLE, "{'videoroom': 'ok'}", NULL, "answered “nothing”" },
  { "kick/ok", KICK, "{'streaming': 'kicked_all'}", NULL, NULL, 0, "ok" },
  { "watch/ok", WATCH, "{'streaming': 'event', 'result': {'status': 'preparing'}}", OFFER, NULL, 0, "preparing" },
  { "watch/no-jsep", WATCH, "{'streaming': 'event', 'result': {'status': 'preparing'}}", NULL, "JSEP" },
  { "watch/garbage-sdp", WATCH, "{'streaming': 'event', 'result': {'status': 'preparing'}}", "{'type': 'offer', 'sdp': 'garbage'}", "SDP" },
  { "watch/answer-type", WATCH, "{'streaming': 'event', 'result': {'status': 'preparing'}}", "{'type': 'answer', 'sdp': 7}", "" },
  { "watch/no-result", WATCH, "{'streaming': 'event'}", OFFER, "result" },
  { "watch/result-array", WATCH, "{'streaming': 'event', 'result': []}", OFFER, "result" },
  { "watch/status-unknown", WATCH, "{'streaming': 'event', 'result': {'status': 'dancing'}}", OFFER, "result", 0, NULL, 1 },
  { "watch/error", WATCH, "{'streaming': 'event', 'error_code': 455, 'error': 'No such mountpoint/stream 9'}", NULL, "No such", 455 },
  { "pause/ok", PAUSE, "{'streaming': 'event', 'result': {'status': 'pausing'}}", NULL, NULL, 0, "pausing" },
  { "pause/status-int", PAUSE, "{'streaming': 'event', 'result': {'status': 3}}", NULL, "result", 0, NULL, 1 },
  { "pause/kind-list", PAUSE, "{'streaming': 'list', 'result': {'status': 'pausing'}}", NULL, "answered “list”" },
  { "switch/ok", SWITCH, "{'streaming': 'event', 'result': {'switched': 'ok', 'id': 13}}", NULL, NULL, 0, "13" },
  { "switch/id-missing", SWITCH, "{'streaming': 'event', 'result': {'switched': 'ok'}}", NULL, "result", 0, NULL, 1 },
  { "switch/error", SWITCH, "{'streaming': 'event', 'error_code': 458, 'error': 'Cannot switch'}", NULL, "switch", 458 },
};

typedef struct
{
  FakeJanus *fake;
  JcClient *client;
  JcSession *session;
  JcStreaming *st;
  const ReplyCase *c;
  guint errors;
} Hostile;

/* Synchronous requests get `success`, the viewer's an ack then the event. */
static gboolean
hostile_hook (FakeJanus *fake, SoupWebsocketConnection *conn, JsonObject *request, gpointer user_data)
{
  Hostile *h = user_data;
  g_autofree char *data = NULL, *jsep = NULL, *extra = NULL;
  JsonObject *body = jc_json_lookup_object (request, "body");
  const char *verb = body != NULL ? jc_json_lookup_string (body, "request") : NULL;
  static const char *const async[] = { "watch", "start", "pause", "stop", "configure", "switch", NULL };

  if (g_strcmp0 (jc_json_lookup_string (request, "janus"), "message") != 0 || h->c == NULL || verb == NULL)
    return FALSE;
  data = g_strdelimit (g_strdup (h->c->data), "'", '"');
  jsep = h->c->jsep != NULL ? g_strdelimit (g_strdup (h->c->jsep), "'", '"') : NULL;
  extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}%s%s}", JC_STREAMING_PLUGIN, data,
                           jsep != NULL ? ", \"jsep\": " : "", jsep != NULL ? jsep : "");
  if (g_strv_contains (async, verb))
    {
      fake_janus_reply (fake, request, "ack", NULL);
      fake_janus_reply (fake, request, "event", extra);
    }
  else
    fake_janus_reply (fake, request, "success", extra);
  return TRUE;
}

static void
hostile_setup (Hostile *h, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  h->fake = fake_janus_new ();
  fake_janus_set_hook (h->fake, hostile_hook, h);
  h->client = jc_test_connect (fake_janus_get_uri (h->fake), &error);
  g_assert_no_error (error);
  h->session = jc_test_create_session (h->client, &error);
  g_assert_no_error (error);
  h->st = attach (h->session);
  g_signal_connect (h->st, "error", G_CALLBACK (count_error), &h->errors);
}

static void
hostile_teardown (Hostile *h, gconstpointer data)
{
  g_clear_object (&h->st);
  g_clear_object (&h->session);
  g_clear_object (&h->client);
  g_clear_pointer (&h->fake, fake_janus_free);
}

static void
append_info (GString *out, JcStreamingInfo *info)
{
  g_autofree char *id = jc_id_to_string (jc_streaming_info_get_id (info));
  GPtrArray *media = jc_streaming_info_get_media (info);

  g_string_append_printf (out, "%s:%s:", id, jc_streaming_info_get_mountpoint_type (info) != NULL ? jc_streaming_info_get_mountpoint_type (info) : "-");
  for (guint i = 0; i < media->len; i++)
    {
      const char *mid = jc_streaming_media_get_mid (g_ptr_array_index (media, i));

      g_string_append (out, mid != NULL ? mid : "-");
    }
}

static char *
run_request (Hostile *h, Request request, GError **error)
{
  g_autoptr (JcId) id = jc_id_new_number (12);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (JcStreamingInfo) info = NULL;
  g_autoptr (JcStreamingMountpoint) mp = jc_streaming_mountpoint_new ("rtp");
  GString *out = g_string_new (NULL);
  gboolean ok = FALSE;

  switch (request)
    {
    case LIST:
      jc_streaming_list_async (h->st, NULL, NULL, CB);
      result = WAIT_RESULT ();
      list = jc_streaming_list_finish (h->st, result, error);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_info (out, g_ptr_array_index (list, i));
        }
      ok = list != NULL;
      break;
    case INFO:
    case CREATE:
      if (request == INFO)
        jc_streaming_info_async (h->st, id, NULL, NULL, CB);
      else
        jc_streaming_create_async (h->st, mp, NULL, CB);
      result = WAIT_RESULT ();
      info = request == INFO ? jc_streaming_info_finish (h->st, result, error) : jc_streaming_create_finish (h->st, result, error);
      if (info != NULL)
        append_info (out, info);
      ok = info != NULL;
      break;
    case DESTROY:
      jc_streaming_destroy_async (h->st, id, NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_streaming_destroy_finish (h->st, result, error);
      g_string_append (out, "ok");
      break;
    case ENABLE:
      jc_streaming_enable_async (h->st, id, TRUE, NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_streaming_enable_finish (h->st, result, error);
      g_string_append (out, "ok");
      break;
    case KICK:
      jc_streaming_kick_all_async (h->st, id, NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_streaming_kick_all_finish (h->st, result, error);
      g_string_append (out, "ok");
      break;
    case WATCH:
      jc_streaming_watch_async (h->st, id, NULL, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_streaming_watch_finish (h->st, result, NULL, error);
      g_string_append (out, jc_streaming_get_status (h->st) == JC_STREAMING_STATUS_PREPARING ? "preparing" : "?");
      break;
    case PAUSE:
      jc_streaming_pause_async (h->st, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_streaming_pause_finish (h->st, result, error);
      g_string_append (out, jc_streaming_get_status (h->st) == JC_STREAMING_STATUS_PAUSED ? "pausing" : "?");
      break;
    case SWITCH:
      jc_streaming_switch_async (h->st, id, NULL, CB);
      result = WAIT_RESULT ();
      ok = jc_streaming_switch_finish (h->st, result, error);
      if (ok)
        {
          g_autofree char *now = jc_id_to_string (jc_streaming_get_mountpoint (h->st));

          g_string_append (out, now);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, !ok);
}

static void
test_hostile_reply (Hostile *h, gconstpointer data)
{
  const ReplyCase *c = data;
  static const ReplyCase after_case = { "after", ENABLE, "{'streaming': 'ok'}" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) after_error = NULL;
  g_autofree char *got = NULL;
  g_autofree char *after = NULL;

  h->c = c;
  got = run_request (h, c->request, &error);
  if (c->error != NULL)
    {
      g_assert_null (got);
      g_assert_nonnull (error);
      if (c->code == 0)
        g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
      else
        g_assert_error (error, JC_PLUGIN_ERROR, c->code);
      if (strstr (error->message, c->error) == NULL)
        g_error ("“%s” not in the error message “%s”", c->error, error->message);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, c->result);
    }
  g_assert_cmpuint (h->errors, ==, c->signals);

  /* The handle still works. */
  h->c = &after_case;
  after = run_request (h, ENABLE, &after_error);
  g_assert_no_error (after_error);
  g_assert_cmpstr (after, ==, "ok");
}

/* What goes out: the body of each request. */
static void
test_hostile_bodies (Hostile *h, gconstpointer data)
{
  static const ReplyCase refuse = { "refuse", LIST, "{'streaming': 'event', 'error_code': 470, 'error': 'scripted'}" };
  static const struct
  {
    Request request;
    const char *body;
  } expected[] = {
    { LIST, "{\"request\":\"list\"}" },
    { INFO, "{\"request\":\"info\",\"id\":12}" },
    { CREATE, "{\"request\":\"create\",\"type\":\"rtp\"}" },
    { DESTROY, "{\"request\":\"destroy\",\"id\":12}" },
    { ENABLE, "{\"request\":\"enable\",\"id\":12}" },
    { KICK, "{\"request\":\"kick_all\",\"id\":12}" },
    { WATCH, "{\"request\":\"watch\",\"id\":12}" },
    { PAUSE, "{\"request\":\"pause\"}" },
    { SWITCH, "{\"request\":\"switch\",\"id\":12}" },
  };
  g_autoptr (GError) error = NULL;

  h->c = &refuse;
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *got = NULL;
      g_autofree char *text = NULL;
      JsonObject *message;
      JsonObject *body = NULL;

      got = run_request (h, expected[i].request, &error);
      g_assert_null (got);
      g_assert_error (error, JC_PLUGIN_ERROR, JC_STREAMING_ERROR_UNKNOWN);
      g_clear_error (&error);
      message = fake_janus_last_request (h->fake, "message");
      g_assert_nonnull (message);
      g_assert_true (jc_json_get_object (message, "body", &body, NULL));
      text = jc_json_to_string (body);
      g_assert_cmpstr (text, ==, expected[i].body);
    }
}

static void
on_switched (JcStreaming *st, const JcId *id, guint *count)
{
  g_assert_cmpuint (jc_id_get_number (id), ==, 21);
  (*count)++;
}

static void
on_simulcast (JcStreaming *st, const char *mid, int substream, int temporal, int *last)
{
  last[0] = substream;
  last[1] = temporal;
}

static void
on_edited (JcStreaming *st, const JcId *id, const char *metadata, guint *count)
{
  g_assert_cmpstr (metadata, ==, "new");
  (*count)++;
}

/* Events Janus pushes: the good ones read, the bad reported and dropped. */
static void
test_hostile_events (Hostile *h, gconstpointer data)
{
  static const char *const bad[] = {
    "{'streaming': 'event'}",
    "{'streaming': 'event', 'result': 5}",
    "{'streaming': 'event', 'result': {'status': 'exploding'}}",
    "{'streaming': 'event', 'result': {'status': ['started']}}",
    "{'streaming': 'event', 'result': {'switched': 'ok', 'id': 9007199254740993}}",
    "{'streaming': 'event', 'result': {'switched': 'maybe', 'id': 3}}",
    "{'streaming': 'event', 'result': {'substream': 'two'}}",
    "{'streaming': 'event', 'result': {'temporal': -1}}",
    "{'streaming': 'event', 'result': {'spatial_layer': 1.5}}",
    "{'streaming': 'event', 'result': {'mid': 4, 'substream': 1}}",
    "{'streaming': 'event', 'result': {}}",
    "{'streaming': 'edited', 'id': 'x', 'metadata': 3}",
    "{'streaming': 'edited', 'metadata': 'm'}",
    "{'streaming': 'event', 'error_code': '455'}",
    "{'streaming': 'event', 'error_code': 455, 'error': 'No such mountpoint'}",
    "{'streaming': 7}",
    "{'videoroom': 'event', 'result': {'status': 'started'}}",
  };
  static const char *const good[] = {
    "{'streaming': 'event', 'result': {'status': 'started'}}",
    "{'streaming': 'event', 'result': {'switched': 'ok', 'id': 21}}",
    "{'streaming': 'event', 'result': {'mid': 'v', 'substream': 2}}",
    "{'streaming': 'edited', 'id': 21, 'metadata': 'new'}",
    "{'streaming': 'event', 'result': {'mid': 'v', 'spatial_layer': 1, 'temporal_layer': 0}}",
    "{'streaming': 'event', 'result': {'status': 'kicked_all'}}",
  };
  guint64 session = jc_session_get_id (h->session), handle = jc_handle_get_id (JC_HANDLE (h->st));
  guint switched = 0, edited = 0;
  int layers[2] = { -5, -5 };
  int svc[2] = { -5, -5 };
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  static const ReplyCase after_case = { "after", ENABLE, "{'streaming': 'ok'}" };

  g_signal_connect (h->st, "switched", G_CALLBACK (on_switched), &switched);
  g_signal_connect (h->st, "simulcast", G_CALLBACK (on_simulcast), layers);
  g_signal_connect (h->st, "edited", G_CALLBACK (on_edited), &edited);
  g_signal_connect (h->st, "svc", G_CALLBACK (on_simulcast), svc);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdelimit (g_strdup (bad[i]), "'", '"');
      g_autofree char *extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}}", JC_STREAMING_PLUGIN, text);

      fake_janus_push (h->fake, "event", session, handle, extra);
    }
  /* Garbage JSEP with a good result: reported, dropped, status kept. */
  fake_janus_push (h->fake, "event", session, handle,
                   "{\"plugindata\": {\"plugin\": \"janus.plugin.streaming\", \"data\": {\"streaming\": \"event\", \"result\": "
                   "{\"status\": \"started\"}}}, \"jsep\": {\"type\": \"offer\", \"sdp\": \"not an sdp\"}}");
  JC_TEST_WAIT_UNTIL (h->errors >= G_N_ELEMENTS (bad) + 1);
  jc_test_run_for (100);
  g_assert_cmpuint (h->errors, ==, G_N_ELEMENTS (bad) + 1);
  g_assert_cmpint (jc_streaming_get_status (h->st), ==, JC_STREAMING_STATUS_IDLE);
  g_assert_cmpuint (switched, ==, 0);
  g_assert_cmpuint (edited, ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = g_strdelimit (g_strdup (good[i]), "'", '"');
      g_autofree char *extra = g_strdup_printf ("{\"plugindata\": {\"plugin\": \"%s\", \"data\": %s}}", JC_STREAMING_PLUGIN, text);

      fake_janus_push (h->fake, "event", session, handle, extra);
    }
  /* A valid offer Janus sends unasked (a renegotiation): read, and with
   * no peer left to the application. */
  fake_janus_push (h->fake, "event", session, handle,
                   "{\"plugindata\": {\"plugin\": \"janus.plugin.streaming\", \"data\": {\"streaming\": \"event\", \"result\": "
                   "{\"status\": \"updating\"}}}, \"jsep\": " OFFER_JSON "}");
  JC_TEST_WAIT_UNTIL (jc_streaming_get_status (h->st) == JC_STREAMING_STATUS_PREPARING);
  g_assert_cmpint (svc[0], ==, 1);
  g_assert_cmpint (svc[1], ==, 0);
  fake_janus_push (h->fake, "event", session, handle,
                   "{\"plugindata\": {\"plugin\": \"janus.plugin.streaming\", \"data\": {\"streaming\": \"event\", \"result\": "
                   "{\"status\": \"kicked_all\"}}}}");
  JC_TEST_WAIT_UNTIL (jc_streaming_get_status (h->st) == JC_STREAMING_STATUS_KICKED);
  g_assert_cmpuint (h->errors, ==, G_N_ELEMENTS (bad) + 1);
  g_assert_cmpuint (switched, ==, 1);
  g_assert_cmpuint (edited, ==, 1);
  g_assert_cmpint (layers[0], ==, 2);
  g_assert_cmpint (layers[1], ==, -1);
  g_assert_cmpuint (jc_id_get_number (jc_streaming_get_mountpoint (h->st)), ==, 21);

  h->c = &after_case;
  after = run_request (h, ENABLE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, "ok");
}

/* The CLI against the same Janus: create (admin key) → list → info →
 * destroy, and a second destroy's 455. */
static void
test_cli (void)
{
  const char *ws = jc_local_janus_get_ws_uri (janus);
  g_auto (JcTestCliRun) created = { 0 };
  g_auto (JcTestCliRun) no_key = { 0 };
  g_auto (JcTestCliRun) list = { 0 };
  g_auto (JcTestCliRun) shown = { 0 };
  g_auto (JcTestCliRun) destroyed = { 0 };
  g_auto (JcTestCliRun) again = { 0 };
  g_auto (JcTestCliRun) usage = { 0 };
  g_autoptr (JsonObject) out = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autofree char *id = NULL;
  JsonObject *ports;

  jc_test_cli_runv (&no_key, NULL, NULL, (const char *const[]){ "--json", "--server", ws, "streaming", "create", NULL });
  g_assert_cmpint (no_key.status, ==, 1);
  g_assert_nonnull (strstr (no_key.out, "\"code\":453"));

  jc_test_cli_runv (&created, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "streaming", "create", "--admin-key", ADMIN_KEY, "--secret", "cli-s",
                                           "--description", "from the CLI", NULL });
  g_assert_cmpint (created.status, ==, 0);
  out = jc_test_json (created.out);
  ports = json_object_get_object_member (out, "ports");
  g_assert_cmpint (json_object_get_int_member (ports, "audio"), >, 0);
  g_assert_cmpint (json_object_get_int_member (ports, "video"), >, 0);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (out, "id"));

  jc_test_cli_runv (&list, NULL, NULL, (const char *const[]){ "--json", "--server", ws, "streaming", "list", NULL });
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "\"mountpoints\""));
  g_assert_nonnull (strstr (list.out, "from the CLI"));

  jc_test_cli_runv (&shown, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "streaming", "info", "--id", id, "--secret", "cli-s", NULL });
  g_assert_cmpint (shown.status, ==, 0);
  info = jc_test_json (shown.out);
  g_assert_cmpstr (json_object_get_string_member (info, "description"), ==, "from the CLI");
  g_assert_nonnull (strstr (shown.out, "\"port\""));

  jc_test_cli_runv (&destroyed, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "streaming", "destroy", "--id", id, "--secret", "cli-s", NULL });
  g_assert_cmpint (destroyed.status, ==, 0);
  g_assert_nonnull (strstr (destroyed.out, "\"destroyed\":true"));
  jc_test_cli_runv (&again, NULL, NULL,
                    (const char *const[]){ "--json", "--server", ws, "streaming", "destroy", "--id", id, "--secret", "cli-s", NULL });
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.out, "\"code\":455"));

  jc_test_cli_runv (&usage, NULL, NULL, (const char *const[]){ "--json", "--server", ws, "streaming", "info", NULL });
  g_assert_cmpint (usage.status, ==, 2);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int ret;

  /* The fake Janus: no GSettings schemas, no proxy for 127.0.0.1. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  janus = jc_local_janus_new ();
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
  jc_local_janus_set_plugin_config (janus, "janus.plugin.streaming", "  admin_key = \"" ADMIN_KEY "\"");
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);

  g_test_add_func ("/streaming/request-fields", test_request_fields);
#define ADD(path, func) g_test_add ("/streaming/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("admin/lifecycle", test_lifecycle);
  ADD ("admin/create-errors", test_create_errors);
  ADD ("watch/offer-and-pin", test_watch_offer);
  ADD ("admin/file-mountpoints", test_file_mountpoints);
#undef ADD
  g_test_add_func ("/streaming/cli", test_cli);
  g_test_add_func ("/streaming/admin/string-ids", test_string_ids);
  g_test_add ("/streaming/hostile/bodies", Hostile, NULL, hostile_setup, test_hostile_bodies, hostile_teardown);
  g_test_add ("/streaming/hostile/events", Hostile, NULL, hostile_setup, test_hostile_events, hostile_teardown);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/streaming/hostile/reply/%s", cases[i].name);

      g_test_add (path, Hostile, &cases[i], hostile_setup, test_hostile_reply, hostile_teardown);
    }

  ret = g_test_run ();
  jc_local_janus_stop (janus);
  g_clear_object (&janus);
  return ret;
}
