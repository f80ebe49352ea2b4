/* publish-file.c: publish a media file into a VideoRoom for a while.
 * Usage: publish-file ws://HOST:8188 ROOM FILE [SECONDS]. LGPL-2.1-or-later */
#include <janus-client/janus-client.h>

static GAsyncResult *result;

static void
done (GObject *source, GAsyncResult *res, gpointer data)
{
  result = g_object_ref (res);
}

static gboolean
stop (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until the pending call completed. */
static GAsyncResult *
wait (void)
{
  static GAsyncResult *last;

  g_clear_object (&last);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return last = g_steal_pointer (&result);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcSession) session = NULL;
  g_autoptr (JcVideoRoom) vr = NULL;
  g_autoptr (JcId) room = argc >= 4 ? jc_id_parse (argv[2]) : NULL;
  g_autoptr (JcMediaSource) source = room != NULL ? jc_media_source_new (argv[3], &error) : NULL;
  g_autoptr (JcPeer) peer = NULL;
  gboolean stopped = FALSE;

  if (source == NULL)
    return g_printerr ("usage: publish-file URI ROOM FILE [SECONDS]\n"), 2;
  if ((client = jc_client_new_for_uri (argv[1], &error)) == NULL)
    goto fail;
  jc_client_connect_async (client, NULL, done, NULL);
  if (!jc_client_connect_finish (client, wait (), &error))
    goto fail;
  jc_client_create_session_async (client, 0, NULL, done, NULL);
  if ((session = jc_client_create_session_finish (client, wait (), &error)) == NULL)
    goto fail;
  jc_video_room_attach_async (session, NULL, NULL, done, NULL);
  if ((vr = jc_video_room_attach_finish (wait (), &error)) == NULL)
    goto fail;
  peer = jc_peer_new (JC_HANDLE (vr));
  jc_peer_set_source (peer, source);
  jc_video_room_publish_media_async (vr, room, peer, NULL, NULL, done, NULL);
  if (!jc_video_room_publish_media_finish (vr, wait (), &error))
    goto fail;
  g_print ("publishing %s into room %s\n", argv[3], argv[2]);
  g_timeout_add_seconds (argc > 4 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : 10, stop, &stopped);
  while (!stopped)
    g_main_context_iteration (NULL, TRUE);
  jc_peer_stop_async (peer, NULL, done, NULL);
  jc_peer_stop_finish (peer, wait (), NULL);
  return 0;
fail:
  g_printerr ("publish-file: %s\n", error->message);
  return 1;
}
