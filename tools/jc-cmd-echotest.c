/* jc-cmd-echotest.c: `janus-client echotest [media options] [--bitrate BPS]`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Sends media to the EchoTest plugin, receives it back, optionally records
 * it, prints progress on stderr and a summary at the end.
 */
#include "jc-cli-media.h"

static gpointer
wait_pointer (JcCliWaiter *waiter, gpointer (*finish) (GAsyncResult *, GError **), GError **error)
{
  g_autoptr (GAsyncResult) result = jc_cli_waiter_wait (waiter);

  return finish (result, error);
}

typedef struct
{
  JcCliOptions *opts;
  JcCliMediaOptions *media;
  JcClient *client;
  JcSession *session;
  JcEchoTest *echo;
  JcPeer *peer;
} EchoRun;

static JsonObject *
offer_and_answer (EchoRun *run, JcCliWaiter *waiter, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) offer = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (JcEchoTestRequest) request = jc_echo_test_request_new ();

  jc_peer_create_offer_async (run->peer, run->opts->cancellable, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  offer = jc_peer_create_offer_finish (run->peer, result, error);
  g_clear_object (&result);
  if (offer == NULL)
    return NULL;

  jc_echo_test_request_set_audio (request, !run->media->no_audio);
  jc_echo_test_request_set_video (request, !run->media->no_video);
  if (run->media->bitrate > 0)
    jc_echo_test_request_set_bitrate (request, (guint) run->media->bitrate);
  jc_echo_test_configure_async (run->echo, request, offer, run->opts->cancellable, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  if (!jc_echo_test_configure_finish (run->echo, result, &answer, error))
    return NULL;
  g_clear_object (&result);
  if (answer == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_PROTOCOL, "EchoTest accepted the offer but sent no answer");
      return NULL;
    }
  jc_peer_set_remote_description_async (run->peer, answer, run->opts->cancellable, jc_cli_waiter_callback, waiter);
  result = jc_cli_waiter_wait (waiter);
  if (!jc_peer_set_remote_description_finish (run->peer, result, error))
    return NULL;
  return g_steal_pointer (&answer);
}

static void
cleanup (EchoRun *run, JcCliWaiter *waiter)
{
  g_autoptr (GError) error = NULL;

  if (run->peer != NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_peer_stop_async (run->peer, NULL, jc_cli_waiter_callback, waiter);
      result = jc_cli_waiter_wait (waiter);
      jc_peer_stop_finish (run->peer, result, NULL);
    }
  if (run->echo != NULL && jc_handle_is_attached (JC_HANDLE (run->echo)))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_handle_hangup_async (JC_HANDLE (run->echo), NULL, jc_cli_waiter_callback, waiter);
      result = jc_cli_waiter_wait (waiter);
      if (!jc_handle_hangup_finish (JC_HANDLE (run->echo), result, &error))
        g_debug ("Hangup: %s", error->message);
      g_clear_error (&error);
      g_clear_object (&result);
      jc_handle_detach_async (JC_HANDLE (run->echo), NULL, jc_cli_waiter_callback, waiter);
      result = jc_cli_waiter_wait (waiter);
      if (!jc_handle_detach_finish (JC_HANDLE (run->echo), result, &error))
        g_debug ("Detach: %s", error->message);
      g_clear_error (&error);
    }
  if (run->session != NULL && jc_session_is_alive (run->session))
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_session_destroy_async (run->session, NULL, jc_cli_waiter_callback, waiter);
      result = jc_cli_waiter_wait (waiter);
      if (!jc_session_destroy_finish (run->session, result, &error))
        g_debug ("Destroy: %s", error->message);
    }
}

int
jc_cmd_echotest (JcCliOptions *opts, int argc, char **argv)
{
  JcCliMediaOptions media;
  EchoRun run = { opts, &media, NULL, NULL, NULL, NULL };
  g_autoptr (JcCliWaiter) waiter = jc_cli_waiter_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JcMediaSource) source = NULL;
  g_autoptr (JcMediaSink) sink = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (JsonObject) summary = NULL;
  double elapsed = 0;
  gboolean media_ok = FALSE;
  gboolean completed;
  int status;

  jc_cli_media_options_init (&media);
  status = jc_cli_parse_command (opts, "echotest", "", "Send media to the EchoTest plugin and receive it back.",
                                 jc_cli_media_entries (&media), &argc, &argv);
  if (status != JC_CLI_EXIT_OK)
    goto out;
  if (argc > 1)
    {
      status = jc_cli_usage_error (opts, "echotest takes no arguments (got “%s”)", argv[1]);
      goto out;
    }
  source = jc_cli_media_source (&media, &error);
  if (source == NULL)
    {
      status = jc_cli_usage_or_fail (opts, error);
      goto out;
    }
  sink = jc_cli_media_sink (&media, &error);
  if (sink == NULL)
    {
      status = jc_cli_usage_error (opts, "%s", error->message);
      goto out;
    }

  run.client = jc_cli_connect (opts, JC_LOCAL_JANUS_NETWORK_AUTO, &error);
  if (run.client == NULL)
    {
      status = jc_cli_fail (opts, error);
      goto out;
    }
  if (!jc_cli_media_available (opts, &error))
    {
      status = jc_cli_fail (opts, error);
      goto out;
    }

  jc_client_create_session_async (run.client, 0, opts->cancellable, jc_cli_waiter_callback, waiter);
  {
    g_autoptr (GAsyncResult) result = jc_cli_waiter_wait (waiter);

    run.session = jc_client_create_session_finish (run.client, result, &error);
  }
  if (run.session == NULL)
    {
      status = jc_cli_fail (opts, error);
      goto out;
    }
  jc_echo_test_attach_async (run.session, NULL, opts->cancellable, jc_cli_waiter_callback, waiter);
  run.echo = wait_pointer (waiter, (gpointer (*) (GAsyncResult *, GError **)) jc_echo_test_attach_finish, &error);
  if (run.echo == NULL)
    {
      status = jc_cli_fail (opts, error);
      goto out;
    }

  run.peer = jc_cli_media_peer (opts, JC_HANDLE (run.echo));
  jc_peer_set_source (run.peer, source);
  jc_peer_set_sink (run.peer, sink);
  answer = offer_and_answer (&run, waiter, &error);
  if (answer == NULL)
    {
      status = jc_cli_fail (opts, error);
      goto out;
    }

  completed = jc_cli_media_run (opts, run.peer, media.duration_s, &elapsed);
  cleanup (&run, waiter);
  summary = jc_cli_media_summary (run.peer, elapsed, media.output, &media_ok);
  jc_cli_media_print_summary (opts, summary);
  if (!completed)
    status = JC_CLI_EXIT_INTERRUPTED;
  else if (!media_ok)
    {
      g_set_error (&error, JC_ERROR, JC_ERROR_MEDIA, "No media came back from the EchoTest (webrtcup: %s, ICE %s)",
                   jc_peer_is_webrtcup (run.peer) ? "yes" : "no", jc_peer_get_ice_state (run.peer));
      jc_cli_warn ("%s", error->message);
      status = JC_CLI_EXIT_MEDIA;
    }
  else
    status = JC_CLI_EXIT_OK;
  g_clear_object (&run.peer);

out:
  if (status != JC_CLI_EXIT_OK && status != JC_CLI_EXIT_MEDIA && status != JC_CLI_EXIT_INTERRUPTED)
    cleanup (&run, waiter);
  g_clear_object (&run.peer);
  g_clear_object (&run.echo);
  g_clear_object (&run.session);
  g_clear_object (&run.client);
  jc_cli_media_options_clear (&media);
  return status;
}
