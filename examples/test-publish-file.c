/* test-publish-file.c: runs examples/publish-file against a private Janus
 * in a network namespace and checks that it published into the room.
 *
 *   test-publish-file PATH/TO/publish-file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <janus-client/janus-client.h>
#include <unistd.h>

#include "jc-local-janus.h"

static GAsyncResult *result;

static void
done (GObject *source, GAsyncResult *res, gpointer data)
{
  result = g_object_ref (res);
}

static GAsyncResult *
wait (void)
{
  static GAsyncResult *last;

  g_clear_object (&last);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return last = g_steal_pointer (&result);
}

static void
make_webm (const char *path)
{
  g_autofree char *description = g_strdup_printf (
      "videotestsrc num-buffers=60 ! video/x-raw,width=320,height=240,framerate=15/1 ! vp8enc deadline=1 ! "
      "webmmux name=mux ! filesink location=\"%s\" audiotestsrc num-buffers=200 samplesperbuffer=960 ! "
      "audio/x-raw,rate=48000 ! opusenc ! mux.",
      path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) message = NULL;

  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static gboolean
has_publisher (JcVideoRoom *vr, const JcId *room)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  jc_video_room_list_participants_async (vr, room, NULL, done, NULL);
  list = jc_video_room_list_participants_finish (vr, wait (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (jc_video_room_participant_is_publisher (g_ptr_array_index (list, i)))
      return TRUE;
  return FALSE;
}

static void
on_child_exit (GPid pid, int wait_status, gpointer data)
{
  *(int *) data = wait_status;
  g_spawn_close_pid (pid);
}

int
main (int argc, char **argv)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcVideoRoom) vr = NULL;
  g_autoptr (JcId) room = jc_id_new_number (4242);
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *room_text = NULL;
  gboolean seen = FALSE;
  int exit_status = -1;
  GPid pid;

  if (argc != 2)
    return g_printerr ("usage: test-publish-file PATH/TO/publish-file\n"), 2;
  if (geteuid () != 0)
    {
      g_print ("SKIP: media needs Janus in a network namespace, which needs root\n");
      return 77;
    }
  gst_init (NULL, NULL);
  jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
  if (!jc_local_janus_start (janus, 15000, &error))
    g_error ("Cannot start a private Janus: %s", error->message);
  dir = g_dir_make_tmp ("jc-example-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_build_filename (dir, "clip.webm", NULL);
  make_webm (file);

  client = jc_client_new_for_uri (jc_local_janus_get_ws_uri (janus), &error);
  jc_client_connect_async (client, NULL, done, NULL);
  g_assert_true (jc_client_connect_finish (client, wait (), &error));
  jc_client_create_session_async (client, 0, NULL, done, NULL);
  session = jc_client_create_session_finish (client, wait (), &error);
  jc_video_room_attach_async (session, NULL, NULL, done, NULL);
  vr = jc_video_room_attach_finish (wait (), &error);
  g_assert_no_error (error);
  jc_video_room_create_async (vr, room, NULL, NULL, done, NULL);
  g_clear_pointer (&room, jc_id_free);
  room = jc_video_room_create_finish (vr, wait (), &error);
  g_assert_no_error (error);
  room_text = jc_id_to_string (room);

  {
    const char *child_argv[] = { argv[1], jc_local_janus_get_ws_uri (janus), room_text, file, "4", NULL };
    /* The example gathers ICE candidates on the veth only: test media
     * stays between this host and the namespace. */
    g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "JANUS_CLIENT_ICE_ADDRESSES",
                                            jc_local_janus_get_client_address (janus), TRUE);

    g_spawn_async (NULL, (char **) child_argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
    g_assert_no_error (error);
    g_child_watch_add (pid, on_child_exit, &exit_status);
  }
  while (exit_status == -1)
    {
      if (!seen)
        seen = has_publisher (vr, room);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (50000);
    }
  g_print ("publish-file exited with %d, publisher %s\n", exit_status, seen ? "seen" : "never seen");
  jc_local_janus_stop (janus);
  g_unlink (file);
  g_rmdir (dir);
  return g_spawn_check_wait_status (exit_status, NULL) && seen ? 0 : 1;
}
